package io.github.sfntest.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ResourceStoreTest {

  private static final String PREFIX = "arn:aws:states:us-east-1:111111111111:activity:";

  private final ActivityStore store = new ActivityStore();

  private ActivityRecord add(String name) {
    return store.computeIfAbsent(PREFIX + name, arn -> new ActivityRecord(arn, name, Instant.EPOCH));
  }

  @Test
  void finds_a_resource_by_arn_and_lists_them_by_name() {
    ActivityRecord b = add("b");
    ActivityRecord a = add("a");

    assertThat(store.get(PREFIX + "b")).isSameAs(b);
    assertThat(store.sortedByName()).containsExactly(a, b);
  }

  @Test
  void an_unknown_arn_gets_the_types_own_error() {
    assertThatThrownBy(() -> store.get(PREFIX + "none"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).isEqualTo("ActivityDoesNotExist"))
        .hasMessage("Activity Does Not Exist: '" + PREFIX + "none'");
  }

  @Test
  void an_arn_of_another_type_is_invalid_before_it_is_looked_up() {
    String machine = "arn:aws:states:us-east-1:111111111111:stateMachine:a";
    add("a");

    assertThatThrownBy(() -> store.get(machine))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).isEqualTo("InvalidArn"))
        .hasMessage("Invalid Arn: 'Resource type not valid in this context: stateMachine: " + machine + "'");
    assertThatThrownBy(() -> store.delete(machine)).isInstanceOf(ApiException.class);
    assertThat(store.contains(PREFIX + "a")).isTrue();
  }

  @Test
  void put_if_absent_keeps_the_first() {
    ActivityRecord first = new ActivityRecord(PREFIX + "x", "x", Instant.EPOCH);

    assertThat(store.putIfAbsent(PREFIX + "x", first)).isSameAs(first);
    assertThat(store.putIfAbsent(PREFIX + "x", new ActivityRecord(PREFIX + "x", "x", Instant.MAX))).isSameAs(first);
  }
}

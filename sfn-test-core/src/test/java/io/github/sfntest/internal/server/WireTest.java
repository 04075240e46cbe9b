package io.github.sfntest.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireTest {

  @Test
  void pages_follow_each_other_through_next_token() {
    List<Integer> items = List.of(1, 2, 3, 4, 5);
    List<Integer> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      ObjectNode out = Wire.obj();
      Wire.page(items, token, 2, out, seen::add);
      token = out.has("nextToken") ? out.get("nextToken").asText() : null;
      pages++;
    } while (token != null);

    assertThat(seen).containsExactly(1, 2, 3, 4, 5);
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void a_token_not_made_here_is_an_invalid_token() {
    for (String token : new String[] {"bad", "c2ZuLXRlc3Q6OQ" /* sfn-test:9, past the end */}) {
      assertThatThrownBy(() -> Wire.page(List.of(1), token, 2, Wire.obj(), x -> {}))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).isEqualTo("InvalidToken"))
          .hasMessage("Invalid Token: 'Invalid pagination token'");
    }
  }

  @Test
  void timestamps_are_epoch_seconds_with_milliseconds() {
    assertThat(Wire.epoch(Instant.ofEpochMilli(1_700_000_000_123L)).toString()).isEqualTo("1700000000.123");
    assertThat(Wire.pageSize(0)).isEqualTo(100);
    assertThat(Wire.pageSize(7)).isEqualTo(7);
  }
}

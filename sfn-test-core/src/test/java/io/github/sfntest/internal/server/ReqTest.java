package io.github.sfntest.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.internal.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReqTest {

  private static Req req(String json) {
    return new Req((ObjectNode) Json.parse(json));
  }

  @Test
  void an_enum_error_lists_the_allowed_values_in_their_declared_order() {
    assertThatThrownBy(() -> req("{\"f\":\"X\"}").oneOf("f", List.of("RUNNING", "SUCCEEDED", "FAILED"), null))
        .hasMessage("1 validation error detected: Value 'X' at 'f' failed to satisfy constraint: "
            + "Member must satisfy enum value set: [RUNNING, SUCCEEDED, FAILED]");
  }

  @Test
  void a_member_of_the_wrong_json_type_is_a_serialization_error_naming_both_types() {
    Req r = req("{\"s\":1,\"b\":\"x\",\"o\":[],\"a\":{},\"i\":1.5}");

    assertThatThrownBy(() -> r.str("s")).hasMessage("Member 's' must be a string, found a number");
    assertThatThrownBy(() -> r.bool("b", false)).hasMessage("Member 'b' must be a boolean, found a string");
    assertThatThrownBy(() -> r.object("o")).hasMessage("Member 'o' must be an object, found a list");
    assertThatThrownBy(() -> r.array("a")).hasMessage("Member 'a' must be a list, found an object");
    assertThatThrownBy(() -> r.integer("i", 0, 10, 0)).hasMessage("Member 'i' must be an integer, found a number");
  }

  @Test
  void absent_and_null_members_take_the_default() {
    Req r = req("{\"n\":null}");

    assertThat(r.str("n")).isNull();
    assertThat(r.bool("n", true)).isTrue();
    assertThat(r.integer("missing", 0, 10, 7)).isEqualTo(7);
    assertThat(r.object("n")).isNull();
    assertThat(r.array("missing")).isNull();
    assertThatThrownBy(() -> r.required("n")).isInstanceOfSatisfying(ApiException.class,
        e -> assertThat(e.type()).isEqualTo("ValidationException"));
  }
}

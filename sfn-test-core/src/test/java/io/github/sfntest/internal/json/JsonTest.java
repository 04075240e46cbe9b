package io.github.sfntest.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void keeps_big_integers_and_decimals_exactly() {
    String text = "{\"big\":123456789012345678901234567890,\"dec\":0.1000000000000000055511151231257827,\"n\":3.3}";
    assertThat(Json.write(Json.parse(text))).isEqualTo(text);
  }

  @Test
  void writes_compact_json_like_aws_history_payloads() {
    assertThat(Json.write(Json.parse("{ \"a\" : [1, 2, {\"b\": null}] }"))).isEqualTo("{\"a\":[1,2,{\"b\":null}]}");
  }

  @Test
  void rejects_trailing_garbage_with_a_location() {
    assertThatThrownBy(() -> Json.parse("{\"a\":1} x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 1");
  }
}

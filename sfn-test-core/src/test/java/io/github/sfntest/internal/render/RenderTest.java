package io.github.sfntest.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.internal.json.Json;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderTest {

  @Test
  void jsonDiffListsEveryDifferenceWithItsPath() {
    List<JsonDiff.Difference> diff =
        JsonDiff.diff(
            Json.parse("{\"a\": 1, \"b\": {\"c\": [1, 2]}, \"weird key\": true, \"gone\": 0}"),
            Json.parse("{\"a\": 1.0, \"b\": {\"c\": [1, 3, 4]}, \"weird key\": false, \"extra\": null}"),
            JsonDiff.Mode.STRICT);
    assertThat(JsonDiff.render(diff))
        .isEqualTo(
            """
            JSON differences (5):
              $.b.c[1]: expected 2 but was 3
              $.b.c: expected 2 elements but was 3 elements, unexpected 4
              $['weird key']: expected true but was false
              $.gone: missing, expected 0
              $.extra: unexpected field with value null""");
  }

  @Test
  void lenientIgnoresExtraFields() {
    assertThat(JsonDiff.matches(Json.parse("{\"a\": {}}"), Json.parse("{\"a\": {\"b\": 1}, \"c\": 2}"), JsonDiff.Mode.LENIENT)).isTrue();
  }

  @Test
  void textHelpers() {
    assertThat(Text.duration(Duration.ofMillis(250))).isEqualTo("250ms");
    assertThat(Text.duration(Duration.ofMillis(1500))).isEqualTo("1.5s");
    assertThat(Text.duration(Duration.ofSeconds(125))).isEqualTo("2m 5s");
    assertThat(Text.duration(Duration.ofMinutes(62))).isEqualTo("1h 2m");
    assertThat(Text.didYouMean("chargecard", List.of("Validate", "ChargeCard"))).isEqualTo("Did you mean \"ChargeCard\"? Known states: [\"Validate\", \"ChargeCard\"]");
    assertThat(Text.didYouMean("Zzz", List.of("Validate"))).isEqualTo("Known states: [\"Validate\"]");
  }
}

package io.github.sfntest.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The one policy for untrusted JSON: depth, number range, UTF-8, same limits on read and write. */
class JsonPolicyTest {

  private static String nested(int depth) {
    return "[".repeat(depth) + "1" + "]".repeat(depth);
  }

  @Test
  void reads_and_writes_back_the_deepest_document_it_accepts() {
    JsonNode deepest = Json.parse(nested(Json.MAX_DEPTH));
    assertThat(Json.write(deepest)).isEqualTo(nested(Json.MAX_DEPTH));
    assertThat(Json.pretty(deepest)).isNotEmpty();
  }

  @Test
  void refuses_one_level_more_with_its_location() {
    assertThatThrownBy(() -> Json.parse("\n  " + nested(Json.MAX_DEPTH + 1)))
        .isInstanceOf(JsonLimitException.class)
        .hasMessageContaining("nested deeper than 512 levels")
        .hasMessageContaining("line 2, column " + (3 + Json.MAX_DEPTH));
  }

  @Test
  void refuses_documents_deep_enough_to_overflow_a_recursive_walk() {
    assertThatThrownBy(() -> Json.parse(nested(100_000))).isInstanceOf(JsonLimitException.class);
    assertThatThrownBy(() -> Json.parse("{\"a\":".repeat(9_000) + "1" + "}".repeat(9_000)))
        .isInstanceOf(JsonLimitException.class);
  }

  @Test
  void refuses_to_write_what_it_would_refuse_to_read() {
    ArrayNode root = Json.NODES.arrayNode();
    ArrayNode leaf = root;
    for (int i = 1; i < Json.MAX_DEPTH + 1; i++) {
      leaf = leaf.addArray();
    }
    ArrayNode tooDeep = root;
    assertThatThrownBy(() -> Json.write(tooDeep))
        .isInstanceOf(JsonLimitException.class)
        .hasMessageContaining("nested deeper than 512 levels");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e400", "-1e400", "1E+2147483647", "1e10000", "1e-400", "1E-2147483647",
      "2e308", "1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "-179769313486231580000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000.0"})
  void refuses_numbers_no_double_can_hold_with_their_location(String number) {
    assertThatThrownBy(() -> Json.parse("{\n \"n\": " + number + "}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Number out of range")
        .hasMessageContaining("line 2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.7976931348623157E308", "-1.7976931348623157E308", "4.9E-324", "0E-400", "0e99999",
      "123456789012345678901234567890", "1e308"})
  void keeps_numbers_at_the_edges_of_the_range(String number) {
    JsonNode node = Json.parse("[" + number + "]");
    assertThat(Json.parse(Json.write(node)).get(0).decimalValue()).isEqualByComparingTo(node.get(0).decimalValue());
  }

  @Test
  void names_the_first_byte_that_is_not_utf8() {
    byte[] bytes = "{\"a\":\n \"caf\u00e9 \"}".getBytes(StandardCharsets.UTF_8);
    bytes[bytes.length - 5] = (byte) 0xFF; // the first byte of the e-acute
    assertThatThrownBy(() -> Json.parse(bytes, "input.json"))
        .isInstanceOf(JsonLimitException.class)
        .hasMessage("input.json is not valid UTF-8: byte 0xFF at line 2, column 6 (byte offset 11) does not begin"
            + " or continue a UTF-8 character; save the file as UTF-8");
  }

  @Test
  void names_a_truncated_sequence_at_the_end() {
    byte[] bytes = {'"', 'a', (byte) 0xC3};
    assertThatThrownBy(() -> Utf8.decode(bytes, "x")).hasMessageContaining("line 1, column 3 (byte offset 2)");
  }

  @Test
  void drops_a_byte_order_mark() {
    assertThat(Utf8.decode(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '1'}, "x")).isEqualTo("1");
  }
}

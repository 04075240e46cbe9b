package io.github.sfntest.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class MockConfigValidationTest {

  static MockConfigException error(String json) {
    return catchThrowableOfType(MockConfigException.class, () -> MockConfigFile.parse(json));
  }

  static String file(String responses) {
    return "{\"StateMachines\": {\"SM\": {\"TestCases\": {\"Case\": {\"A\": \"R\"}}}},\n"
        + " \"MockedResponses\": {\"R\": " + responses + "}}";
  }

  @Test
  void both_return_and_throw_is_rejected_at_the_entry() {
    MockConfigException e = error(file("{\"0\": {\"Return\": 1, \"Throw\": {\"Error\": \"E\"}}}"));
    assertThat(e.pointer()).isEqualTo("/MockedResponses/R/0");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(33);
    assertThat(e)
        .hasMessage(
            "MockConfigFile line 2, column 33, at /MockedResponses/R/0: a response has both \"Return\" and \"Throw\"\n"
                + "Hint: keep one of them; to return on some invocations and throw on others use separate keys,"
                + " e.g. \"0\" and \"1-2\"");
  }

  @Test
  void neither_return_nor_throw_is_rejected() {
    assertThat(error(file("{\"0\": {}}")).getMessage())
        .isEqualTo(
            "MockConfigFile line 2, column 33, at /MockedResponses/R/0: a response has neither \"Return\" nor \"Throw\"\n"
                + "Hint: write {\"Return\": <result>} or {\"Throw\": {\"Error\": \"...\", \"Cause\": \"...\"}}");
  }

  @Test
  void overlapping_ranges_are_rejected_at_the_later_key() {
    MockConfigException e = error(file("{\"0-2\": {\"Return\": 1}, \"2\": {\"Return\": 2}}"));
    assertThat(e.pointer()).isEqualTo("/MockedResponses/R/2");
    assertThat(e.getMessage())
        .isEqualTo(
            "MockConfigFile line 2, column 50, at /MockedResponses/R/2: the invocations of \"2\" overlap \"0-2\"\n"
                + "Hint: each invocation index may have only one response; make the ranges disjoint");
  }

  @Test
  void a_reversed_range_is_rejected_with_the_fix() {
    assertThat(error(file("{\"3-1\": {\"Return\": 1}}")).getMessage())
        .isEqualTo(
            "MockConfigFile line 2, column 28, at /MockedResponses/R/3-1: the range \"3-1\" ends before it starts\n"
                + "Hint: write the smaller number first: \"1-3\"");
  }

  @Test
  void non_numeric_keys_are_rejected() {
    for (String key : new String[] {"first", "-1", " 1", "01", "1-", "1-2-3", "1.0"}) {
      MockConfigException e = error(file("{\"" + key + "\": {\"Return\": 1}}"));
      assertThat(e.problem()).isEqualTo("\"" + key + "\" is not an invocation index or range");
      assertThat(e.hint())
          .isEqualTo(
              "keys are 0-based invocation numbers such as \"0\" or inclusive ranges such as \"1-3\" (digits only,"
                  + " no spaces, no leading zeros)");
    }
  }

  @Test
  void an_unknown_response_name_is_rejected_with_the_closest_and_the_defined_ones() {
    String json =
        "{\"StateMachines\": {\"SM\": {\"TestCases\": {\"Case\": {\"A\": \"ChargeOK\"}}}},\n"
            + " \"MockedResponses\": {\"ChargeOk\": {\"0\": {\"Return\": 1}}, \"Refund\": {}}}";
    MockConfigException e = error(json);
    assertThat(e.pointer()).isEqualTo("/StateMachines/SM/TestCases/Case/A");
    assertThat(e.getMessage())
        .isEqualTo(
            "MockConfigFile line 1, column 55, at /StateMachines/SM/TestCases/Case/A: state \"A\" uses the response"
                + " \"ChargeOK\", which \"MockedResponses\" does not define\n"
                + "Hint: did you mean \"ChargeOk\"? defined responses: \"ChargeOk\", \"Refund\"");
  }

  @Test
  void invalid_json_reports_the_parser_position() {
    MockConfigException e = error("{\"StateMachines\": {},\n \"MockedResponses\": {\"R\": {\"0\": {\"Return\": 1,}}}}");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.problem()).startsWith("the text is not valid JSON: Unexpected character ('}' (code 125))");
  }

  @Test
  void duplicate_members_are_rejected_instead_of_silently_kept() {
    MockConfigException e = error(file("{\"0\": {\"Return\": 1}, \"0\": {\"Return\": 2}}"));
    assertThat(e.getMessage())
        .isEqualTo(
            "MockConfigFile line 2, column 48, at /MockedResponses/R/0: the member \"0\" appears twice in the same object\n"
                + "Hint: JSON readers silently keep only one of them; remove or rename the other");
  }

  @Test
  void throw_must_be_an_object_with_string_error_and_cause() {
    assertThat(error(file("{\"0\": {\"Throw\": \"Boom\"}}")).problem()).isEqualTo("\"Throw\" is a string, not an object");
    MockConfigException cause = error(file("{\"0\": {\"Throw\": {\"Error\": \"E\", \"Cause\": {\"code\": 1}}}}"));
    assertThat(cause.pointer()).isEqualTo("/MockedResponses/R/0/Throw/Cause");
    assertThat(cause.problem()).isEqualTo("\"Cause\" is an object, not a string");
  }

  @Test
  void unknown_members_are_rejected_with_a_did_you_mean() {
    assertThat(error(file("{\"0\": {\"Returns\": 1}}")).getMessage())
        .isEqualTo(
            "MockConfigFile line 2, column 34, at /MockedResponses/R/0/Returns: unknown member \"Returns\" in a response\n"
                + "Hint: did you mean \"Return\"? a response has exactly one of \"Return\" or \"Throw\"");
    assertThat(error(file("{\"0\": {\"Throw\": {\"Eror\": \"E\"}}}")).hint())
        .isEqualTo("did you mean \"Error\"? \"Throw\" has only \"Error\" and \"Cause\"");
    assertThat(error("{\"StateMachines\": {}, \"MockedResponse\": {}}").problem())
        .isEqualTo("unknown top-level member \"MockedResponse\"");
    assertThat(error("{\"StateMachines\": {\"SM\": {\"TestCase\": {}}}, \"MockedResponses\": {}}").hint())
        .isEqualTo("did you mean \"TestCases\"? a state machine entry has only \"TestCases\"");
  }

  @Test
  void missing_or_misshapen_sections_are_rejected() {
    assertThat(error("{\"StateMachines\": {}}").getMessage())
        .startsWith("MockConfigFile line 1, column 1, at /: the member \"MockedResponses\" is missing\nHint: a MockConfigFile is");
    assertThat(error("[]").problem()).isEqualTo("the document is an array, not an object");
    assertThat(error("{\"StateMachines\": {\"SM\": {\"TestCases\": {\"Case\": {\"A\": 1}}}}, \"MockedResponses\": {}}").problem())
        .isEqualTo("state \"A\" maps to a number, not to a response name");
    assertThat(error("{\"StateMachines\": {}, \"MockedResponses\": {\"R\": [1]}}").problem())
        .isEqualTo("a mocked response is an array, not an object keyed by invocation index");
  }

  @Test
  void state_names_with_slashes_and_tildes_get_escaped_pointers() {
    String json =
        "{\"StateMachines\": {\"SM\": {\"TestCases\": {\"Case\": {\"Map/Inner~1\": \"Nope\"}}}}, \"MockedResponses\": {}}";
    assertThat(error(json).pointer()).isEqualTo("/StateMachines/SM/TestCases/Case/Map~1Inner~01");
  }
}

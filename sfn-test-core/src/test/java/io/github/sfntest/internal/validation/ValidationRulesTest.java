package io.github.sfntest.internal.validation;

import static io.github.sfntest.internal.validation.ValidationTestSupport.error;
import static io.github.sfntest.internal.validation.ValidationTestSupport.expect;
import static io.github.sfntest.internal.validation.ValidationTestSupport.schema;
import static io.github.sfntest.internal.validation.ValidationTestSupport.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.definition.Diagnostic;
import io.github.sfntest.definition.Severity;
import org.junit.jupiter.api.Test;

/** One minimal bad definition per rule: exact code, pointer, line/column and message. */
class ValidationRulesTest {

  // ------------------------------------------------------------ document level

  @Test
  void malformed_json_is_reported_with_its_position() {
    String text = "{\n  \"StartAt\": \"A\",\n  \"States\": {\n    \"A\": {\"Type\": \"Pass\" \"End\": true}\n  }\n}";
    assertThat(validate(text))
        .containsExactly(
            new Diagnostic("INVALID_JSON_DESCRIPTION", Severity.ERROR, "", 4, 26,
                "the definition is not well-formed JSON: Unexpected character ('\"' (code 34)): was expecting"
                    + " comma to separate Object entries"));
  }

  @Test
  void empty_definition_is_not_a_json_object() {
    // AWS: SCHEMA_VALIDATION_FAILED "Definition must be a valid JSON object" (was MISSING_DESCRIPTION, not an AWS answer)
    assertThat(validate("  \n"))
        .containsExactly(new Diagnostic("SCHEMA_VALIDATION_FAILED", Severity.ERROR, "", 1, 1,
            "the definition is empty; expected a JSON object with StartAt and States"));
  }

  @Test
  void trailing_content_after_the_definition_is_invalid_json() {
    String text = "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}} {}";
    assertThat(validate(text))
        .containsExactly(error("INVALID_JSON_DESCRIPTION", text, "", "} »{}",
            "unexpected content after the end of the definition; a definition is exactly one JSON object"));
  }

  @Test
  void a_definition_that_is_not_an_object_is_rejected() {
    assertThat(validate("[1, 2]"))
        .containsExactly(new Diagnostic("SCHEMA_VALIDATION_FAILED", Severity.ERROR, "", 1, 1,
            "a definition must be a JSON object with StartAt and States; found an array"));
  }

  @Test
  void missing_start_at_and_unknown_top_level_field() {
    String text = """
        {
          "Comment": "x",
          "Verison": "1.0",
          "States": {"A": {"Type": "Succeed"}}
        }""";
    assertThat(validate(text))
        .containsExactly(
            schema(text, "", "{\n  \"Comment\"", "missing required field \"StartAt\" in the state machine"),
            schema(text, "/Verison", "\"Verison\"",
                "unknown field \"Verison\" in the state machine; did you mean \"Version\"?"));
  }

  @Test
  void version_other_than_1_0_only_warns() {
    // audit: no AWS evidence rejects another Version (the engine ignores the field), so it is a warning
    String text = """
        {"Version": "2.0", "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}""";
    assertThat(validate(text)).containsExactly(expect("UNKNOWN_VERSION", Severity.WARNING, text, "/Version", "\"2.0\"",
        "Version should be the string \"1.0\" (was the string \"2.0\"); AWS may accept the definition (no AWS"
            + " rejection of another version is recorded), sfn-test runs it as States Language 1.0"));
  }

  @Test
  void a_map_iteration_cannot_assign_a_variable_of_an_enclosing_scope() {
    String text = """
        {"StartAt": "Init", "States": {
          "Init": {"Type": "Pass", "Assign": {"total": 0}, "Next": "Fan"},
          "Fan": {"Type": "Map", "ItemProcessor": {"StartAt": "Add", "States": {
            "Add": {"Type": "Pass", "Assign": {"total": 1, "mine": 2}, "End": true}}}, "End": true}
        }}""";
    assertThat(validate(text))
        .containsExactly(schema(text, "/States/Fan/ItemProcessor/States/Add/Assign/total", "\"total\": 1",
            "Variable \"total\" is assigned in an enclosing scope (/States/Init/Assign/total): a Parallel branch or"
                + " Map iteration can read the variables around it but cannot assign them; use another name, or"
                + " pass the value out through the state's output"));
  }

  @Test
  void a_repeated_field_outside_states_only_warns_and_the_last_one_is_kept() {
    // audit: no AWS evidence rejects it (AWS's JSON reader keeps the last value), so it is a warning
    String text = "{\"StartAt\": \"A\", \"Comment\": \"x\", \"Comment\": \"y\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}";
    assertThat(validate(text)).containsExactly(expect("DUPLICATE_FIELD", Severity.WARNING, text, "/Comment",
        "\"Comment\": \"y\"", "duplicate field \"Comment\"; only the last one would be used"));
    assertThat(DefinitionValidator.parse(text).root().get("Comment").asText()).isEqualTo("y");
  }

  @Test
  void duplicate_state_names_are_reported() {
    String text = """
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "End": true},
          "A": {"Type": "Succeed"}
        }}""";
    assertThat(validate(text))
        .containsExactly(error("DUPLICATE_STATE_NAME", text, "/States/A", "\"A\": {\"Type\": \"Succeed\"",
            "duplicate state name \"A\"; state names must be unique"));
  }

  @Test
  void state_names_longer_than_80_characters_are_invalid() {
    String name = "N".repeat(81);
    String text = "{\"StartAt\": \"" + name + "\", \"States\": {\"" + name + "\": {\"Type\": \"Succeed\"}}}";
    assertThat(validate(text))
        .containsExactly(new Diagnostic("INVALID_STATE_NAME", Severity.ERROR, "/States/" + name, 1, 109,
            "state name is 81 characters long; AWS allows at most 80"));
  }

  @Test
  void a_state_that_is_not_an_object_is_rejected_with_a_hint_for_misplaced_fields() {
    String text = """
        {"StartAt": "A", "States": {
          "QueryLanguage": "JSONata",
          "A": {"Type": "Succeed"}
        }}""";
    assertThat(validate(text))
        .containsExactly(schema(text, "/States/QueryLanguage", "\"JSONata\"",
            "state \"QueryLanguage\" must be an object with a Type (was the string \"JSONata\"); \"QueryLanguage\""
                + " is a field of the state machine: move it out of \"States\" to the top level of the definition"));
  }

  // ------------------------------------------------------------ fields and hints

  @Test
  void unknown_field_suggests_the_near_miss() {
    String text = """
        {
          "StartAt": "A",
          "States": {
            "A": {"Type": "Pass", "Nexxt": "B"},
            "B": {"Type": "Succeed"}
          }
        }""";
    assertThat(validate(text))
        .containsExactly(
            schema(text, "/States/A", "{\"Type\": \"Pass\"",
                "Pass state \"A\" has neither \"Next\" nor \"End\": true; every Pass state must say where to go"),
            schema(text, "/States/A/Nexxt", "\"Nexxt\"", "unknown field \"Nexxt\" in Pass state \"A\"; did you mean \"Next\"?"),
            error("MISSING_TRANSITION_TARGET", text, "/States/B", "\"B\": {",
                "State \"B\" is not reachable: no StartAt, Next, Default or Catch Next in this scope leads to it"));
  }

  @Test
  void unknown_type_is_worded_as_aws_words_it() {
    String text = """
        {"StartAt": "A", "States": {"A": {"Type": "Passs", "End": true}}}""";
    // AWS's message; our near-miss hint ("did you mean \"Pass\"?") rides along separately
    assertThat(DefinitionValidator.validate(text)).extracting(Diagnostic::pointer, Diagnostic::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/States/A/Type",
            "The field 'Type' should have one of these values: [Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map]"));
    assertThat(DefinitionValidator.validate(text).get(0).hint()).endsWith("did you mean \"Pass\"?");
  }

  @Test
  void missing_type_is_reported_on_the_state() {
    String text = """
        {"StartAt": "A", "States": {"A": {"End": true}}}""";
    assertThat(validate(text))
        .containsExactly(schema(text, "/States/A", "{\"End\"",
            "state \"A\" is missing required field \"Type\" (one of Choice, Fail, Map, Parallel, Pass, Succeed, Task, Wait)"));
  }

  @Test
  void a_field_of_another_state_type_says_where_it_belongs() {
    String text = """
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "Resource": "arn:aws:states:::lambda:invoke", "End": true}}}""";
    assertThat(validate(text))
        .containsExactly(schema(text, "/States/A/Resource", "\"Resource\"",
            "unknown field \"Resource\" in Pass state \"A\"; \"Resource\" belongs to Task states"));
  }

  // ------------------------------------------------------------ transitions

  @Test
  void next_naming_an_unknown_state_lists_close_names() {
    String text = """
        {"StartAt": "Charge", "States": {
          "Charge": {"Type": "Pass", "Next": "Chrage"},
          "Charged": {"Type": "Succeed"},
          "Change": {"Type": "Succeed"}
        }}""";
    assertThat(validate(text).stream().filter(d -> d.pointer().equals("/States/Charge/Next")))
        .containsExactly(error("MISSING_TRANSITION_TARGET", text, "/States/Charge/Next", "\"Chrage\"",
            "Missing 'Next' target: no state named \"Chrage\" in this scope; did you mean \"Charge\", \"Change\" or"
                + " \"Charged\"?"));
  }

  @Test
  void start_at_naming_an_unknown_state_is_a_missing_target() {
    String text = """
        {"StartAt": "Strat", "States": {"Start": {"Type": "Succeed"}}}""";
    assertThat(validate(text))
        .containsExactly(error("MISSING_TRANSITION_TARGET", text, "/StartAt", "\"Strat\"",
            "Missing 'StartAt' target: no state named \"Strat\" in this scope; did you mean \"Start\"?"));
  }

  @Test
  void next_may_not_cross_into_a_parallel_branch() {
    String text = """
        {"StartAt": "P", "States": {
          "P": {"Type": "Parallel", "Next": "Inner", "Branches": [
            {"StartAt": "Inner", "States": {"Inner": {"Type": "Succeed"}}}
          ]}
        }}""";
    assertThat(validate(text))
        .containsExactly(
            error("MISSING_END_STATE", text, "/States", "{\n  \"P\"",
                "The state machine has no terminal state: no state has \"End\": true and none is a Succeed or Fail state"),
            error("MISSING_TRANSITION_TARGET", text, "/States/P/Next", "\"Inner\", \"Branches\"",
            "Missing 'Next' target: no state named \"Inner\" in this scope; \"Inner\" is defined in"
                + " /States/P/Branches/0/States, a different scope: transitions cannot cross into or out of a Parallel"
                + " branch or Map iteration"));
  }

  @Test
  void next_and_end_together_are_rejected() {
    String text = """
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B", "End": true}, "B": {"Type": "Succeed"}}}""";
    assertThat(validate(text))
        .containsExactly(schema(text, "/States/A/End", "true",
            "Pass state \"A\" has both \"Next\" and \"End\": true; use exactly one"));
  }

  @Test
  void unreachable_states_are_rejected_like_aws() {
    String text = """
        {"StartAt": "A", "States": {"A": {"Type": "Succeed"}, "Orphan": {"Type": "Succeed"}}}""";
    assertThat(validate(text))
        .containsExactly(error("MISSING_TRANSITION_TARGET", text, "/States/Orphan", "\"Orphan\"",
            "State \"Orphan\" is not reachable: no StartAt, Next, Default or Catch Next in this scope leads to it"));
  }

  @Test
  void a_scope_without_terminal_state_is_missing_end_state() {
    String text = """
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "Next": "A"}}}""";
    assertThat(validate(text))
        .containsExactly(error("MISSING_END_STATE", text, "/States", "{\"A\"",
            "The state machine has no terminal state: no state has \"End\": true and none is a Succeed or Fail state"));
  }

  @Test
  void choice_state_cannot_have_next_and_default_must_exist() {
    String text = """
        {"StartAt": "C", "States": {
          "C": {"Type": "Choice", "Next": "D", "Default": "Dflt",
                "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "D"}]},
          "D": {"Type": "Succeed"}
        }}""";
    assertThat(validate(text))
        .containsExactly(
            schema(text, "/States/C/Next", "\"Next\": \"D\", \"Default\"",
                "unknown field \"Next\" in Choice state \"C\"; a Choice state moves on through its Choices and Default,"
                    + " never Next or End"),
            error("MISSING_TRANSITION_TARGET", text, "/States/C/Default", "\"Dflt\"",
                "Missing 'Default' target: no state named \"Dflt\" in this scope"));
  }

  // ------------------------------------------------------------ Retry / Catch

  @Test
  void retry_interval_seconds_below_one_is_out_of_range() {
    String text = """
        {
          "StartAt": "Charge",
          "States": {
            "Charge": {
              "Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke",
              "End": true,
              "Retry": [
                {
                  "ErrorEquals": ["States.TaskFailed"],
                  "MaxAttempts": 2,
                  "IntervalSeconds": 0
                }
              ]
            }
          }
        }""";
    assertThat(validate(text))
        .containsExactly(new Diagnostic("SCHEMA_VALIDATION_FAILED", Severity.ERROR,
            "/States/Charge/Retry/0/IntervalSeconds", 12, 30, "IntervalSeconds must be >= 1 (was 0)"));
  }

  @Test
  void retry_ranges_for_attempts_backoff_delay_and_jitter() {
    String text = """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
          "Retry": [{"ErrorEquals": ["Oops"], "MaxAttempts": -1, "BackoffRate": 0.5, "MaxDelaySeconds": 0,
                     "JitterStrategy": "FUL"}]}}}""";
    assertThat(validate(text))
        .containsExactly(
            schema(text, "/States/T/Retry/0/MaxAttempts", "-1", "MaxAttempts must be >= 0 (was -1)"),
            schema(text, "/States/T/Retry/0/BackoffRate", "0.5", "BackoffRate must be >= 1 (was 0.5)"),
            schema(text, "/States/T/Retry/0/MaxDelaySeconds", "\"MaxDelaySeconds\": »0",
                "MaxDelaySeconds must be >= 1 (was 0)"),
            schema(text, "/States/T/Retry/0/JitterStrategy", "\"FUL\"",
                "JitterStrategy must be one of FULL, NONE (was the string \"FUL\"); did you mean \"FULL\"?"));
  }

  @Test
  void states_all_must_be_alone_and_last() {
    String text = """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
          "Retry": [{"ErrorEquals": ["States.ALL", "Custom"]}, {"ErrorEquals": ["Other"]}]}}}""";
    assertThat(validate(text))
        .containsExactly(
            schema(text, "/States/T/Retry/0/ErrorEquals/0", "\"States.ALL\"", "States.ALL must appear alone in ErrorEquals"),
            schema(text, "/States/T/Retry/0/ErrorEquals/0", "\"States.ALL\"",
                "a retrier with States.ALL must be the last one (it is 1 of 2)"));
  }

  @Test
  void unknown_reserved_states_error_names_only_warn() {
    String text = """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
          "Catch": [{"ErrorEquals": ["States.Timeot"], "Next": "F"}]}, "F": {"Type": "Fail"}}}""";
    assertThat(validate(text))
        .containsExactly(expect("RESERVED_ERROR_NAME", Severity.WARNING, text, "/States/T/Catch/0/ErrorEquals/0",
            "\"States.Timeot\"", "\"States.Timeot\" is not a predefined error: names starting with \"States.\" are"
                + " reserved; did you mean \"States.Timeout\"?" + Diagnostics.UNBACKED_NOTE));
  }

  @Test
  void catcher_needs_next_and_a_reference_result_path() {
    String text = """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
          "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.errors[*]"}]}}}""";
    assertThat(validate(text))
        .containsExactly(
            schema(text, "/States/T/Catch/0", "{\"ErrorEquals\"", "catcher is missing required field \"Next\""),
            schema(text, "/States/T/Catch/0/ResultPath", "\"$.errors[*]\"",
                "ResultPath must be a reference path that names a single location: no wildcards, filters or deep"
                    + " scans (was \"$.errors[*]\")"));
  }

  // ------------------------------------------------------------ paths and templates

  @Test
  void invalid_jsonpath_in_input_path_is_reported() {
    String text = """
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "InputPath": "$.a[", "End": true}}}""";
    assertThat(validate(text)).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("SCHEMA_VALIDATION_FAILED");
      assertThat(d.pointer()).isEqualTo("/States/A/InputPath");
      assertThat(d.column()).isEqualTo(text.indexOf("\"$.a[\"") + 1);
      assertThat(d.message()).startsWith("InputPath invalid JSONPath \"$.a[\": ");
    });
  }

  @Test
  void path_fields_must_start_with_dollar() {
    String text = """
        {"StartAt": "A", "States": {"A": {"Type": "Wait", "SecondsPath": "seconds", "End": true}}}""";
    assertThat(validate(text))
        .containsExactly(schema(text, "/States/A/SecondsPath", "\"seconds\"",
            "SecondsPath must be a JSONPath starting with \"$\" (was \"seconds\")"));
  }

  @Test
  void context_paths_and_variables_are_valid_paths() {
    String text = """
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "InputPath": "$$.Execution.Input", "Parameters": {
          "v.$": "$myVar.field", "c.$": "$$.State.Name ", "f.$": "$.items[?(@.a == 'x' && @.b<5)]", "d.$": "$..age"
        }, "ResultPath": "$['out'].list[2]", "End": true}}}""";
    assertThat(validate(text)).isEmpty();
  }

  @Test
  void dollar_key_needs_a_string_path() {
    String text = """
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"n.$": 5, "m.$": "name"}, "End": true}}}""";
    assertThat(validate(text))
        .containsExactly(
            schema(text, "/States/A/Parameters/n.$", "5", "\"n.$\" ends with \".$\", so its value must be a path or"
                + " intrinsic function string (was the number 5); drop the \".$\" for a literal value"),
            schema(text, "/States/A/Parameters/m.$", "\"name\"", "\"m.$\": must be a JSONPath starting with \"$\" or an"
                + " intrinsic function such as States.Format(...) (was \"name\")"));
  }

  @Test
  void intrinsic_calls_in_dollar_keys_are_not_rejected_while_valid() {
    String text = """
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"m.$": "States.Format('Hi {}', $.name)"},
          "End": true}}}""";
    assertThat(validate(text)).isEmpty();
  }

  @Test
  void result_path_must_be_a_reference_path() {
    String text = """
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "ResultPath": "$$.Execution", "End": true}}}""";
    assertThat(validate(text))
        .containsExactly(schema(text, "/States/A/ResultPath", "\"$$.Execution\"",
            "ResultPath must be a reference path starting with \"$\" (not a context path or variable), e.g."
                + " \"$.result\" (was \"$$.Execution\")"));
  }

  @Test
  void path_looking_literal_gets_a_no_dollar_warning() {
    String text = """
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"name": "$.name"}, "End": true}}}""";
    assertThat(validate(text))
        .containsExactly(expect("NO_DOLLAR", Severity.WARNING, text, "/States/A/Parameters/name", "\"$.name\"",
            "\"name\" holds \"$.name\", which looks like a path or intrinsic function but is passed as literal text;"
                + " name the field \"name.$\" to evaluate it"));
  }

  @Test
  void dollar_keys_in_pass_result_get_a_static_result_warning() {
    String text = """
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": {"x.$": "$.y"}, "End": true}}}""";
    assertThat(validate(text))
        .containsExactly(expect("PASS_RESULT_IS_STATIC", Severity.WARNING, text, "/States/A/Result/x.$", "\"$.y\"",
            "Result is used as is: \".$\" keys are not evaluated here; use Parameters to select from the input"));
  }

  @Test
  void assign_keys_must_be_variable_names() {
    String text = """
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"1st": 1, "ok.$": "$.x"}, "End": true}}}""";
    assertThat(validate(text))
        .containsExactly(schema(text, "/States/A/Assign/1st", "\"1st\"",
            "\"1st\" is not a valid variable name: use letters, digits and underscores, not starting with a digit"));
  }

  // ------------------------------------------------------------ state types

  @Test
  void task_resource_must_be_an_arn() {
    String text = """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "lambda:invoke", "End": true}}}""";
    assertThat(validate(text))
        .containsExactly(error("INVALID_RESOURCE", text, "/States/T/Resource", "\"lambda:invoke\"",
            "Resource \"lambda:invoke\" is not an ARN; expected e.g. \"arn:aws:states:::lambda:invoke\" or"
                + " \"arn:aws:lambda:us-east-1:123456789012:function:name\""));
  }

  @Test
  void task_without_resource_and_heartbeat_not_below_timeout() {
    String text = """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "TimeoutSeconds": 10, "HeartbeatSeconds": 10, "End": true}}}""";
    assertThat(validate(text))
        .containsExactly(
            schema(text, "/States/T", "{\"Type\": \"Task\"",
                "Task state is missing required field \"Resource\" (an ARN such as \"arn:aws:states:::lambda:invoke\")"),
            schema(text, "/States/T/HeartbeatSeconds", "\"HeartbeatSeconds\": »10",
                "HeartbeatSeconds must be smaller than TimeoutSeconds (was 10 with TimeoutSeconds 10)"));
  }

  @Test
  void unsubstituted_placeholder_in_a_number_field_hints_at_substitution() {
    String text = """
        {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": "${WaitSeconds}", "End": true}}}""";
    assertThat(validate(text))
        .containsExactly(schema(text, "/States/W/Seconds", "\"${WaitSeconds}\"",
            "Seconds must be an integer (was the string \"${WaitSeconds}\"); the value looks like an unsubstituted"
                + " ${...} placeholder: a DefinitionSubstitution may be missing"));
  }

  @Test
  void unsubstituted_placeholder_inside_a_string_is_not_an_error() {
    String text = """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "${FunctionArn}",
          "Parameters": {"TableName": "${Table}"}, "End": true}}}""";
    assertThat(validate(text)).isEmpty();
  }

  @Test
  void wait_takes_exactly_one_duration_and_a_valid_timestamp() {
    String text = """
        {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 5, "Timestamp": "2024-01-01 10:00", "End": true}}}""";
    assertThat(validate(text))
        .containsExactly(
            schema(text, "/States/W/Timestamp", "\"Timestamp\"",
                "Wait state \"W\" has Seconds and Timestamp; a Wait state takes exactly one of them"),
            schema(text, "/States/W/Timestamp", "\"2024-01-01 10:00\"",
                "Timestamp must be an ISO-8601 date-time with an upper-case T and a time zone, such as"
                    + " \"2016-03-14T01:59:00Z\" (was \"2024-01-01 10:00\")"));
  }

  @Test
  void fail_cannot_have_error_and_error_path() {
    String text = """
        {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "E", "ErrorPath": "$.e"}}}""";
    assertThat(validate(text))
        .containsExactly(schema(text, "/States/F/ErrorPath", "\"ErrorPath\"",
            "\"Error\" and \"ErrorPath\" cannot both be set; use one"));
  }

  // ------------------------------------------------------------ Choice rules

  @Test
  void choice_rule_shapes_are_checked() {
    String text = """
        {"StartAt": "C", "States": {"C": {"Type": "Choice", "Default": "D", "Choices": [
          {"Variable": "$.a", "Next": "D"},
          {"Variable": "$.a", "NumericEquals": "5", "Next": "D"},
          {"And": [{"Variable": "$.b", "IsNull": true, "Next": "D"}], "Next": "D"},
          {"Variable": "$.c", "StringEquals": "x", "BooleanEquals": true, "Next": "D"},
          {"Not": {"Variable": "$.d", "StringEqulas": "y"}, "Next": "D"}
        ]}, "D": {"Type": "Succeed"}}}""";
    assertThat(validate(text))
        .containsExactly(
            schema(text, "/States/C/Choices/0", "{\"Variable\": \"$.a\", \"Next\"",
                "choice rule has no comparison operator (e.g. StringEquals, NumericGreaterThan, IsPresent)"),
            schema(text, "/States/C/Choices/1/NumericEquals", "\"5\"", "NumericEquals must be a number (was the string \"5\")"),
            schema(text, "/States/C/Choices/2/And/0/Next", "\"Next\": \"D\"}]",
                "unknown field \"Next\" in a choice rule; only top-level rules of Choices have Next"),
            schema(text, "/States/C/Choices/3/BooleanEquals", "\"BooleanEquals\"",
                "a choice rule takes exactly one comparison operator; found StringEquals and BooleanEquals"),
            schema(text, "/States/C/Choices/4/Not", "{\"Variable\": \"$.d\"",
                "choice rule has no comparison operator (e.g. StringEquals, NumericGreaterThan, IsPresent)"),
            schema(text, "/States/C/Choices/4/Not/StringEqulas", "\"StringEqulas\"",
                "unknown field \"StringEqulas\" in a choice rule; did you mean \"StringEquals\"?"));
  }

  // ------------------------------------------------------------ Map / Parallel

  @Test
  void nested_state_machines_are_validated_with_their_own_pointers() {
    String text = """
        {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemProcessor": {
          "StartAt": "Inner", "States": {"Inner": {"Type": "Pass", "Next": "Outer"}}}}}}""";
    assertThat(validate(text))
        .containsExactly(
            error("MISSING_END_STATE", text, "/States/M/ItemProcessor/States", "{\"Inner\"",
                "A Map ItemProcessor has no terminal state: no state has \"End\": true and none is a Succeed or Fail"
                    + " state"),
            error("MISSING_TRANSITION_TARGET", text, "/States/M/ItemProcessor/States/Inner/Next", "\"Outer\"",
                "Missing 'Next' target: no state named \"Outer\" in this scope"));
  }

  @Test
  void parallel_with_no_branches_only_warns() {
    String text = """
        {"StartAt": "P", "States": {"P": {"Type": "Parallel", "Branches": [], "End": true}}}""";
    assertThat(validate(text))
        .containsExactly(expect("EMPTY_BRANCHES", Severity.WARNING, text, "/States/P/Branches", "[]",
            "Branches is empty: the Parallel state runs no branch and its result is []" + Diagnostics.UNBACKED_NOTE));
  }

  @Test
  void distributed_map_fields_are_checked() {
    String text = """
        {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
          "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "CSVV"}},
          "ItemBatcher": {"MaxInputBytesPerBatch": 300000},
          "ToleratedFailurePercentage": 150,
          "Label": "my label",
          "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"},
            "StartAt": "I", "States": {"I": {"Type": "Succeed"}}}}}}""";
    assertThat(validate(text))
        .containsExactly(
            schema(text, "/States/M/ItemReader", "\"ItemReader\"", "ItemReader is only available in a Distributed Map;"
                + " set \"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\", \"ExecutionType\": \"STANDARD\"} in the ItemProcessor"),
            schema(text, "/States/M/ItemReader/ReaderConfig/InputType", "\"CSVV\"",
                "InputType must be one of CSV, JSON, JSONL, MANIFEST, PARQUET (was the string \"CSVV\"); did you mean"
                    + " \"CSV\"?"),
            schema(text, "/States/M/ItemBatcher", "\"ItemBatcher\"", "ItemBatcher is only available in a Distributed"
                + " Map; set \"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\", \"ExecutionType\": \"STANDARD\"} in the"
                + " ItemProcessor"),
            schema(text, "/States/M/ItemBatcher/MaxInputBytesPerBatch", "300000",
                "MaxInputBytesPerBatch must be <= 262144 (was 300000)"),
            schema(text, "/States/M/ToleratedFailurePercentage", "150", "ToleratedFailurePercentage must be <= 100 (was 150)"),
            // audit: no AWS rejection of a Label is recorded, so it is a warning
            expect("LABEL_FORMAT", Severity.WARNING, text, "/States/M/Label", "\"my label\"", "Label should not contain"
                + " whitespace, brackets, wildcards or the characters \" # % \\ ^ | ~ ` $ & , ; : / (found \" \"); AWS"
                + " may accept the definition (no AWS rejection of it is recorded), but the label names the Map Run in"
                + " its ARN"));
  }

  @Test
  void distributed_item_processor_needs_an_execution_type() {
    String text = """
        {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemProcessor": {
          "ProcessorConfig": {"Mode": "DISTRIBUTED"}, "StartAt": "I", "States": {"I": {"Type": "Succeed"}}}}}}""";
    assertThat(validate(text))
        .containsExactly(schema(text, "/States/M/ItemProcessor/ProcessorConfig", "{\"Mode\"",
            "a DISTRIBUTED ItemProcessor needs \"ExecutionType\": \"STANDARD\" or \"EXPRESS\""));
  }

  // ------------------------------------------------------------ query languages

  @Test
  void jsonpath_fields_are_rejected_in_jsonata_states_with_the_replacement() {
    String text = """
        {"QueryLanguage": "JSONata", "StartAt": "T", "States": {"T": {"Type": "Task",
          "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"a": 1}, "End": true}}}""";
    assertThat(validate(text))
        .containsExactly(schema(text, "/States/T/Parameters", "\"Parameters\"",
            "field \"Parameters\" is only valid in JSONPath states, but Task state \"T\" uses JSONata; use Arguments (or"
                + " ItemSelector in a Map state) with {% %} expressions"));
  }

  @Test
  void jsonata_fields_are_rejected_in_jsonpath_states() {
    String text = """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Arguments": {"a": 1}, "End": true}}}""";
    assertThat(validate(text))
        .containsExactly(schema(text, "/States/T/Arguments", "\"Arguments\"",
            "field \"Arguments\" is only valid in JSONata states, but Task state \"T\" uses JSONPath; use Parameters"
                + " with \".$\" keys"));
  }

  @Test
  void a_jsonata_state_in_a_jsonpath_machine_is_allowed() {
    String text = """
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "QueryLanguage": "JSONata", "Output": "{% $states.input %}",
          "Assign": {"x": "{% 1 + 1 %}"}, "End": true}}}""";
    assertThat(validate(text)).isEmpty();
  }

  @Test
  void a_jsonpath_state_in_a_jsonata_machine_is_rejected() {
    String text = """
        {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "QueryLanguage": "JSONPath",
          "End": true}}}""";
    assertThat(validate(text))
        .containsExactly(schema(text, "/States/A/QueryLanguage", "\"JSONPath\"",
            "a JSONPath state cannot be used in a state machine whose top-level QueryLanguage is JSONata; only a"
                + " JSONPath machine can mix in JSONata states"));
  }

  @Test
  void invalid_jsonata_expression_is_reported() {
    String text = """
        {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Output": "{% $states.input. %}",
          "End": true}}}""";
    assertThat(validate(text)).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("SCHEMA_VALIDATION_FAILED");
      assertThat(d.pointer()).isEqualTo("/States/A/Output");
      assertThat(d.line()).isEqualTo(1);
      assertThat(d.column()).isEqualTo(text.indexOf("\"{%") + 1);
      assertThat(d.message()).startsWith("invalid JSONata expression \"{% $states.input. %}\": ");
    });
  }

  @Test
  void jsonata_choice_rules_use_condition() {
    String text = """
        {"QueryLanguage": "JSONata", "StartAt": "C", "States": {"C": {"Type": "Choice", "Default": "D",
          "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "D"}]}, "D": {"Type": "Succeed"}}}""";
    assertThat(validate(text))
        .containsExactly(
            schema(text, "/States/C/Choices/0", "{\"Variable\"",
                "JSONata choice rule is missing required field \"Condition\" (a {% %} expression)"),
            expect("UNKNOWN_FIELD", Severity.WARNING, text, "/States/C/Choices/0/Variable", "\"Variable\"",
                "unknown field \"Variable\" in a JSONata choice rule; JSONata rules use \"Condition\": \"{% ... %}\""
                + " instead of Variable, And, Or, Not and comparison operators" + Diagnostics.UNBACKED_NOTE),
            expect("UNKNOWN_FIELD", Severity.WARNING, text, "/States/C/Choices/0/IsPresent", "\"IsPresent\"",
                "unknown field \"IsPresent\" in a JSONata choice rule; JSONata rules use \"Condition\": \"{% ... %}\""
                + " instead of Variable, And, Or, Not and comparison operators" + Diagnostics.UNBACKED_NOTE));
  }

  @Test
  void dollar_keys_in_jsonata_states_only_warn() {
    String text = """
        {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Output": {"a.$": "$.x"},
          "End": true}}}""";
    assertThat(validate(text))
        .containsExactly(expect("DOLLAR_KEY_IN_JSONATA", Severity.WARNING, text, "/States/A/Output/a.$", "\"a.$\"",
            "\".$\" keys are JSONPath syntax and are not evaluated in JSONata states; write the key without \".$\" and"
            + " the value as \"{% ... %}\"" + Diagnostics.UNBACKED_NOTE));
  }

  @Test
  void jsonata_expressions_are_accepted_in_numeric_fields_only_in_jsonata() {
    String ok = """
        {"QueryLanguage": "JSONata", "StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": "{% $states.input.s %}",
          "End": true}}}""";
    assertThat(validate(ok)).isEmpty();
    String bad = ok.replace("\"QueryLanguage\": \"JSONata\", ", "");
    assertThat(validate(bad))
        .containsExactly(schema(bad, "/States/W/Seconds", "\"{%", "Seconds must be an integer (was the string"
            + " \"{% $states.input.s %}\"); {% %} expressions need \"QueryLanguage\": \"JSONata\""));
  }

  // ------------------------------------------------------------ YAML

  @Test
  void yaml_definitions_get_yaml_line_and_column() {
    String text = """
        Comment: yaml
        StartAt: A
        States:
          A:
            Type: Pass
            Next: B
          B:
            Type: Wait
            Seconds: -5
            End: true
        """;
    assertThat(validate(text))
        .containsExactly(new Diagnostic("SCHEMA_VALIDATION_FAILED", Severity.ERROR, "/States/B/Seconds", 9, 14,
            "Seconds must be >= 0 (was -5)"));
  }

  @Test
  void malformed_yaml_is_invalid_json_description() {
    String text = "StartAt: A\nStates:\n  A: {Type: Pass\n";
    assertThat(validate(text)).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("INVALID_JSON_DESCRIPTION");
      assertThat(d.message()).startsWith("the definition is not well-formed YAML: ");
      assertThat(d.line()).isGreaterThanOrEqualTo(3);
    });
  }
}

package io.github.sfntest.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.definition.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * AWS's own message and location for each rule whose answer was recorded on AWS (LocalStack's
 * AWS-validated snapshots, the validation conformance corpus) or reported verbatim from AWS in
 * public issues: {@code CODE | location | message}, exactly as ValidateStateMachineDefinition gives it.
 */
class AwsMessagesTest {

  private static List<String> aws(String definition, String type) {
    return DefinitionValidator.validate(definition, type).stream().filter(Diagnostic::isError)
        .map(d -> d.code() + " | " + d.location() + " | " + d.message()).toList();
  }

  private static List<String> aws(String definition) {
    return aws(definition, "STANDARD");
  }

  @Test
  void blank_text_and_non_objects_are_not_a_json_object_and_have_no_location() {
    assertThat(aws(" ")).containsExactly("SCHEMA_VALIDATION_FAILED | null | Definition must be a valid JSON object");
    assertThat(aws("[1, 2]")).containsExactly("SCHEMA_VALIDATION_FAILED | null | Definition must be a valid JSON object");
  }

  @Test
  void text_that_is_not_json_is_invalid_json_with_the_parser_position() {
    // YAML is not read here: AWS reads JSON only
    assertThat(aws("not a definition")).containsExactly("INVALID_JSON_DESCRIPTION"
        + " | [Source: (String)\"not a definition\"; line: 1, column: 4]"
        + " | Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or"
        + " 'false')\n at [Source: (String)\"not a definition\"; line: 1, column: 4]");
  }

  @Test
  void missing_top_level_fields_are_one_diagnostic_at_the_root() {
    assertThat(aws("{}")).containsExactly("SCHEMA_VALIDATION_FAILED | / | These fields are required: [States, StartAt]");
    assertThat(aws("{\"StartAt\": \"A\"}")).containsExactly("SCHEMA_VALIDATION_FAILED | / | These fields are required: [States]");
  }

  @Test
  void express_refusals_are_located_at_the_resource() {
    String definition = "{\"StartAt\": \"W\", \"States\": {"
        + "\"W\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::sqs:sendMessage.waitForTaskToken\", \"Next\": \"A\"},"
        + "\"A\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:states:us-east-1:111111111111:activity:a\", \"End\": true}}}";
    assertThat(aws(definition, "EXPRESS")).containsExactly(
        "SCHEMA_VALIDATION_FAILED | /States/W/Resource | Express state machine does not support '.waitForTaskToken'"
            + " service integration ",
        "SCHEMA_VALIDATION_FAILED | /States/A/Resource | Express state machine does not support Activity ARN");
    assertThat(aws(definition, "STANDARD")).isEmpty();
  }

  @Test
  void an_invalid_intrinsic_is_located_at_the_object_holding_the_field() {
    String definition = "{\"StartAt\": \"I\", \"States\": {\"I\": {\"Type\": \"Pass\", \"Parameters\": {\"parsed.$\":"
        + " \"States.StringToJson('{\\\"text\\\":\\\"An \\\\\\\"escaped\\\\\\\" quote\\\"}')\"}, \"End\": true}}}";
    assertThat(aws(definition)).containsExactly("SCHEMA_VALIDATION_FAILED | /States/I/Parameters | The value for the"
        + " field 'parsed.$' must be a valid JSONPath or a valid intrinsic function call");
  }

  @Test
  void empty_branches_an_unknown_type_and_unknown_fields() {
    // no AWS answer refusing an empty Branches is recorded: it warns (UnbackedRulesTest)
    assertThat(aws("{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Parallel\", \"Branches\": [], \"End\": true}}}"))
        .isEmpty();
    assertThat(aws("{\"StartAt\": \"X\", \"States\": {\"X\": {\"Type\": \"Nope\", \"End\": true}}}"))
        .containsExactly("SCHEMA_VALIDATION_FAILED | /States/X/Type | The field 'Type' should have one of these"
            + " values: [Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map]");
    assertThat(aws("{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Catch\": [], \"End\": true}}}"))
        .containsExactly("SCHEMA_VALIDATION_FAILED | /States/A | Field 'Catch' is not supported");
    assertThat(aws("{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Output\": 1, \"End\": true}}}"))
        .containsExactly("SCHEMA_VALIDATION_FAILED | /States/A | The QueryLanguage is set to 'JSONPath', but field"
            + " 'Output' is only supported for the 'JSONata' QueryLanguage");
  }

  @Test
  void transitions_missing_targets_and_unreachable_states() {
    assertThat(aws("{\"StartAt\": \"pass1\", \"States\": {\"pass1\": {\"Type\": \"Pass\", \"Next\": \"pass3\"},"
        + " \"pass2\": {\"Type\": \"Pass\", \"End\": true}}}"))
        .containsExactly("MISSING_TRANSITION_TARGET | /States/pass1/Next | Missing 'Next' target: pass3",
            "MISSING_TRANSITION_TARGET | /States/pass2 | State \"pass2\" is not reachable.");
  }

  @Test
  void credentials_need_a_role_and_timestamps_follow_rfc3339_and_resources_must_exist() {
    assertThat(aws("{\"StartAt\": \"T\", \"States\": {\"T\": {\"Type\": \"Task\", \"Resource\":"
        + " \"arn:aws:states:::lambda:invoke\", \"Credentials\": {}, \"End\": true}}}"))
        .containsExactly("SCHEMA_VALIDATION_FAILED | /States/T/Credentials | The field 'RoleArn' is required but was missing");
    assertThat(aws("{\"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\", \"Timestamp\": \"2016-12-05T25:29:29Z\","
        + " \"End\": true}}}"))
        .containsExactly("SCHEMA_VALIDATION_FAILED | /States/W/Timestamp | String does not match RFC3339 timestamp");
    assertThat(aws("{\"StartAt\": \"Q\", \"States\": {\"Q\": {\"Type\": \"Task\", \"Resource\":"
        + " \"arn:aws:states:::dynamodb:query\", \"End\": true}}}"))
        .containsExactly("SCHEMA_VALIDATION_FAILED | /States/Q/Resource | The resource provided"
            + " arn:aws:states:::dynamodb:query is not recognized. The value is not a valid resource ARN, or the resource"
            + " is not available in this region.");
    assertThat(aws("{\"StartAt\": \"Q\", \"States\": {\"Q\": {\"Type\": \"Task\", \"Resource\":"
        + " \"arn:aws:states:::aws-sdk:dynamodb:query\", \"End\": true}}}")).isEmpty();
  }

  @Test
  void several_errors_make_one_invalid_definition_message_in_aws_format() {
    List<Diagnostic> found = DefinitionValidator.validate("{\"StartAt\": \"pass1\", \"States\": {\"pass1\": {\"Type\":"
        + " \"Pass\", \"Next\": \"pass3\"}, \"pass2\": {\"Type\": \"Pass\", \"End\": true}}}", "STANDARD");
    assertThat(ValidationResponse.invalidDefinitionMessage(found)).isEqualTo("Invalid State Machine Definition:"
        + " ''MISSING_TRANSITION_TARGET: Missing 'Next' target: pass3 at /States/pass1/Next',"
        + " 'MISSING_TRANSITION_TARGET: State \"pass2\" is not reachable. at /States/pass2''");
    assertThat(ValidationResponse.invalidDefinitionMessage(DefinitionValidator.validate("{}", "STANDARD")))
        .isEqualTo("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required:"
            + " [States, StartAt] at /'");
  }
}

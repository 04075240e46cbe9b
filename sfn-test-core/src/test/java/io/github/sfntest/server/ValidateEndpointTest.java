package io.github.sfntest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionDiagnostic;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResponse;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionSeverity;

/** ValidateStateMachineDefinition and the InvalidDefinition errors in AWS's shape, through the AWS SDK v2. */
@ExtendWith(RunningEndpoint.class)
class ValidateEndpointTest {

  static final String ROLE = "arn:aws:iam::111111111111:role/sfn";
  /** Two errors (a missing target, an unreachable state) and one warning (a path passed as literal text). */
  static final String TWO_ERRORS = "{\"StartAt\": \"pass1\", \"States\": {\"pass1\": {\"Type\": \"Pass\", \"Parameters\":"
      + " {\"n\": \"$.name\"}, \"Next\": \"pass3\"}, \"pass2\": {\"Type\": \"Pass\", \"End\": true}}}";

  static SfnServer server;
  static SfnClient sfn;

  @Test
  void validate_answers_with_aws_codes_locations_and_messages_honouring_severity_and_max_results() {
    ValidateStateMachineDefinitionResponse errors = sfn.validateStateMachineDefinition(b -> b.definition(TWO_ERRORS));
    assertThat(errors.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.FAIL);
    assertThat(errors.truncated()).isFalse();
    assertThat(errors.diagnostics()).extracting(d -> d.code() + " | " + d.location() + " | " + d.message())
        .containsExactly("MISSING_TRANSITION_TARGET | /States/pass1/Next | Missing 'Next' target: pass3",
            "MISSING_TRANSITION_TARGET | /States/pass2 | State \"pass2\" is not reachable.");

    ValidateStateMachineDefinitionResponse all = sfn.validateStateMachineDefinition(b -> b.definition(TWO_ERRORS)
        .severity(ValidateStateMachineDefinitionSeverity.WARNING));
    assertThat(all.diagnostics()).extracting(ValidateStateMachineDefinitionDiagnostic::severityAsString)
        .containsExactlyInAnyOrder("ERROR", "ERROR", "WARNING");

    ValidateStateMachineDefinitionResponse one = sfn.validateStateMachineDefinition(b -> b.definition(TWO_ERRORS)
        .maxResults(1));
    assertThat(one.diagnostics()).hasSize(1);
    assertThat(one.truncated()).isTrue();
  }

  @Test
  void validate_applies_the_type_and_reads_json_only() {
    String wait = "{\"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Task\", \"Resource\":"
        + " \"arn:aws:states:::sqs:sendMessage.waitForTaskToken\", \"End\": true}}}";
    assertThat(sfn.validateStateMachineDefinition(b -> b.definition(wait)).result())
        .isEqualTo(ValidateStateMachineDefinitionResultCode.OK);
    assertThat(sfn.validateStateMachineDefinition(b -> b.definition(wait).type(StateMachineType.EXPRESS)).diagnostics())
        .extracting(ValidateStateMachineDefinitionDiagnostic::location).containsExactly("/States/W/Resource");
    assertThat(sfn.validateStateMachineDefinition(b -> b.definition("StartAt: A")).diagnostics())
        .extracting(ValidateStateMachineDefinitionDiagnostic::code).containsExactly("INVALID_JSON_DESCRIPTION");
  }

  @Test
  void create_and_update_refuse_with_aws_invalid_definition_message() {
    assertThatThrownBy(() -> sfn.createStateMachine(b -> b.name("Bad").definition(TWO_ERRORS).roleArn(ROLE)))
        .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("Invalid State Machine Definition: ''MISSING_TRANSITION_TARGET: Missing 'Next' target: pass3 at"
                + " /States/pass1/Next', 'MISSING_TRANSITION_TARGET: State \"pass2\" is not reachable. at /States/pass2''"));
    String arn = sfn.createStateMachine(b -> b.name("Good").roleArn(ROLE)
        .definition("{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"End\": true}}}")).stateMachineArn();
    assertThatThrownBy(() -> sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition("{\"StartAt\": \"A\"}")))
        .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required:"
                + " [States] at /'"));
  }
}

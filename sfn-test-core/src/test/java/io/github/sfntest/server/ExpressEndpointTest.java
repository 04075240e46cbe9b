package io.github.sfntest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.StateMachineTypeNotSupportedException;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;

/** EXPRESS state machines on the endpoint, through the AWS SDK v2. */
@ExtendWith(RunningEndpoint.class)
class ExpressEndpointTest {

  static final String ROLE = "arn:aws:iam::111111111111:role/sfn";
  static final String CONTEXT = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Parameters\":"
      + "{\"execution.$\":\"$$.Execution\"},\"End\":true}}}";

  static SfnServer server;
  static SfnClient sfn;

  @Test
  void expressExecutionsHaveExpressArnsAndNoExecutionRecord() {
    String arn = sfn.createStateMachine(b -> b.name("Express").definition(CONTEXT).roleArn(ROLE)
        .type(StateMachineType.EXPRESS)).stateMachineArn();

    StartSyncExecutionResponse sync = sfn.startSyncExecution(b -> b.stateMachineArn(arn).name("sync1").input("{}"));
    assertThat(sync.status()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
    assertThat(sync.executionArn()).matches("arn:aws:states:us-east-1:111111111111:express:Express:sync1:[0-9a-f-]{36}");
    assertThat(sync.output()).contains("\"Id\":\"" + sync.executionArn() + "\"").doesNotContain("RedriveCount");
    assertThat(sync.billingDetails().billedDurationInMilliseconds()).isPositive();

    String async = sfn.startExecution(b -> b.stateMachineArn(arn).name("async1")).executionArn();
    assertThat(async).startsWith("arn:aws:states:us-east-1:111111111111:express:Express:async1:");
    // AWS answers these only for STANDARD executions
    assertThatThrownBy(() -> sfn.describeExecution(b -> b.executionArn(async)))
        .isInstanceOf(StateMachineTypeNotSupportedException.class);
    assertThatThrownBy(() -> sfn.getExecutionHistory(b -> b.executionArn(async)))
        .isInstanceOf(StateMachineTypeNotSupportedException.class);
    assertThatThrownBy(() -> sfn.listExecutions(b -> b.stateMachineArn(arn)))
        .isInstanceOf(StateMachineTypeNotSupportedException.class);
  }

  @Test
  void startSyncExecutionAnswersBillingDetailsAndEchoesTheTraceHeader() {
    String wait = "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":3,\"End\":true}}}";
    String arn = sfn.createStateMachine(b -> b.name("Billed").definition(wait).roleArn(ROLE)
        .type(StateMachineType.EXPRESS)).stateMachineArn();
    StartSyncExecutionResponse sync = sfn.startSyncExecution(b -> b.stateMachineArn(arn).input("{}")
        .traceHeader("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1"));
    assertThat(sync.status()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
    // 3 s of virtual time (a multiple of 100 ms) in the first 64 MB chunk
    assertThat(sync.billingDetails().billedDurationInMilliseconds()).isEqualTo(3000);
    assertThat(sync.billingDetails().billedMemoryUsedInMB()).isEqualTo(64);
    assertThat(sync.traceHeader()).isEqualTo("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");
    assertThat(sfn.startSyncExecution(b -> b.stateMachineArn(arn).input("{}")).traceHeader()).isNull();
  }

  @Test
  void aParentsAwsSdkStartSyncExecutionRunsTheExpressMachineCreatedOnTheEndpoint() {
    String child = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Result\":{\"ok\":true},\"End\":true}}}";
    String childArn = sfn.createStateMachine(b -> b.name("SdkChild").definition(child).roleArn(ROLE)
        .type(StateMachineType.EXPRESS)).stateMachineArn();
    String parent = "{\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"Task\","
        + "\"Resource\":\"arn:aws:states:::aws-sdk:sfn:startSyncExecution\",\"Parameters\":{\"StateMachineArn\":\""
        + childArn + "\",\"Input\":\"{}\"},\"End\":true}}}";
    String parentArn = sfn.createStateMachine(b -> b.name("SdkParent").definition(parent).roleArn(ROLE)
        .type(StateMachineType.EXPRESS)).stateMachineArn();
    StartSyncExecutionResponse sync = sfn.startSyncExecution(b -> b.stateMachineArn(parentArn).input("{}"));
    assertThat(sync.status()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
    assertThat(sync.output()).contains("\"Status\":\"SUCCEEDED\"").contains("\"Output\":\"{\\\"ok\\\":true}\"")
        .contains("\"StateMachineArn\":\"" + childArn + "\"").contains("\"BillingDetails\":{");
  }

  @Test
  void createStateMachineRefusesWhatExpressCannotDoWithAwsMessage() {
    String callback = "{\"StartAt\":\"Ask\",\"States\":{\"Ask\":{\"Type\":\"Task\","
        + "\"Resource\":\"arn:aws:states:::sqs:sendMessage.waitForTaskToken\",\"Parameters\":{\"QueueUrl\":\"q\","
        + "\"MessageBody\":{\"token.$\":\"$$.Task.Token\"}},\"End\":true}}}";
    assertThatThrownBy(() -> sfn.createStateMachine(b -> b.name("ExpressCallback").definition(callback).roleArn(ROLE)
        .type(StateMachineType.EXPRESS)))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Express state machine does "
            + "not support '.waitForTaskToken' service integration  at /States/Ask/Resource'"); // two spaces, as AWS
    // the same definition is a valid STANDARD machine
    assertThat(sfn.createStateMachine(b -> b.name("StandardCallback").definition(callback).roleArn(ROLE))
        .stateMachineArn()).endsWith(":stateMachine:StandardCallback");
  }
}

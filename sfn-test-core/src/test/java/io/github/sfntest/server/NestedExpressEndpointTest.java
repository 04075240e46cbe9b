package io.github.sfntest.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.StateMachineType;

/** Through the AWS SDK v2: a STANDARD parent's states:startExecution of an EXPRESS machine starts an EXPRESS child. */
class NestedExpressEndpointTest {

  static SfnServer server;
  static SfnClient sfn;

  @BeforeAll
  static void start() {
    server = SfnServer.start();
    sfn = Clients.sfn(server.endpoint());
  }

  @AfterAll
  static void stop() {
    sfn.close();
    server.close();
  }

  @Test
  void theChildOfAnExpressMachineGetsAnExpressArn() throws Exception {
    String role = "arn:aws:iam::111111111111:role/r";
    String childArn = sfn.createStateMachine(b -> b.name("NestedRules").type(StateMachineType.EXPRESS).roleArn(role)
        .definition("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}")).stateMachineArn();
    String parentArn = sfn.createStateMachine(b -> b.name("NestedParent").roleArn(role).definition("""
        {"StartAt":"Start","States":{"Start":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution",
          "Parameters":{"StateMachineArn":"%s","Input":{}},"End":true}}}""".formatted(childArn))).stateMachineArn();
    String exec = sfn.startExecution(b -> b.stateMachineArn(parentArn)).executionArn();
    var described = sfn.describeExecution(b -> b.executionArn(exec));
    assertThat(described.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    String started = new ObjectMapper().readTree(described.output()).path("ExecutionArn").asText();
    assertThat(started).contains(":express:NestedRules:");
  }
}

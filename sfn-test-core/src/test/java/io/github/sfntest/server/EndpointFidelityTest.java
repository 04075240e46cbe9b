package io.github.sfntest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** Answers of the endpoint checked against the Step Functions API reference, through the AWS SDK v2. */
@ExtendWith(RunningEndpoint.class)
class EndpointFidelityTest {

  static final String ROLE = "arn:aws:iam::111111111111:role/order-role";

  static SfnServer server;
  static SfnClient sfn;

  static String create(String name, String definition) {
    return sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(ROLE)).stateMachineArn();
  }

  static String pendingToken(String exec) throws Exception {
    HistoryEvent scheduled = sfn.getExecutionHistory(b -> b.executionArn(exec)).events().stream()
        .filter(e -> e.type() == HistoryEventType.TASK_SCHEDULED).findFirst().orElseThrow();
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(scheduled.taskScheduledEventDetails().parameters())
        .path("MessageBody").path("token").asText();
  }

  @Test
  void aTokenThisEndpointNeverIssuedIsAnInvalidToken() {
    assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken("not a token!").output("{}")))
        .isInstanceOf(InvalidTokenException.class);
    assertThatThrownBy(() -> sfn.sendTaskFailure(b -> b.taskToken("AAAA").error("E")))
        .isInstanceOf(InvalidTokenException.class).hasMessageContaining("Invalid Token");
    assertThatThrownBy(() -> sfn.sendTaskHeartbeat(b -> b.taskToken("QUJD")))
        .isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void theTokenOfATaskThatHasEndedAnswersTaskTimedOut() throws Exception {
    String arn = create("Fidelity-Callback", SfnServerTest.CALLBACK);
    String answered = sfn.startExecution(b -> b.stateMachineArn(arn)).executionArn();
    String token = pendingToken(answered);
    sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}"));

    assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}")))
        .isInstanceOf(TaskTimedOutException.class).hasMessageContaining("Provided task does not exist anymore");
    assertThatThrownBy(() -> sfn.sendTaskHeartbeat(b -> b.taskToken(token))).isInstanceOf(TaskTimedOutException.class);

    String stopped = sfn.startExecution(b -> b.stateMachineArn(arn)).executionArn();
    String token2 = pendingToken(stopped);
    sfn.stopExecution(b -> b.executionArn(stopped));
    assertThatThrownBy(() -> sfn.sendTaskFailure(b -> b.taskToken(token2).error("Late")))
        .isInstanceOf(TaskTimedOutException.class);
  }

  @Test
  void updateStateMachineWithNothingToUpdateAnswersAsTheApiReferenceSays() {
    String arn = create("Fidelity-Update", SfnServerTest.PASS);
    assertThatThrownBy(() -> sfn.updateStateMachine(b -> b.stateMachineArn(arn)))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Either the definition, the role ARN, the LoggingConfiguration, or the "
            + "TracingConfiguration must be specified");
  }

  @Test
  void executionStartedCarriesTheStateMachinesRole() {
    String arn = create("Fidelity-Role", SfnServerTest.PASS);
    String exec = sfn.startExecution(b -> b.stateMachineArn(arn)).executionArn();
    HistoryEvent started = sfn.getExecutionHistory(b -> b.executionArn(exec)).events().get(0);
    assertThat(started.type()).isEqualTo(HistoryEventType.EXECUTION_STARTED);
    assertThat(started.executionStartedEventDetails().roleArn()).isEqualTo(ROLE);
  }

  @Test
  void listExecutionsPagesNeitherRepeatNorSkipWhenExecutionsStartBetweenPages() {
    String arn = create("Fidelity-Paging", SfnServerTest.PASS);
    List<String> before = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      int n = i;
      before.add(0, sfn.startExecution(b -> b.stateMachineArn(arn).name("before-" + n)).executionArn());
    }
    List<String> listed = new ArrayList<>();
    ListExecutionsResponse page = sfn.listExecutions(b -> b.stateMachineArn(arn).maxResults(2));
    int started = 0;
    while (true) {
      page.executions().stream().map(ExecutionListItem::executionArn).forEach(listed::add);
      if (page.nextToken() == null) {
        break;
      }
      int n = started++;
      sfn.startExecution(b -> b.stateMachineArn(arn).name("between-" + n)); // newer than every listed one
      String token = page.nextToken();
      page = sfn.listExecutions(b -> b.stateMachineArn(arn).maxResults(2).nextToken(token));
    }
    assertThat(listed).isEqualTo(before);
    assertThat(sfn.listExecutions(b -> b.stateMachineArn(arn)).executions()).hasSize(5 + started);
  }
}

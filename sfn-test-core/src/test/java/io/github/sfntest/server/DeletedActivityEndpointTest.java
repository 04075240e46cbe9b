package io.github.sfntest.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/** DeleteActivity on the endpoint, then an execution with a task on it, through the AWS SDK v2. */
@ExtendWith(RunningEndpoint.class)
class DeletedActivityEndpointTest {

  static SfnServer server;
  static SfnClient sfn;

  @Test
  void aTaskOnADeletedActivityFailsWithStatesRuntimeAsAwsRecordedIt() {
    String activity = sfn.createActivity(b -> b.name("gone")).activityArn();
    sfn.deleteActivity(b -> b.activityArn(activity));
    String machine = sfn.createStateMachine(b -> b.name("OnDeleted").roleArn("arn:aws:iam::111111111111:role/sfn")
        .definition("{\"StartAt\":\"ActivityTask\",\"States\":{\"ActivityTask\":{\"Type\":\"Task\",\"Resource\":\""
            + activity + "\",\"End\":true}}}")).stateMachineArn();
    String execution = sfn.startExecution(b -> b.stateMachineArn(machine).input("{}")).executionArn();
    DescribeExecutionResponse described = sfn.describeExecution(b -> b.executionArn(execution));
    assertThat(described.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(described.error()).isEqualTo("States.Runtime");
    assertThat(described.cause()).isEqualTo("An error occurred while executing the state 'ActivityTask' (entered at the "
        + "event id #2). The activity " + activity + " does not exist.");
    assertThat(sfn.getExecutionHistory(b -> b.executionArn(execution)).events())
        .extracting(e -> e.type()).containsExactly(HistoryEventType.EXECUTION_STARTED,
            HistoryEventType.TASK_STATE_ENTERED, HistoryEventType.EXECUTION_FAILED);

    // created again, the activity's task waits for a worker
    sfn.createActivity(b -> b.name("gone"));
    String again = sfn.startExecution(b -> b.stateMachineArn(machine).input("{}")).executionArn();
    assertThat(sfn.describeExecution(b -> b.executionArn(again)).status()).isEqualTo(ExecutionStatus.RUNNING);
    sfn.stopExecution(b -> b.executionArn(again));
  }
}

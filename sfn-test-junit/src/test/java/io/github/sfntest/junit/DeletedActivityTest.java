package io.github.sfntest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.testing.StateMachineUnderTest;
import org.junit.jupiter.api.Test;

/** A task on an activity the test deleted from its engine fails as on AWS. */
@StateMachineTest(definition = "activities/worker.asl.json", name = "Worker")
class DeletedActivityTest {

  @Test
  void aTaskOnADeletedActivityFailsWithStatesRuntime(StateMachineUnderTest worker) {
    String arn = "arn:aws:states:us-east-1:111111111111:activity:approvals";
    worker.engine().deleteActivity(arn);
    ExecutionResult result = worker.run();
    assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(result.error()).contains("States.Runtime");
    assertThat(result.cause()).contains("An error occurred while executing the state 'ActivityTask' (entered at the "
        + "event id #2). The activity " + arn + " does not exist.");
  }
}

package io.github.sfntest.samples.semaphore;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.testing.StateMachineUnderTest;
import org.junit.jupiter.api.Test;

/**
 * The clean-up machine of the DynamoDB semaphore: EventBridge starts it when a semaphore execution
 * ends FAILED, TIMED_OUT or ABORTED, and it releases the lock that execution may have leaked.
 */
@StateMachineTest(definition = "concurrency-semaphore-dynamodb/dynamodb-semaphore-cleanfromincomplete.asl.json",
    name = "DynamoDbSemaphoreCleanUp", substitutions = {"TableSemaphore=LocksTable", "LockName=MySemaphore"})
class CleanFromIncompleteTest {

  static final String FAILED_RUN = "arn:aws:states:us-east-1:123456789012:execution:DynamoDbSemaphore:failed-run";

  StateMachineUnderTest cleanUp;
  MockedResponses mocks;

  static String statusChangeEvent(String executionArn) {
    return """
        {"detail-type": "Step Functions Execution Status Change", "source": "aws.states",
         "detail": {"executionArn": "%s", "status": "FAILED"}}""".formatted(executionArn);
  }

  /** The failed run still holds a lock: it is released. */
  @Test
  void aLeakedLockIsReleased() {
    SemaphoreTable table = new SemaphoreTable(5).withHolders(FAILED_RUN, "exec-b");
    table.answerCleanUp(mocks);

    ExecutionResult result = cleanUp.run(statusChangeEvent(FAILED_RUN));

    assertThat(result).succeeded().hasPath("Get Current Lock Item", "Check If Lock Is Held", "Clean Up Lock", "Success State");
    assertThat(table.isHeldBy(FAILED_RUN)).isFalse();
    assertThat(table.count()).isEqualTo(1);
  }

  /** The failed run held no lock (it failed before acquiring one): nothing to do. */
  @Test
  void noLockNothingToDo() {
    SemaphoreTable table = new SemaphoreTable(5).withHolders("exec-b");
    table.answerCleanUp(mocks);

    ExecutionResult result = cleanUp.run(statusChangeEvent(FAILED_RUN));

    assertThat(result).succeeded().hasPath("Get Current Lock Item", "Check If Lock Is Held", "Success State");
    assertThat(table.count()).isEqualTo(1);
  }

  /** Released in the meantime (a race with the run itself): the failed condition is caught, not retried. */
  @Test
  void aLockReleasedInTheMeantimeIsCaught() {
    SemaphoreTable table = new SemaphoreTable(5).withHolders(FAILED_RUN);
    table.answerCleanUp(mocks);
    mocks.onState("Clean Up Lock").willThrow("DynamoDB.ConditionalCheckFailedException", "The conditional request failed");

    ExecutionResult result = cleanUp.run(statusChangeEvent(FAILED_RUN));

    assertThat(result).succeeded().endedIn("Success State");
    assertThat(result).state("Clean Up Lock").wasNotRetried().wasCaughtBy("Success State");
  }

  /**
   * Never tested upstream: DynamoDB is throttling. The read is retried 20 times (5 s, x1.4 each)
   * and then the error fails the execution; the virtual clock runs the ~8.6 hours of back-off.
   */
  @Test
  void throttlingExhaustsTheRetries() {
    mocks.onState("Get Current Lock Item").willThrow("DynamoDB.ProvisionedThroughputExceededException", "Rate exceeded");

    ExecutionResult result = cleanUp.run(statusChangeEvent(FAILED_RUN));

    assertThat(result).failedWith("DynamoDB.ProvisionedThroughputExceededException", "Rate exceeded")
        .endedIn("Get Current Lock Item");
    assertThat(result).state("Get Current Lock Item").wasRetried(20);
    double backOff = 0;
    for (int i = 0; i < 20; i++) {
      backOff += 5 * Math.pow(1.4, i);
    }
    assertThat(result.elapsed().toMillis()).isCloseTo(Math.round(backOff * 1000), within(1000L));
  }
}

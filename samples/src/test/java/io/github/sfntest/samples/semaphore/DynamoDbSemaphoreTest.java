package io.github.sfntest.samples.semaphore;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.history.HistoryEventType.TASK_FAILED;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.testing.StateMachineUnderTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The DynamoDB semaphore of aws-stepfunctions-examples ("Controlling concurrency in distributed
 * systems using AWS Step Functions"): at most five executions hold the lock at a time. Acquiring is a
 * conditional update of one item; which DynamoDB error comes back decides the path (no item yet:
 * create it; condition failed: the limit is reached or this execution already holds a lock).
 *
 * <p>The item lives in a {@link SemaphoreTable} whose answers implement the conditions, so the
 * tests follow the machine through its own error-driven branches.
 */
@StateMachineTest(definition = "concurrency-semaphore-dynamodb/dynamodb-semaphore.asl.json", name = "DynamoDbSemaphore",
    substitutions = {
        "TableSemaphore=LocksTable", "LockName=MySemaphore", "ConcurrentAccessLimit=5",
        "LambdaDoWorkFunction=arn:aws:lambda:us-east-1:123456789012:function:DoWork"})
class DynamoDbSemaphoreTest {

  static final String ACQUIRE = "Acquire Lock";
  static final String[] OTHERS = {"exec-a", "exec-b", "exec-c", "exec-d", "exec-e"};

  StateMachineUnderTest semaphore;
  MockedResponses mocks;

  @BeforeEach
  void theWork() {
    mocks.onLambda("DoWork").willReturn(Map.of("done", true));
  }

  /** First run ever: no lock item; the update fails, is not retried (MaxAttempts 0), the item is created. */
  @Test
  void theFirstRunCreatesTheLockItem() {
    SemaphoreTable table = new SemaphoreTable(5);
    table.answer(mocks);

    ExecutionResult result = semaphore.run("{\"job\": 1}");

    assertThat(result).succeeded()
        .visitedInOrder("Get Lock", ACQUIRE, "Initialize Lock Item", ACQUIRE, "Do Work", "Here", "You", "Do", "Work",
            "Run Lambda Function With Controlled Concurrency", "Release Lock", "Success State")
        .took(Duration.ZERO);
    assertThat(result).state(ACQUIRE).wasEnteredTimes(2);
    // the Do Work input is the execution input: Get Lock has ResultPath null
    assertThat(mocks.invocations("Run Lambda Function With Controlled Concurrency").get(0).parameters().at("/Payload/Input"))
        .hasToString("{\"job\":1}");
    assertThat(table.count()).isZero();
  }

  /** The lock is free: acquire, work while holding it, release; the item records the state's entered time. */
  @Test
  void aFreeSlotIsTakenAndGivenBack() {
    SemaphoreTable table = new SemaphoreTable(5).withHolders("exec-a", "exec-b");
    table.answer(mocks);
    Map<String, Object> seenByTheWork = new java.util.concurrent.ConcurrentHashMap<>();
    mocks.onLambda("DoWork").willAnswer(call -> {
      seenByTheWork.put("count", table.count());
      seenByTheWork.put("acquiredAt", table.owners().get(call.executionArn()));
      return Map.of("done", true);
    });

    ExecutionResult result = semaphore.run("{}");

    assertThat(result).succeeded().didNotVisit("Initialize Lock Item", "Wait to Get Lock");
    assertThat(seenByTheWork).containsEntry("count", 3);
    // ":lockacquiredtime" is $$.State.EnteredTime: the ISO time Acquire Lock was entered, here the start
    assertThat(java.time.Instant.parse((String) seenByTheWork.get("acquiredAt"))).isEqualTo(result.startDate());
    assertThat(table.count()).isEqualTo(2);
  }

  /**
   * All five slots taken: every attempt fails the condition, is retried six times (1, 2, 4, 8, 16,
   * 32 s), then caught; the record shows no lock of ours, so the machine waits 3 s and tries again.
   * Another holder releases during the second round: the lock is ours at 69 s.
   */
  @Test
  void aFullSemaphoreWaitsForAFreeSlot() {
    SemaphoreTable table = new SemaphoreTable(5).withHolders(OTHERS).releaseAHolderAfterAttempts(10);
    table.answer(mocks);

    ExecutionResult result = semaphore.run("{}");

    assertThat(result).succeeded()
        .visitedInOrder(ACQUIRE, "Get Current Lock Record", "Check If Lock Already Acquired", "Wait to Get Lock",
            ACQUIRE, "Do Work", "Release Lock")
        .didNotVisit("Continue Because Lock Was Already Acquired", "Initialize Lock Item")
        .took(Duration.ofSeconds(69));
    assertThat(result).events().ofType(TASK_FAILED).hasSize(9);
    assertThat(result.history().ofType(TASK_FAILED)).extracting(event -> event.error().orElse(""))
        .containsOnly("DynamoDB.ConditionalCheckFailedException");
    assertThat(table.count()).isEqualTo(4);
  }

  /**
   * The write succeeded but its response was lost: the retry finds the condition failed because
   * this execution already owns a lock. The record shows our timestamp, so the machine goes on to
   * the work instead of waiting forever.
   */
  @Test
  void aLockAlreadyHeldByThisExecutionIsRecognised() {
    SemaphoreTable table = new SemaphoreTable(5).loseNextAcquireResponse().withHolders();
    table.answer(mocks);

    ExecutionResult result = semaphore.run("{}");

    assertThat(result).succeeded()
        .visitedInOrder(ACQUIRE, "Get Current Lock Record", "Check If Lock Already Acquired",
            "Continue Because Lock Was Already Acquired", "Do Work", "Release Lock", "Success State")
        .didNotVisit("Wait to Get Lock");
    assertThat(result.history().ofType(TASK_FAILED)).extracting(event -> event.error().orElse(""))
        .startsWith("DynamoDB.InternalServerErrorException").contains("DynamoDB.ConditionalCheckFailedException");
    assertThat(table.count()).isZero();
  }

  /** The lock was already released (by the clean-up machine): the failed condition is caught, not retried. */
  @Test
  void releasingALockNoLongerHeldSucceeds() {
    SemaphoreTable table = new SemaphoreTable(5).withHolders();
    table.answer(mocks);
    mocks.onLambda("DoWork").willAnswer(call -> {
      table.release(call.executionArn());
      return Map.of("done", true);
    });

    ExecutionResult result = semaphore.run("{}");

    assertThat(result).succeeded().endedIn("Success State");
    assertThat(result).state("Release Lock").wasNotRetried().wasCaughtBy("Success State");
  }

  /**
   * Never tested upstream: the work fails. Nothing catches it, so the execution fails holding its
   * lock: the leak the clean-up machine ({@link CleanFromIncompleteTest}) exists for.
   */
  @Test
  void failedWorkLeaksTheLock() {
    SemaphoreTable table = new SemaphoreTable(5).withHolders();
    table.answer(mocks);
    mocks.onLambda("DoWork").willThrow("Lambda.Unknown", "The function timed out");

    ExecutionResult result = semaphore.run("{}");

    assertThat(result).failedWith("Lambda.Unknown", "The function timed out").didNotVisit("Release Lock");
    assertThat(result).state("Do Work").failedWith("Lambda.Unknown");
    assertThat(table.isHeldBy(result.executionArn())).isTrue();
  }
}

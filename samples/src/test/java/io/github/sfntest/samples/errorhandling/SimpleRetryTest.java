package io.github.sfntest.samples.errorhandling;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.history.HistoryEventType.TASK_SCHEDULED;
import static io.github.sfntest.history.HistoryEventType.TASK_TIMED_OUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.samples.support.Timeline;
import io.github.sfntest.testing.StateMachineUnderTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "simple-retry" (step-functions-workflows-collection): an S3 GetObject call (the state is named
 * ListObjectsV2 upstream, but calls getObject) with two retriers, {@code ErrorA|ErrorB} (1 s, 2
 * attempts, x2) and {@code ErrorC} (5 s, and the defaults: 3 attempts, x2.0), a 5 s timeout and a
 * catch-all into a Fail state without Error or Cause. Each retrier counts its own retries.
 */
@StateMachineTest(definition = "error-handling-retry-catch/simple-retry.asl.json")
class SimpleRetryTest {

  static final String GET = "Call Amazon S3 ListObjectsV2";
  static final String OBJECT = "{\"Body\": \"hello\", \"ContentLength\": 5, \"ContentType\": \"text/plain\", \"ETag\": \"\\\"5d41402abc4b2a76b9719d911017c592\\\"\"}";

  StateMachineUnderTest simpleRetry;
  MockedResponses mocks;

  @BeforeEach
  void theCallIsToS3() {
    // every test answers the same call; this checks what the machine asked S3 for
    mocks.onState(GET).willReturn(OBJECT);
  }

  /** Scenario: the object is there at once. */
  @Test
  void readsTheObject() {
    ExecutionResult result = simpleRetry.run();

    assertThat(result).succeeded().hasPath(GET, "Succeed State").hasOutput(OBJECT).took(Duration.ZERO);
    assertThat(result).state(GET).wasScheduledWith("{\"Bucket\": \"ExampleS3Bucket\", \"Key\": \"MyData\"}");
  }

  /**
   * Scenario: ErrorA, ErrorC, ErrorB, then success. ErrorA and ErrorB share the first retrier, so
   * the ErrorB retry is that retrier's second (1 s x 2 = 2 s); ErrorC's own counter gives 5 s.
   */
  @Test
  void eachRetrierCountsItsOwnRetries() {
    mocks.onState(GET).willThrow("ErrorA", "a").thenThrow("ErrorC", "c").thenThrow("ErrorB", "b").thenReturn(OBJECT);

    ExecutionResult result = simpleRetry.run();

    assertThat(result).succeeded().hasOutput(OBJECT).took(Duration.ofSeconds(1 + 5 + 2));
    assertThat(result).state(GET).wasRetried(3).didNotFail();
    assertThat(Timeline.gaps(result, GET, TASK_SCHEDULED))
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(2));
  }

  /** Scenario: ErrorC keeps coming; the defaults give 3 retries at 5, 10 and 20 s, then the catcher. */
  @Test
  void defaultRetrierSettingsAreThreeAttemptsDoublingTheInterval() {
    mocks.onState(GET).willThrow("ErrorC", "still broken");

    ExecutionResult result = simpleRetry.run();

    assertThat(result).failed().hasPath(GET, "Fail State").took(Duration.ofSeconds(5 + 10 + 20));
    assertThat(result.error()).isEmpty(); // a Fail state without Error/Cause
    assertThat(result.cause()).isEmpty();
    assertThat(result).state(GET).wasRetried(3).failedWith("ErrorC", "still broken").wasCaughtBy("Fail State");
    assertThat(Timeline.gaps(result, GET, TASK_SCHEDULED))
        .containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20));
  }

  /** Scenario: the first retrier is used up after ErrorA, ErrorB; the third error goes to the catcher. */
  @Test
  void aRetrierWithNoAttemptsLeftHandsTheErrorToTheCatcher() {
    mocks.onState(GET).willThrow("ErrorA", "a").thenThrow("ErrorB", "b").thenThrow("ErrorA", "again");

    ExecutionResult result = simpleRetry.run();

    assertThat(result).failed().endedIn("Fail State").took(Duration.ofSeconds(1 + 2));
    assertThat(result).state(GET).wasRetried(2).failedWith("ErrorA", "again").wasCaughtBy("Fail State");
  }

  /** Scenario: the object does not exist. S3's error is in no retrier, so it is caught at once. */
  @Test
  void missingObjectIsNotRetried() {
    mocks.onState(GET).willThrow("S3.NoSuchKeyException", "The specified key does not exist.");

    ExecutionResult result = simpleRetry.run();

    assertThat(result).failed().hasPath(GET, "Fail State").took(Duration.ZERO);
    assertThat(result).state(GET).wasNotRetried().failedWith("S3.NoSuchKeyException").wasCaughtBy("Fail State");
    assertThat(result).state("Fail State")
        .hasInput("{\"Error\": \"S3.NoSuchKeyException\", \"Cause\": \"The specified key does not exist.\"}");
  }

  /** Scenario: S3 takes 6 s; TimeoutSeconds 5 fires, States.Timeout is in no retrier, the catcher takes it. */
  @Test
  void slowCallTimesOutAfterFiveSeconds() {
    mocks.onState(GET).willReturn(OBJECT).withLatency(Duration.ofSeconds(6));

    ExecutionResult result = simpleRetry.run();

    assertThat(result).failed().endedIn("Fail State").took(Duration.ofSeconds(5));
    assertThat(result).state(GET).wasNotRetried().failedWith("States.Timeout").wasCaughtBy("Fail State");
    assertThat(result).events().ofType(TASK_TIMED_OUT).hasSize(1);
  }
}

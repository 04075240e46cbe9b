package io.github.sfntest.samples.scheduling;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.history.HistoryEventType.WAIT_STATE_ENTERED;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.testing.StateMachineUnderTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The smart cron job of step-functions-workflows-collection: a daily function starts one execution
 * per event due that day; each waits until its event's {@code timestamp} and then runs the inner
 * state machine ({@code startExecution.sync:2}), whose output becomes the execution's output.
 * The inner machine is mocked with the {@code .sync:2} result (its {@code Output} already parsed).
 */
@StateMachineTest(definition = "scheduling-eventbridge-scheduler/smart-cron-job.asl.json", name = "SmartCronJob")
class SmartCronJobTest {

  StateMachineUnderTest cronJob;
  MockedResponses mocks;

  @BeforeEach
  void theInnerMachine() {
    mocks.onState("MainState").willAnswer(call -> Map.of("Status", "SUCCEEDED",
        "Output", Map.of("processed", call.parameters().at("/Input/id").asText())));
  }

  /**
   * The event is due later (the virtual clock starts at 2024-01-01T00:00:00Z): the Wait holds until
   * that instant, then the inner machine runs once.
   */
  @Test
  void theJobRunsAtItsTimestamp() {
    ExecutionResult result = cronJob.run("{\"id\": \"my_event_id\", \"timestamp\": \"2024-06-20T20:58:00Z\"}");

    assertThat(result).succeeded().hasPath("Wait until timestamp", "MainState")
        .hasOutput("{\"processed\": \"my_event_id\"}");
    assertThat(mocks.invocations("MainState").get(0).time()).isEqualTo(Instant.parse("2024-06-20T20:58:00Z"));
    assertThat(result.stopDate()).isEqualTo(Instant.parse("2024-06-20T20:58:00Z"));
    // "Input.$": "$" passes the whole event to the inner machine
    assertThat(result).state("MainState").wasScheduledWithContaining("{\"Input\": {\"id\": \"my_event_id\"}}");
  }

  /** The upstream example's timestamp (2017) is in the past: no wait at all. */
  @Test
  void aPastTimestampRunsAtOnce() {
    ExecutionResult result = cronJob.runWithInputFrom("scheduling-eventbridge-scheduler/inputs/smart-cron-job.derived.json");

    assertThat(result).succeeded().took(Duration.ZERO);
    assertThat(result).events().ofType(WAIT_STATE_ENTERED).hasSize(1);
  }

  /** Never tested upstream: an event without a timestamp fails the Wait with States.Runtime; nothing runs. */
  @Test
  void aMissingTimestampFailsTheWait() {
    ExecutionResult result = cronJob.run("{\"id\": \"my_event_id\"}");

    assertThat(result).failedWith("States.Runtime").endedIn("Wait until timestamp").didNotVisit("MainState");
    assertThat(result.cause().orElseThrow()).contains("$.timestamp");
    mocks.verify("MainState").never();
  }

  /** Never tested upstream: the inner machine fails; no Retry or Catch, the cron execution fails too. */
  @Test
  void aFailedInnerRunFailsTheCronExecution() {
    mocks.onState("MainState").willThrow("States.TaskFailed", "{\"Status\": \"FAILED\", \"Error\": \"InnerError\"}");

    ExecutionResult result = cronJob.run("{\"id\": \"e\", \"timestamp\": \"2024-01-01T01:00:00Z\"}");

    assertThat(result).failedWith("States.TaskFailed").endedIn("MainState");
    assertThat(result).state("MainState").failedWith("States.TaskFailed");
  }
}

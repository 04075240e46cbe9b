package io.github.sfntest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.history.HistoryEvent;
import io.github.sfntest.history.HistoryEventType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Pathological but valid definitions end as AWS ends them, in virtual time. */
class HostileExecutionsTest {

  private static ExecutionResult run(String definition, String input) {
    try (Engine engine = Engine.inProcess()) {
      return engine.run(StartRequest.of(StateMachineDefinition.of(definition), input));
    }
  }

  private static HistoryEvent last(ExecutionResult result) {
    List<HistoryEvent> events = result.history().events();
    return events.get(events.size() - 1);
  }

  @Test
  void a_loop_of_one_year_waits_times_out_after_one_virtual_year() {
    ExecutionResult result = run("{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":31536000,\"Next\":\"C\"},"
        + "\"C\":{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.done\",\"IsPresent\":true,\"Next\":\"D\"}],"
        + "\"Default\":\"W\"},\"D\":{\"Type\":\"Succeed\"}}}", "{}");
    assertThat(result.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
    assertThat(last(result).type()).isEqualTo(HistoryEventType.EXECUTION_TIMED_OUT);
    assertThat(Duration.between(result.startDate(), result.stopDate())).isEqualTo(Duration.ofDays(365));
    assertThat(last(result).timestamp()).isEqualTo(result.startDate().plus(Duration.ofDays(365)));
  }

  @Test
  void the_longest_wait_aws_accepts_outlasts_the_longest_execution() {
    ExecutionResult result = run("{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":99999999,\"End\":true}}}", "{}");
    assertThat(result.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
    assertThat(result.history().types()).containsExactly(HistoryEventType.EXECUTION_STARTED,
        HistoryEventType.WAIT_STATE_ENTERED, HistoryEventType.EXECUTION_TIMED_OUT);
  }

  @Test
  void an_endless_loop_with_the_history_limit_lifted_is_stopped_by_the_wall_clock_guard() {
    String loop = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Next\":\"C\"},"
        + "\"C\":{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.done\",\"IsPresent\":true,\"Next\":\"D\"}],"
        + "\"Default\":\"P\"},\"D\":{\"Type\":\"Succeed\"}}}";
    EngineOptions options = EngineOptions.builder().maxHistoryEvents(0).maxWallClock(Duration.ofMillis(300)).build();
    try (Engine engine = Engine.inProcess(options)) {
      ExecutionResult result = engine.run(StartRequest.of(StateMachineDefinition.of(loop), "{}"));
      assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(result.error()).contains("States.Runtime");
      assertThat(result.cause().orElseThrow()).startsWith("The execution computed for more than 300 ms of real time and was"
          + " stopped: sfn-test's guard against an execution hanging a test").contains("-Dsfntest.maxWallClockSeconds=N");
    }
  }

  @Test
  void the_wall_clock_guard_is_configurable_and_can_be_disabled() {
    assertThat(EngineOptions.defaults().maxWallClock()).isEqualTo(EngineOptions.DEFAULT_MAX_WALL_CLOCK);
    assertThat(EngineOptions.builder().maxWallClock(Duration.ZERO).build().maxWallClock()).isZero();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> EngineOptions.builder().maxWallClock(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void an_express_execution_times_out_after_five_virtual_minutes() {
    EngineOptions express = EngineOptions.builder().maxExecutionDuration(EngineOptions.EXPRESS_MAX_DURATION).build();
    try (Engine engine = Engine.inProcess(express)) {
      ExecutionResult result = engine.run(StartRequest.of(StateMachineDefinition.of(
          "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":301,\"End\":true}}}"), "{}"));
      assertThat(result.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
      assertThat(Duration.between(result.startDate(), result.stopDate())).isEqualTo(Duration.ofMinutes(5));
    }
  }

  @Test
  void waits_within_a_year_still_succeed() {
    ExecutionResult result = run("{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":31535999,\"End\":true}}}", "{}");
    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1000000000000000000000000000000", "9223372036854775807", "100000000000000000", "100000000"})
  void a_seconds_path_beyond_what_aws_accepts_fails_the_state_instead_of_overflowing(String seconds) {
    ExecutionResult result = run("{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"SecondsPath\":\"$.s\",\"End\":true}}}",
        "{\"s\": " + seconds + "}");
    assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(result.error()).contains("States.Runtime");
    assertThat(result.cause().orElseThrow()).containsAnyOf("Wait state delay is too long.", "cannot be parsed as a long value");
  }

  @Test
  void a_jsonata_seconds_beyond_a_long_fails_the_state() {
    ExecutionResult result = run("{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\","
        + "\"Seconds\":\"{% $states.input.s %}\",\"End\":true}}}", "{\"s\": 1e30}");
    assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(result.error().orElseThrow()).isIn("States.Runtime", "States.QueryEvaluationError");
  }
}

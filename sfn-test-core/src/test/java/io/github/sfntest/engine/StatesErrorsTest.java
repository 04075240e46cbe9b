package io.github.sfntest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.mock.TaskHandler;
import org.junit.jupiter.api.Test;

/** Each predefined States.* error the engine raises, and how Retry/Catch match it. */
class StatesErrorsTest {

  private final Engine engine = Engine.inProcess();

  private ExecutionResult run(String definition, String input, TaskHandler handler) {
    return engine.run(StartRequest.of(StateMachineDefinition.of("M", definition.replace('\'', '"')), input)
        .withTaskHandler(handler));
  }

  private ExecutionResult run(String definition, String input) {
    return run(definition, input, TaskHandler.none());
  }

  private static String task(String extra) {
    return "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke',"
        + "'Parameters':{'FunctionName':'f'}" + extra + ",'End':true},'Caught':{'Type':'Pass','End':true}}}";
  }

  @Test
  void no_choice_matched_when_no_rule_matches_and_there_is_no_default() {
    ExecutionResult result = run("{'StartAt':'C','States':{'C':{'Type':'Choice','Choices':[{'Variable':'$.x',"
        + "'NumericEquals':1,'Next':'D'}]},'D':{'Type':'Succeed'}}}", "{\"x\":2}");

    assertThat(result.error()).contains(StatesErrors.NO_CHOICE_MATCHED);
  }

  @Test
  void runtime_for_a_path_that_matches_nothing_and_it_cannot_be_caught() {
    ExecutionResult result = run("{'StartAt':'P','States':{'P':{'Type':'Pass','Parameters':{'v.$':'$.missing'},"
        + "'Next':'D'},'D':{'Type':'Succeed'}}}", "{}");

    assertThat(result.error()).contains(StatesErrors.RUNTIME);
    assertThat(result.cause()).hasValueSatisfying(c -> assertThat(c).contains("The JSONPath '$.missing' specified for "
        + "the field 'v.$' could not be found in the input '{}'"));
  }

  @Test
  void intrinsic_failure_for_bad_intrinsic_arguments() {
    ExecutionResult result = run("{'StartAt':'P','States':{'P':{'Type':'Pass','Parameters':{"
        + "'v.$':'States.ArrayLength($.notArray)'},'End':true}}}", "{\"notArray\":\"x\"}");

    assertThat(result.error()).contains(StatesErrors.INTRINSIC_FAILURE);
  }

  @Test
  void query_evaluation_error_for_a_failing_jsonata_expression() {
    ExecutionResult result = run("{'QueryLanguage':'JSONata','StartAt':'P','States':{'P':{'Type':'Pass',"
        + "'Output':'{% $undefinedVariable %}','End':true}}}", "{}");

    assertThat(result.error()).contains(StatesErrors.QUERY_EVALUATION_ERROR);
    assertThat(result.history().types()).contains(io.github.sfntest.history.HistoryEventType.EVALUATION_FAILED);
  }

  @Test
  void data_limit_exceeded_for_a_task_result_over_256_kib_is_caught_by_states_all() {
    MockedResponses mocks = MockedResponses.create();
    mocks.onState("T").willReturn("{\"big\":\"" + "y".repeat(EngineOptions.AWS_MAX_PAYLOAD_BYTES) + "\"}");

    ExecutionResult result = run(task(",'Catch':[{'ErrorEquals':['States.ALL'],'Next':'Caught'}]"), "{}", mocks);

    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(result.output().orElseThrow().get("Error").asText()).isEqualTo(StatesErrors.DATA_LIMIT_EXCEEDED);
  }

  @Test
  void data_limit_exceeded_for_variables_over_256_kib_in_one_assign() {
    String big = "v".repeat(EngineOptions.AWS_MAX_PAYLOAD_BYTES);
    ExecutionResult result = run("{'StartAt':'P','States':{'P':{'Type':'Pass','Assign':{'big':'" + big + "'},"
        + "'End':true}}}", "{}");

    assertThat(result.error()).contains(StatesErrors.DATA_LIMIT_EXCEEDED);
    assertThat(result.cause()).hasValueSatisfying(c -> assertThat(c).contains("for one Assign"));
  }

  @Test
  void timeout_for_a_task_longer_than_its_timeout_seconds_is_not_matched_by_task_failed() {
    MockedResponses mocks = MockedResponses.create();
    mocks.onState("T").willReturn("{}").withLatency(java.time.Duration.ofSeconds(30));

    ExecutionResult result = run(task(",'TimeoutSeconds':10,'Catch':[{'ErrorEquals':['States.TaskFailed'],"
        + "'Next':'Caught'}]"), "{}", mocks);

    assertThat(result.error()).contains(StatesErrors.TIMEOUT);
    assertThat(result.stopDate()).isEqualTo(result.startDate().plusSeconds(10));
  }

  @Test
  void task_failed_matches_any_error_a_task_reports() {
    MockedResponses mocks = MockedResponses.create();
    mocks.onState("T").willThrow("Lambda.ServiceException", "down");

    ExecutionResult result = run(task(",'Catch':[{'ErrorEquals':['States.TaskFailed'],'Next':'Caught'}]"), "{}", mocks);

    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(result.output().orElseThrow().get("Error").asText()).isEqualTo("Lambda.ServiceException");
  }

  /** AWS records a missed heartbeat as States.Timeout; a States.HeartbeatTimeout catcher still matches it. */
  @Test
  void heartbeat_timeout_when_a_callback_task_stops_sending_heartbeats() {
    ExecutionResult result = engine.start(StartRequest.of(StateMachineDefinition.of("M", ("{'StartAt':'T','States':{"
        + "'T':{'Type':'Task','Resource':'arn:aws:states:::sqs:sendMessage.waitForTaskToken','HeartbeatSeconds':5,"
        + "'Parameters':{'QueueUrl':'q','MessageBody':{'t.$':'$$.Task.Token'}},"
        + "'Catch':[{'ErrorEquals':['States.HeartbeatTimeout'],'Next':'Caught'}],'End':true},"
        + "'Caught':{'Type':'Pass','End':true}}}").replace('\'', '"')), "{}")).awaitCompletion();

    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(result.output().orElseThrow().get("Error").asText()).isEqualTo(StatesErrors.TIMEOUT);
    assertThat(result.history().ofType(io.github.sfntest.history.HistoryEventType.TASK_TIMED_OUT).get(0).error())
        .contains(StatesErrors.TIMEOUT);
  }

  @Test
  void a_timed_out_attempts_late_result_is_discarded_and_the_retry_runs_in_full() {
    MockedResponses mocks = MockedResponses.create();
    mocks.onState("T").willReturn("{\"slow\":true}").withLatency(java.time.Duration.ofSeconds(15));

    ExecutionResult result = run(task(",'TimeoutSeconds':12,'Retry':[{'ErrorEquals':['States.Timeout'],"
        + "'IntervalSeconds':2,'MaxAttempts':2,'BackoffRate':1}],'Catch':[{'ErrorEquals':['Unrelated'],'Next':'Caught'}]"),
        "{}", mocks);

    assertThat(result.error()).contains(StatesErrors.TIMEOUT);
    assertThat(result.history().ofType(io.github.sfntest.history.HistoryEventType.TASK_TIMED_OUT)).hasSize(3);
    assertThat(result.history().ofType(io.github.sfntest.history.HistoryEventType.TASK_SUCCEEDED)).isEmpty();
    assertThat(result.stopDate()).isEqualTo(result.startDate().plusSeconds(12 + 2 + 12 + 2 + 12));
  }

  @Test
  void a_failed_parallel_branch_fails_the_parallel_state_with_the_branch_error() {
    ExecutionResult result = run("{'StartAt':'P','States':{'P':{'Type':'Parallel','Branches':["
        + "{'StartAt':'A','States':{'A':{'Type':'Pass','End':true}}},"
        + "{'StartAt':'B','States':{'B':{'Type':'Fail','Error':'BranchBroke','Cause':'b'}}}],"
        + "'Catch':[{'ErrorEquals':['BranchBroke'],'ResultPath':'$.error','Next':'Caught'}],'End':true},"
        + "'Caught':{'Type':'Pass','End':true}}}", "{}");

    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(result.output().orElseThrow().at("/error/Error").asText()).isEqualTo("BranchBroke");
  }
}

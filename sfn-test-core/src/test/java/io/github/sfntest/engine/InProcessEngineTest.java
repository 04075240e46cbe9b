package io.github.sfntest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.definition.InvalidDefinitionException;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.history.HistoryEvent;
import io.github.sfntest.history.HistoryEventType;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.mock.TaskHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Behaviour of the in-process engine that the recorded AWS corpus cannot show: time, callbacks, limits. */
class InProcessEngineTest {

  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  private final Engine engine = Engine.inProcess(EngineOptions.builder().startTime(T0).seed(7).build());

  private static StateMachineDefinition machine(String json) {
    return StateMachineDefinition.of("Machine", json.replace('\'', '"'));
  }

  private ExecutionResult run(String definition, String input, TaskHandler handler) {
    return engine.run(StartRequest.of(machine(definition), input).withTaskHandler(handler));
  }

  private static List<Instant> times(ExecutionResult result, HistoryEventType type) {
    return result.history().ofType(type).stream().map(HistoryEvent::timestamp).toList();
  }

  @Nested
  class Virtual_clock {

    @Test
    void a_year_long_wait_passes_in_virtual_time() {
      ExecutionResult result = run(
          "{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':31536000,'End':true}}}", "{}", TaskHandler.none());

      assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(result.stopDate()).isEqualTo(T0.plus(Duration.ofDays(365)));
      assertThat(times(result, HistoryEventType.WAIT_STATE_EXITED)).containsExactly(T0.plus(Duration.ofDays(365)));
    }

    @Test
    void wait_until_a_timestamp_from_the_input_uses_the_virtual_clock() {
      ExecutionResult result = run(
          "{'StartAt':'W','States':{'W':{'Type':'Wait','TimestampPath':'$.at','End':true}}}",
          "{\"at\":\"2024-01-02T03:04:05Z\"}", TaskHandler.none());

      assertThat(result.stopDate()).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
    }

    @Test
    void retry_intervals_grow_by_the_backoff_rate_and_are_capped_by_max_delay() {
      MockedResponses mocks = MockedResponses.create();
      mocks.onState("Call").willThrow("Boom", "1").thenThrow("Boom", "2").thenThrow("Boom", "3").thenReturn("{\"ok\":true}");

      ExecutionResult result = run(
          "{'StartAt':'Call','States':{'Call':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke',"
              + "'Parameters':{'FunctionName':'f'},'Retry':[{'ErrorEquals':['Boom'],'IntervalSeconds':2,"
              + "'BackoffRate':1.5,'MaxAttempts':3,'MaxDelaySeconds':3}],'End':true}}}",
          "{}", mocks);

      assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      // 2 s, then 2*1.5 = 3 s, then 2*1.5^2 = 4.5 s capped to 3 s.
      assertThat(times(result, HistoryEventType.TASK_SCHEDULED))
          .containsExactly(T0, T0.plusSeconds(2), T0.plusSeconds(5), T0.plusSeconds(8));
    }

    @Test
    void max_attempts_zero_never_retries() {
      MockedResponses mocks = MockedResponses.create();
      mocks.onState("Call").willThrow("Boom", "x");

      ExecutionResult result = run(
          "{'StartAt':'Call','States':{'Call':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke',"
              + "'Parameters':{'FunctionName':'f'},'Retry':[{'ErrorEquals':['States.ALL'],'MaxAttempts':0}],'End':true}}}",
          "{}", mocks);

      assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(result.history().ofType(HistoryEventType.TASK_SCHEDULED)).hasSize(1);
    }

    @Test
    void full_jitter_is_random_below_the_nominal_delay_and_repeats_under_the_same_seed() {
      String definition = "{'StartAt':'Call','States':{'Call':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke',"
          + "'Parameters':{'FunctionName':'f'},'Retry':[{'ErrorEquals':['Boom'],'IntervalSeconds':10,"
          + "'MaxAttempts':2,'JitterStrategy':'FULL'}],'End':true}}}";
      MockedResponses mocks = MockedResponses.create();
      mocks.onState("Call").willThrow("Boom").thenThrow("Boom").thenReturn("{}");

      List<Instant> first = times(run(definition, "{}", mocks), HistoryEventType.TASK_SCHEDULED);
      List<Instant> again = times(Engine.inProcess(EngineOptions.builder().startTime(T0).seed(7).build())
          .run(StartRequest.of(machine(definition), "{}").withTaskHandler(mocks)), HistoryEventType.TASK_SCHEDULED);

      assertThat(first).isEqualTo(again);
      assertThat(Duration.between(first.get(0), first.get(1))).isLessThanOrEqualTo(Duration.ofSeconds(10));
      assertThat(Duration.between(first.get(1), first.get(2))).isLessThanOrEqualTo(Duration.ofSeconds(20));
    }
  }

  @Nested
  class Callbacks {

    private final String approval = "{'StartAt':'Approve','States':{'Approve':{'Type':'Task',"
        + "'Resource':'arn:aws:states:::sqs:sendMessage.waitForTaskToken','TimeoutSeconds':3600,'HeartbeatSeconds':60,"
        + "'Parameters':{'QueueUrl':'q','MessageBody':{'token.$':'$$.Task.Token','order.$':'$.order'}},"
        + "'Catch':[{'ErrorEquals':['Rejected'],'Next':'Rejected'}],'End':true},"
        + "'Rejected':{'Type':'Fail','Error':'OrderRejected'}}}";

    @Test
    void the_test_reads_the_token_the_task_sent_and_answers_it() {
      Execution execution = engine.start(StartRequest.of(machine(approval), "{\"order\":42}"));
      WaitingTask task = execution.awaitTask("Approve");

      assertThat(task.parameters().at("/MessageBody/token").asText()).isEqualTo(task.taskToken());
      assertThat(task.parameters().at("/MessageBody/order").asInt()).isEqualTo(42);
      execution.sendTaskSuccess(task.taskToken(), "{\"approved\":true}");

      ExecutionResult result = execution.awaitCompletion();
      assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(result.output()).contains(Json.parse("{\"approved\":true}"));
      assertThat(result.history().types()).containsSubsequence(
          HistoryEventType.TASK_SCHEDULED, HistoryEventType.TASK_STARTED, HistoryEventType.TASK_SUBMITTED,
          HistoryEventType.TASK_SUCCEEDED, HistoryEventType.TASK_STATE_EXITED);
    }

    @Test
    void a_task_failure_sent_by_the_test_is_caught() {
      Execution execution = engine.start(StartRequest.of(machine(approval), "{\"order\":1}"));
      execution.sendTaskFailure(execution.awaitTask("Approve").taskToken(), "Rejected", "out of stock");

      ExecutionResult result = execution.awaitCompletion();
      assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(result.error()).contains("OrderRejected");
      assertThat(result.visitedStates()).containsExactly("Approve", "Rejected");
    }

    @Test
    void heartbeats_keep_the_task_alive_until_they_stop() {
      Execution execution = engine.start(StartRequest.of(machine(approval), "{\"order\":1}"));
      String token = execution.awaitTask("Approve").taskToken();

      execution.advanceTime(Duration.ofSeconds(50));
      execution.sendTaskHeartbeat(token);
      execution.advanceTime(Duration.ofSeconds(59));
      assertThat(execution.status()).isEqualTo(ExecutionStatus.RUNNING);
      execution.advanceTime(Duration.ofSeconds(2));

      assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
      ExecutionResult result = execution.awaitCompletion();
      assertThat(result.error()).contains("States.Timeout");
      assertThat(result.stopDate()).isEqualTo(T0.plusSeconds(110));
    }

    @Test
    void an_unanswered_task_times_out_on_the_virtual_clock() {
      String definition = approval.replace("'HeartbeatSeconds':60,", "");
      ExecutionResult result = engine.start(StartRequest.of(machine(definition), "{\"order\":1}")).awaitCompletion();

      assertThat(result.error()).contains("States.Timeout");
      assertThat(result.stopDate()).isEqualTo(T0.plusSeconds(3600));
      assertThat(result.history().ofType(HistoryEventType.TASK_TIMED_OUT)).hasSize(1);
    }

    @Test
    void a_callback_inside_a_distributed_map_child_is_answered_through_the_parent() {
      Execution execution = engine.start(StartRequest.of(machine(
          "{'StartAt':'Each','States':{'Each':{'Type':'Map','ItemsPath':'$.orders','ItemProcessor':{"
              + "'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},'StartAt':'Approve','States':{"
              + "'Approve':{'Type':'Task','Resource':'arn:aws:states:::sqs:sendMessage.waitForTaskToken',"
              + "'Parameters':{'QueueUrl':'q','MessageBody':{'t.$':'$$.Task.Token','order.$':'$'}},'End':true}}},"
              + "'End':true}}}"), "{\"orders\":[1,2]}"));

      List<WaitingTask> waiting = execution.waitingTasks();
      assertThat(waiting).extracting(WaitingTask::stateName).containsExactly("Approve", "Approve");
      for (WaitingTask task : waiting) {
        execution.sendTaskSuccess(task.taskToken(), "{\"approved\":" + task.parameters().at("/MessageBody/order") + "}");
      }

      ExecutionResult result = execution.awaitCompletion();
      assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(result.output()).contains(Json.parse("[{\"approved\":1},{\"approved\":2}]"));
    }

    @Test
    void a_wrong_token_is_refused() {
      Execution execution = engine.start(StartRequest.of(machine(approval), "{\"order\":1}"));
      assertThatThrownBy(() -> execution.sendTaskSuccess("not-a-token", "{}"))
          .hasMessageContaining("Invalid Token");
    }

    @Test
    void an_activity_task_waits_for_a_worker_the_test_plays() {
      Execution execution = engine.start(StartRequest.of(machine(
          "{'StartAt':'Work','States':{'Work':{'Type':'Task','Resource':'arn:aws:states:us-east-1:111111111111:activity:pack',"
              + "'End':true}}}"), "{\"box\":1}"));

      WaitingTask task = execution.startActivityTask("Work", "worker-1");
      assertThat(task.activity()).isTrue();
      assertThat(task.parameters()).isEqualTo(Json.parse("{\"box\":1}"));
      execution.sendTaskSuccess(task.taskToken(), "{\"packed\":true}");

      ExecutionResult result = execution.awaitCompletion();
      assertThat(result.history().types()).containsSubsequence(
          HistoryEventType.ACTIVITY_SCHEDULED, HistoryEventType.ACTIVITY_STARTED, HistoryEventType.ACTIVITY_SUCCEEDED);
      assertThat(result.history().ofType(HistoryEventType.ACTIVITY_STARTED).get(0).detail("workerName")).contains("worker-1");
    }

    @Test
    void awaiting_completion_of_an_execution_blocked_on_a_callback_explains_what_to_do() {
      String noTimeout = approval.replace("'TimeoutSeconds':3600,'HeartbeatSeconds':60,", "");
      Execution execution = engine.start(StartRequest.of(machine(noTimeout), "{\"order\":1}"));

      assertThatThrownBy(execution::awaitCompletion)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("\"Approve\"")
          .hasMessageContaining("sendTaskSuccess");
    }

    @Test
    void stopping_records_execution_aborted() {
      Execution execution = engine.start(StartRequest.of(machine(
          "{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':10,'End':true}}}"), "{}"));
      execution.stop("Cancelled", "by the test");

      ExecutionResult result = execution.awaitCompletion();
      assertThat(result.status()).isEqualTo(ExecutionStatus.ABORTED);
      assertThat(result.history().types()).containsExactly(
          HistoryEventType.EXECUTION_STARTED, HistoryEventType.WAIT_STATE_ENTERED, HistoryEventType.EXECUTION_ABORTED);
    }
  }

  @Nested
  class Nested_executions {

    private final String child = "{'StartAt':'Double','States':{'Double':{'Type':'Pass',"
        + "'Parameters':{'value.$':'States.MathAdd($.n, $.n)'},'End':true}}}";
    private final String failingChild = "{'StartAt':'Boom','States':{'Boom':{'Type':'Fail','Error':'ChildError','Cause':'bad'}}}";

    private String parent(String resource, String machineName) {
      return "{'StartAt':'Start','States':{'Start':{'Type':'Task','Resource':'arn:aws:states:::" + resource + "',"
          + "'Parameters':{'StateMachineArn':'arn:aws:states:us-east-1:123456789012:stateMachine:" + machineName + "',"
          + "'Input':{'n':21},'Name':'child-1'},'End':true}}}";
    }

    @Test
    void sync2_returns_the_child_output_as_json() {
      engine.deploy(StateMachineDefinition.of("Child", child.replace('\'', '"')));

      ExecutionResult result = run(parent("states:startExecution.sync:2", "Child"), "{}", TaskHandler.none());

      assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(result.output().orElseThrow().get("Output")).isEqualTo(Json.parse("{\"value\":42}"));
      assertThat(result.output().orElseThrow().get("Status").asText()).isEqualTo("SUCCEEDED");
      assertThat(result.childExecutions()).singleElement()
          .satisfies(c -> assertThat(c.visitedStates()).containsExactly("Double"));
    }

    @Test
    void sync_returns_the_child_output_as_a_string() {
      engine.deploy(StateMachineDefinition.of("Child", child.replace('\'', '"')));

      ExecutionResult result = run(parent("states:startExecution.sync", "Child"), "{}", TaskHandler.none());

      assertThat(result.output().orElseThrow().get("Output").asText()).isEqualTo("{\"value\":42}");
    }

    @Test
    void the_async_pattern_returns_the_new_execution_arn_at_once() {
      engine.deploy(StateMachineDefinition.of("Child", child.replace('\'', '"')));

      ExecutionResult result = run(parent("states:startExecution", "Child"), "{}", TaskHandler.none());

      assertThat(result.output().orElseThrow().get("ExecutionArn").asText())
          .isEqualTo("arn:aws:states:us-east-1:111111111111:execution:Child:child-1");
      assertThat(result.history().types()).doesNotContain(HistoryEventType.TASK_SUBMITTED);
    }

    @Test
    void a_child_waiting_for_a_callback_is_answered_through_the_parent_in_shared_virtual_time() {
      engine.deploy(StateMachineDefinition.of("Approval", ("{'StartAt':'Wait','States':{'Wait':{'Type':'Wait',"
          + "'Seconds':60,'Next':'Ask'},'Ask':{'Type':'Task','Resource':'arn:aws:states:::sqs:sendMessage.waitForTaskToken',"
          + "'Parameters':{'QueueUrl':'q','MessageBody':{'t.$':'$$.Task.Token'}},'End':true}}}").replace('\'', '"')));

      Execution execution = engine.start(StartRequest.of(machine(parent("states:startExecution.sync:2", "Approval")), "{}"));
      WaitingTask ask = execution.awaitTask("Ask");
      execution.sendTaskSuccess(ask.taskToken(), "{\"approved\":true}");

      ExecutionResult result = execution.awaitCompletion();
      assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(result.output().orElseThrow().get("Output")).isEqualTo(Json.parse("{\"approved\":true}"));
      // the child's Wait passed on the clock the parent shares
      assertThat(result.stopDate()).isEqualTo(T0.plusSeconds(60));
      assertThat(result.childExecutions()).singleElement()
          .satisfies(c -> assertThat(c.visitedStates()).containsExactly("Wait", "Ask"));
    }

    @Test
    void a_failed_child_fails_a_sync_task_with_its_description() {
      engine.deploy(StateMachineDefinition.of("Child", failingChild.replace('\'', '"')));

      ExecutionResult result = run(parent("states:startExecution.sync:2", "Child"), "{}", TaskHandler.none());

      assertThat(result.error()).contains("States.TaskFailed");
      JsonNode cause = Json.parse(result.cause().orElseThrow());
      assertThat(cause.get("Error").asText()).isEqualTo("ChildError");
      assertThat(cause.get("Status").asText()).isEqualTo("FAILED");
    }
  }

  @Nested
  class Limits_and_errors {

    @Test
    void an_execution_over_the_history_limit_fails_and_says_why() {
      String loop = "{'StartAt':'Loop','States':{'Loop':{'Type':'Pass','Next':'Check'},'Check':{'Type':'Choice',"
          + "'Choices':[{'Variable':'$.stop','IsPresent':true,'Next':'Done'}],'Default':'Loop'},'Done':{'Type':'Succeed'}}}";
      ExecutionResult result = run(loop, "{}", TaskHandler.none());

      assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(result.cause()).hasValueSatisfying(c -> assertThat(c).contains("25,000"));
      assertThat(result.history().size()).isEqualTo(EngineOptions.AWS_MAX_HISTORY_EVENTS + 1);
    }

    @Test
    void a_state_output_over_256_kib_fails_with_data_limit_exceeded() {
      String big = "x".repeat(EngineOptions.AWS_MAX_PAYLOAD_BYTES);
      ExecutionResult result = run(
          "{'StartAt':'Big','States':{'Big':{'Type':'Pass','Result':'" + big + "','End':true}}}", "{}", TaskHandler.none());

      assertThat(result.error()).contains("States.DataLimitExceeded");
    }

    @Test
    void an_execution_input_over_256_kib_is_refused_like_start_execution_does() {
      String big = "{\"x\":\"" + "z".repeat(EngineOptions.AWS_MAX_PAYLOAD_BYTES) + "\"}";

      assertThatThrownBy(() -> engine.start(StartRequest.of(machine(
          "{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}"), big)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("256 KiB");
    }

    @Test
    void a_task_with_no_mock_fails_naming_the_state_and_its_resource() {
      ExecutionResult result = run(
          "{'StartAt':'Charge','States':{'Charge':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke',"
              + "'Parameters':{'FunctionName':'charge'},'End':true}}}", "{}", TaskHandler.none());

      assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(result.cause()).hasValueSatisfying(c -> assertThat(c).contains("no mock"));
    }

    @Test
    void a_resource_left_as_a_placeholder_fails_only_when_reached_and_says_so() {
      ExecutionResult result = run(
          "{'StartAt':'Skip','States':{'Skip':{'Type':'Choice','Choices':[{'Variable':'$.go','BooleanEquals':true,"
              + "'Next':'Call'}],'Default':'Done'},'Call':{'Type':'Task','Resource':'${ChargeFunctionArn}','End':true},"
              + "'Done':{'Type':'Succeed'}}}", "{\"go\":true}", TaskHandler.none());

      assertThat(result.cause()).hasValueSatisfying(c -> assertThat(c).contains("${ChargeFunctionArn}")
          .contains("substitution may be missing"));
      assertThat(run("{'StartAt':'Skip','States':{'Skip':{'Type':'Choice','Choices':[{'Variable':'$.go',"
          + "'BooleanEquals':true,'Next':'Call'}],'Default':'Done'},'Call':{'Type':'Task','Resource':'${ChargeFunctionArn}',"
          + "'End':true},'Done':{'Type':'Succeed'}}}", "{\"go\":false}", TaskHandler.none()).status())
          .isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void substitutions_replace_placeholders_before_parsing() {
      StateMachineDefinition definition = machine(
          "{'StartAt':'P','States':{'P':{'Type':'Pass','Result':'${Greeting}','End':true}}}")
          .withSubstitutions(Map.of("Greeting", "hello"));

      assertThat(engine.run(definition, "{}").output()).contains(Json.parse("\"hello\""));
    }

    @Test
    void a_placeholder_where_a_number_belongs_is_substituted_before_validation() {
      String text = "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":${Timeout},\"End\":true}}}";

      assertThatThrownBy(() -> StateMachineDefinition.of("Reminder", text)).isInstanceOf(InvalidDefinitionException.class);
      ExecutionResult result = engine.run(StateMachineDefinition.of("Reminder", text, Map.of("Timeout", "30")), "{}");

      assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void states_runtime_is_not_caught_by_states_all() {
      ExecutionResult result = run(
          "{'StartAt':'P','States':{'P':{'Type':'Pass','InputPath':'$.missing',"
              + "'Next':'Done'},'Done':{'Type':'Succeed'}}}", "{}", TaskHandler.none());

      assertThat(result.error()).contains("States.Runtime");
      assertThat(result.cause()).hasValueSatisfying(c -> assertThat(c)
          .startsWith("An error occurred while executing the state 'P' (entered at the event id #2)."));
    }

    @Test
    void an_invalid_definition_is_rejected_before_running_with_every_problem() {
      assertThatThrownBy(() -> machine("{'StartAt':'A','States':{'A':{'Type':'Pass','Nexxt':'B'}}}"))
          .isInstanceOf(InvalidDefinitionException.class)
          .hasMessageContaining("/States/A/Nexxt")
          .hasMessageContaining("Next");
    }

    @Test
    void invalid_input_json_is_reported_as_such() {
      assertThatThrownBy(() -> StartRequest.of(machine("{'StartAt':'A','States':{'A':{'Type':'Succeed'}}}"), "{oops"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("The execution input is not valid JSON");
    }
  }

  @Test
  void the_same_execution_gives_the_same_history_every_time() {
    String definition = "{'StartAt':'Fan','States':{'Fan':{'Type':'Map','ItemsPath':'$.items','ItemProcessor':{"
        + "'StartAt':'Id','States':{'Id':{'Type':'Pass','Parameters':{'id.$':'States.UUID()','v.$':'$'},'End':true}}},"
        + "'End':true}}}";
    String input = "{\"items\":[1,2,3]}";

    String first = Json.write(Engine.inProcess().run(machine(definition), input).history().toJson());
    String second = Json.write(Engine.inProcess().run(machine(definition), input).history().toJson());

    assertThat(first).isEqualTo(second);
  }
}

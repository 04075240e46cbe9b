package io.github.sfntest.samples.scheduling;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.history.HistoryEventType.PARALLEL_STATE_FAILED;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.engine.Execution;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.WaitingTask;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.testing.StateMachineUnderTest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The human task reminder of step-functions-workflows-collection (YAML as found): one branch sends a
 * human a task token and marks the task complete when it comes back; the other wakes up every
 * {@code ReminderTimeout} seconds, reads the task's status and sends a reminder while it is open.
 *
 * <p>{@code Seconds: ${ReminderTimeout}} is an unquoted placeholder in a numeric field: the
 * document only parses after substitution, and the value becomes a number. The task table is one
 * flag the DynamoDB mocks read and write.
 */
@StateMachineTest(definition = "scheduling-eventbridge-scheduler/human-task-reminder.asl.yaml", name = "HumanTaskReminder",
    substitutions = {"ReminderTimeout=3600", "DDBTable=HumanTasks", "TopicArn=arn:aws:sns:us-east-1:123456789012:HumanTasks"})
class HumanTaskReminderTest {

  static final String SEND_TOKEN = "SNS Send Task Token to Human";
  static final String REMINDER = "SNS Send Reminder";

  StateMachineUnderTest reminder;
  MockedResponses mocks;
  final AtomicBoolean taskComplete = new AtomicBoolean();

  @BeforeEach
  void theServices() {
    mocks.onState("DDB Put Task Status").willReturn(Map.of());
    mocks.onState("DDB Update Task Status").willAnswer(call -> {
      taskComplete.set(true);
      return Map.of();
    });
    mocks.onState("DDB Get Task Status").willAnswer(call ->
        Map.of("Item", Map.of("id", Map.of("S", call.parameters().at("/Key/id").asText()),
            "taskComplete", Map.of("S", String.valueOf(taskComplete.get())))));
    mocks.onState(SEND_TOKEN).willWaitForCallback(Map.of("MessageId", "m-1"));
    mocks.onState(REMINDER).willReturn(Map.of("MessageId", "m-2"));
  }

  /** The human answers after 2.5 h: two hourly reminders, and the run ends at the next check (3 h). */
  @Test
  void remindersUntilTheTaskIsDone() {
    Execution execution = reminder.start("{}");
    WaitingTask task = execution.awaitTask(SEND_TOKEN);
    assertThat(task.parameters().at("/Message/token").asText()).isEqualTo(task.taskToken());
    execution.advanceTime(Duration.ofMinutes(150));
    execution.sendTaskSuccess(task.taskToken(), "{\"done\": true}");

    ExecutionResult result = execution.awaitCompletion();

    assertThat(result).succeeded().took(Duration.ofHours(3));
    mocks.verify(REMINDER).times(2);
    assertThat(result).state("Sleep for Reminder").wasEnteredTimes(3);
    assertThat(result).state("Success").wasEntered();
    // both branches use the same States.UUID() from the Parallel's Parameters
    String uuid = mocks.invocations("DDB Put Task Status").get(0).parameters().at("/Item/id").asText();
    assertThat(uuid).matches("[0-9a-f-]{36}");
    assertThat(mocks.invocations("DDB Get Task Status")).allSatisfy(call ->
        assertThat(call.parameters().at("/Key/id").asText()).isEqualTo(uuid));
  }

  /** Answered before the first reminder: no reminder at all. */
  @Test
  void aQuickAnswerGetsNoReminder() {
    Execution execution = reminder.start("{}");
    execution.sendTaskSuccess(execution.awaitTask(SEND_TOKEN).taskToken(), "{}");

    ExecutionResult result = execution.awaitCompletion();

    assertThat(result).succeeded().took(Duration.ofHours(1));
    mocks.verify(REMINDER).never();
  }

  /**
   * Never tested upstream: the human rejects the task (SendTaskFailure). Its branch fails, so the
   * Parallel fails and stops the reminder loop; the execution fails with the human's error.
   */
  @Test
  void aRejectedTaskFailsTheRunAndStopsTheReminders() {
    Execution execution = reminder.start("{}");
    WaitingTask task = execution.awaitTask(SEND_TOKEN);
    execution.advanceTime(Duration.ofMinutes(90));
    execution.sendTaskFailure(task.taskToken(), "TaskRejected", "not my job");

    ExecutionResult result = execution.awaitCompletion();

    assertThat(result).failedWith("TaskRejected", "not my job").took(Duration.ofMinutes(90));
    assertThat(result).events().ofType(PARALLEL_STATE_FAILED).hasSize(1);
    assertThat(result).state(SEND_TOKEN).failedWith("TaskRejected", "not my job");
    mocks.verify(REMINDER).times(1);
    mocks.verify("DDB Update Task Status").never();
  }
}

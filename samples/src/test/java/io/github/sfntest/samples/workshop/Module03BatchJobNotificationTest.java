package io.github.sfntest.samples.workshop;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.history.HistoryEventType.EXECUTION_TIMED_OUT;
import static io.github.sfntest.history.HistoryEventType.TASK_FAILED;
import static io.github.sfntest.history.HistoryEventType.TASK_SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.junit.StateMachine;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.IntegrationResults;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.samples.support.Timeline;
import io.github.sfntest.testing.StateMachineUnderTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Step Functions workshop, module 3: an AWS Batch job, then an SNS notification of how it went. The
 * template submits the job and moves on ({@code batch:submitJob}); the module's step 4 adds {@code
 * .sync} so the workflow waits for the job (our derived {@code .sync-variant} file). Retry of any
 * error twice (30 s, x1.5), then a catcher notifies the failure; the run times out after an hour.
 * The ARNs hold {@code ${AWS::Partition}}, which CloudFormation's {@code !Sub} fills in: given here
 * as a substitution, as for any placeholder of a definition taken out of its template.
 */
@StateMachineTest(definition = "step-functions-workshop/module03-batch-job-notification.asl.json",
    name = "WorkshopBatchJob",
    substitutions = {
        "AWS::Partition=aws",
        "jobQueueArn=arn:aws:batch:us-east-1:123456789012:job-queue/BatchJobQueue",
        "jobDefinitionArn=arn:aws:batch:us-east-1:123456789012:job-definition/BatchJobDefinition:1",
        "snsTopicArn=arn:aws:sns:us-east-1:123456789012:BatchJobTopic"},
    machines = @StateMachine(value = "WorkshopBatchJobSync",
        definition = "step-functions-workshop/module03-batch-job-notification.sync-variant.asl.json",
        substitutions = {"AWS::Partition=aws",
            "jobQueueArn=arn:aws:batch:us-east-1:123456789012:job-queue/BatchJobQueue",
            "jobDefinitionArn=arn:aws:batch:us-east-1:123456789012:job-definition/BatchJobDefinition:1",
            "snsTopicArn=arn:aws:sns:us-east-1:123456789012:BatchJobTopic"}))
class Module03BatchJobNotificationTest {

  static final String SUBMIT = "Submit Batch Job";

  StateMachineUnderTest workflow;
  @StateMachine("WorkshopBatchJobSync")
  StateMachineUnderTest syncWorkflow;
  MockedResponses mocks;

  @BeforeEach
  void theTopic() {
    mocks.onResource("arn:aws:states:::sns:publish").willReturn(IntegrationResults.snsPublish("notified"));
  }

  /** Fire and forget: the submit returns the job id at once and success is announced. */
  @Test
  void submittingTheJobIsEnough() {
    mocks.onResource("arn:aws:states:::batch:submitJob").willReturn(Map.of("JobName", "BatchJobNotification",
        "JobId", "4d2e-job")).withLatency(Duration.ofSeconds(1));

    ExecutionResult result = workflow.run("{}");

    assertThat(result).succeeded().hasPath(SUBMIT, "Notify Success").took(Duration.ofSeconds(1));
    assertThat(result).state(SUBMIT).wasScheduledWith("""
        {"JobName": "BatchJobNotification",
         "JobQueue": "arn:aws:batch:us-east-1:123456789012:job-queue/BatchJobQueue",
         "JobDefinition": "arn:aws:batch:us-east-1:123456789012:job-definition/BatchJobDefinition:1"}""");
    assertThat(result).state("Notify Success").wasScheduledWithContaining(
        "{\"Message\": \"Batch job submitted through Step Functions succeeded\"}");
  }

  /** Never tested upstream: the submit keeps failing; two retries 30 s then 45 s apart, then the catcher. */
  @Test
  void retriesExhaustedNotifyTheFailure() {
    mocks.onResource("arn:aws:states:::batch:submitJob").willThrow("Batch.ClientException", "job queue is DISABLED");

    ExecutionResult result = workflow.run("{}");

    assertThat(result).succeeded().hasPath(SUBMIT, "Notify Failure").took(Duration.ofSeconds(75));
    assertThat(result).state(SUBMIT).wasRetried(2).failedWith("Batch.ClientException").wasCaughtBy("Notify Failure");
    assertThat(result).events().forState(SUBMIT).ofType(TASK_FAILED).hasSize(3);
    assertThat(Timeline.gaps(result, SUBMIT, TASK_SCHEDULED)).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(45));
    mocks.verify("Notify Success").never();
  }

  /** The module's step 4 ({@code .sync}): the workflow waits for the job to finish before it notifies. */
  @Test
  void theSyncVariantWaitsForTheJob() {
    mocks.onResource("arn:aws:states:::batch:submitJob.sync").willReturn(Map.of("JobName", "BatchJobNotification",
        "Status", "SUCCEEDED")).withLatency(Duration.ofMinutes(2));

    ExecutionResult result = syncWorkflow.run("{}");

    assertThat(result).succeeded().hasPath(SUBMIT, "Notify Success").took(Duration.ofMinutes(2));
  }

  /**
   * Never tested upstream: with {@code .sync} a job that ends FAILED fails the task; each of the three
   * attempts runs its minute, 30 s then 45 s apart, then the catcher notifies the failure.
   */
  @Test
  void theSyncVariantNotifiesAJobThatKeepsFailing() {
    mocks.onResource("arn:aws:states:::batch:submitJob.sync")
        .willThrow("States.TaskFailed", "{\"Status\": \"FAILED\", \"StatusReason\": \"Essential container exited\"}")
        .withLatency(Duration.ofMinutes(1));

    ExecutionResult result = syncWorkflow.run("{}");

    assertThat(result).succeeded().hasPath(SUBMIT, "Notify Failure").took(Duration.ofSeconds(255));
    assertThat(result).state(SUBMIT).wasRetried(2).failedWith("States.TaskFailed").wasCaughtBy("Notify Failure");
    assertThat(Timeline.gaps(result, SUBMIT, TASK_SCHEDULED))
        .containsExactly(Duration.ofSeconds(90), Duration.ofSeconds(105));
  }

  /** Never tested upstream: a job longer than the machine's TimeoutSeconds 3600 times the whole run out; no catcher runs. */
  @Test
  void aJobOutlastingTheHourTimesTheRunOut() {
    mocks.onResource("arn:aws:states:::batch:submitJob.sync").willReturn(Map.of("Status", "SUCCEEDED"))
        .withLatency(Duration.ofHours(2));

    ExecutionResult result = syncWorkflow.run("{}");

    assertThat(result).timedOut().took(Duration.ofHours(1)).didNotVisit("Notify Success", "Notify Failure");
    assertThat(result).events().ofType(EXECUTION_TIMED_OUT).hasSize(1);
    mocks.verify("Notify Failure").never();
  }
}

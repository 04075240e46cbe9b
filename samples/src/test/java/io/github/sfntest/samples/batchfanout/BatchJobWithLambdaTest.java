package io.github.sfntest.samples.batchfanout;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.history.HistoryEventType.TASK_FAILED;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.testing.StateMachineUnderTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Batch job with Lambda pre-processing of step-functions-workflows-collection
 * ({@code batch-lambda-sam}): a Lambda computes the job's parameters, and
 * {@code batch:submitJob.sync} gets them from state data ({@code "Parameters.$": "$.batch_input"}).
 * The Resource ARN itself holds a placeholder ({@code arn:${partition}:states:::batch:submitJob.sync}).
 */
@StateMachineTest(definition = "batch-fan-out-dynamic-parallelism/batch-job-with-lambda.asl.json", name = "BatchJobWithLambda",
    substitutions = {
        "GenerateBatchJobArn=arn:aws:lambda:us-east-1:123456789012:function:GenerateBatchJob",
        "partition=aws",
        "jobQueueArn=arn:aws:batch:us-east-1:123456789012:job-queue/BatchJobQueue",
        "jobDefinitionArn=arn:aws:batch:us-east-1:123456789012:job-definition/BatchJobDefinition:1"})
class BatchJobWithLambdaTest {

  StateMachineUnderTest batchJob;
  MockedResponses mocks;

  /** The scenario: the Lambda's result becomes the job's parameters; the job description is the output. */
  @Test
  void theLambdaResultBecomesTheJobParameters() {
    mocks.onLambda("GenerateBatchJob").willReturn(Map.of("input", "s3://bucket/in.csv", "chunks", "4"));
    mocks.onState("Submit Batch Job").willReturn(Map.of("JobName", "BatchJobWithLambda", "JobId", "job-1", "Status", "SUCCEEDED"));

    ExecutionResult result = batchJob.run("{}");

    assertThat(result).succeeded().hasPath("Generate batch job input", "Submit Batch Job")
        .hasOutput("{\"JobName\": \"BatchJobWithLambda\", \"JobId\": \"job-1\", \"Status\": \"SUCCEEDED\"}");
    assertThat(result).state("Submit Batch Job").wasScheduledWith("""
        {"JobName": "BatchJobWithLambda",
         "JobQueue": "arn:aws:batch:us-east-1:123456789012:job-queue/BatchJobQueue",
         "JobDefinition": "arn:aws:batch:us-east-1:123456789012:job-definition/BatchJobDefinition:1",
         "Parameters": {"input": "s3://bucket/in.csv", "chunks": "4"}}""");
    assertThat(result.history().stateVisits().get(1).input().at("/batch_input/chunks").asText()).isEqualTo("4");
  }

  /** Never tested upstream: the job fails; with no Catch the execution fails with the Batch error. */
  @Test
  void aFailedJobFailsTheExecution() {
    mocks.onLambda("GenerateBatchJob").willReturn(Map.of("input", "s3://bucket/missing.csv"));
    mocks.onState("Submit Batch Job").willThrow("States.TaskFailed", "{\"Status\": \"FAILED\", \"StatusReason\": \"Task failed to start\"}");

    ExecutionResult result = batchJob.run("{}");

    assertThat(result).failedWith("States.TaskFailed").endedIn("Submit Batch Job");
    assertThat(result).events().ofType(TASK_FAILED).hasSize(1);
    assertThat(result).state("Submit Batch Job").failedWith("States.TaskFailed");
  }
}

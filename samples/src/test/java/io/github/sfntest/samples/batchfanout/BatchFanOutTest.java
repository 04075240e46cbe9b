package io.github.sfntest.samples.batchfanout;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.history.HistoryEventType.EXECUTION_TIMED_OUT;
import static io.github.sfntest.history.HistoryEventType.LAMBDA_FUNCTION_SCHEDULED;
import static io.github.sfntest.history.HistoryEventType.MAP_ITERATION_FAILED;
import static io.github.sfntest.history.HistoryEventType.TASK_FAILED;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.mock.TaskInvocation;
import io.github.sfntest.mock.TaskOutcome;
import io.github.sfntest.testing.StateMachineUnderTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Batch fan-out of aws-samples/serverless-batch-job-workflow: a Lambda decides how many Batch
 * jobs to run (it returns {@code [0, 1, ..., n-1]}), and a Map with {@code MaxConcurrency 3}
 * submits one {@code batch:submitJob.sync} job per item. The whole run has an hour
 * ({@code TimeoutSeconds 3600}).
 *
 * <p>The Lambda is a bare ARN (its result is its return value); each Batch job is mocked by state
 * name with the job description {@code .sync} returns, and takes a fixed virtual time, so the
 * Map's concurrency shows in the invocation times.
 */
@StateMachineTest(definition = "batch-fan-out-dynamic-parallelism/batch_fan_out.asl.json", name = "BatchFanOut",
    substitutions = {
        "GenerateBatchJobArn=arn:aws:lambda:us-east-1:123456789012:function:GenerateBatchJob",
        "JobQueueArn=arn:aws:batch:us-east-1:123456789012:job-queue/BatchJobQueue",
        "JobDefinitionArn=arn:aws:batch:us-east-1:123456789012:job-definition/BatchJobDefinition:1"})
class BatchFanOutTest {

  static final String SUBMIT = "Submit Batch Job";
  static final Duration JOB_TIME = Duration.ofMinutes(10);

  StateMachineUnderTest fanOut;
  MockedResponses mocks;
  final AtomicInteger jobIds = new AtomicInteger();

  /** The job description {@code batch:submitJob.sync} returns when the job has succeeded. */
  static Map<String, Object> succeededJob(int id) {
    return Map.of("JobName", "BatchJobFanOut", "JobId", "job-" + id, "Status", "SUCCEEDED",
        "JobQueue", "arn:aws:batch:us-east-1:123456789012:job-queue/BatchJobQueue",
        "Attempts", List.of(Map.of("Container", Map.of("ExitCode", 0))));
  }

  void generatorReturns(int n) {
    mocks.onLambda("GenerateBatchJob").willReturn(IntStream.range(0, n).boxed().toList());
  }

  @BeforeEach
  void theBatchJobs() {
    mocks.onState(SUBMIT).willAnswer(call -> succeededJob(jobIds.incrementAndGet())).withLatency(JOB_TIME);
  }

  /** The scenario: the Lambda asks for five jobs; five jobs run, their descriptions are the output. */
  @Test
  void oneBatchJobPerGeneratedItem() {
    generatorReturns(5);

    ExecutionResult result = fanOut.run("{}");

    assertThat(result).succeeded()
        .visitedInOrder("Generate batch job input", "Fan out batch jobs", SUBMIT)
        .endedIn("Fan out batch jobs");
    assertThat(result).events().ofType(LAMBDA_FUNCTION_SCHEDULED).hasSize(1);
    assertThat(result).state("Fan out batch jobs").hasIterations(5).allIterationsSucceeded();
    assertThat(result).state(SUBMIT).wasScheduledWith("""
        {"JobName": "BatchJobFanOut",
         "JobQueue": "arn:aws:batch:us-east-1:123456789012:job-queue/BatchJobQueue",
         "JobDefinition": "arn:aws:batch:us-east-1:123456789012:job-definition/BatchJobDefinition:1"}""");
    mocks.verify(SUBMIT).times(5);
    // the Map's output: one job description per item, in item order whatever order the jobs ended in
    assertThat(result.output().orElseThrow()).hasSize(5);
    assertThat(result.output().orElseThrow().findValuesAsText("Status")).containsOnly("SUCCEEDED");
  }

  /** MaxConcurrency 3: seven ten-minute jobs start in three waves (3, 3, 1) and take thirty minutes. */
  @Test
  void noMoreThanThreeJobsRunAtOnce() {
    generatorReturns(7);

    ExecutionResult result = fanOut.run("{}");

    assertThat(result).succeeded().took(Duration.ofMinutes(30));
    assertThat(jobsStartedPerMinute(result)).containsExactly(Map.entry(0L, 3L), Map.entry(10L, 3L), Map.entry(20L, 1L));
  }

  /** The Map's Parameters: each iteration's input is {@code {"BatchNumber": <the item>}}. */
  @Test
  void eachIterationGetsItsBatchNumber() {
    generatorReturns(3);

    ExecutionResult result = fanOut.run("{\"requestedBy\": \"nightly\"}");

    assertThat(result).succeeded();
    assertThat(result.history().stateVisits().stream().filter(visit -> visit.name().equals(SUBMIT))
            .map(visit -> visit.input().toString()))
        .containsExactlyInAnyOrder("{\"BatchNumber\":0}", "{\"BatchNumber\":1}", "{\"BatchNumber\":2}");
  }

  /** An empty list from the Lambda: the Map runs nothing and the output is an empty array. */
  @Test
  void noItemsNoJobs() {
    generatorReturns(0);

    ExecutionResult result = fanOut.run("{}");

    assertThat(result).succeeded().hasOutput("[]").took(Duration.ZERO);
    mocks.verify(SUBMIT).never();
  }

  /**
   * Never tested upstream: one Batch job fails. No Retry, no Catch: {@code States.TaskFailed}
   * fails its iteration, the Map and the execution, though the other jobs succeeded.
   */
  @Test
  void oneFailedJobFailsTheWholeFanOut() {
    generatorReturns(4);
    mocks.onState(SUBMIT).willAnswer(call -> call.invocationIndex() == 2
        ? TaskOutcome.failure("States.TaskFailed", "{\"JobId\": \"job-3\", \"Status\": \"FAILED\", "
            + "\"StatusReason\": \"Essential container in task exited\"}")
        : succeededJob(call.invocationIndex())).withLatency(JOB_TIME);

    ExecutionResult result = fanOut.run("{}");

    assertThat(result).failedWith("States.TaskFailed").endedIn("Fan out batch jobs");
    assertThat(result.cause().orElseThrow()).contains("\"Status\": \"FAILED\"");
    assertThat(result).events().ofType(TASK_FAILED).hasSize(1);
    assertThat(result).events().ofType(MAP_ITERATION_FAILED).hasSize(1);
    assertThat(result).state("Fan out batch jobs").failedWith("States.TaskFailed");
  }

  /**
   * Never tested upstream: the hour runs out. Nine 40-minute jobs need three waves (120 minutes);
   * at 60 minutes the execution times out with the second wave still running.
   */
  @Test
  void theExecutionTimesOutAfterAnHour() {
    generatorReturns(9);
    mocks.onState(SUBMIT).willAnswer(call -> succeededJob(call.invocationIndex())).withLatency(Duration.ofMinutes(40));

    ExecutionResult result = fanOut.run("{}");

    assertThat(result).timedOut().took(Duration.ofHours(1));
    assertThat(result).events().ofType(EXECUTION_TIMED_OUT).hasSize(1);
    // two waves started (0 and 40 minutes), the third never did
    assertThat(jobsStartedPerMinute(result)).containsExactly(Map.entry(0L, 3L), Map.entry(40L, 3L));
  }

  /** Minutes since the start -> how many Batch jobs were submitted then. */
  Map<Long, Long> jobsStartedPerMinute(ExecutionResult result) {
    return mocks.invocations(SUBMIT).stream()
        .map(TaskInvocation::time)
        .collect(Collectors.groupingBy(t -> Duration.between(result.startDate(), t).toMinutes(), TreeMap::new,
            Collectors.counting()));
  }
}

package io.github.sfntest.samples.workshop;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.history.HistoryEventType.TASK_TIMED_OUT;
import static io.github.sfntest.history.HistoryEventType.PARALLEL_STATE_FAILED;
import static io.github.sfntest.history.HistoryEventType.TASK_FAILED;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.testing.StateMachineUnderTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Step Functions workshop, module 12 (observability): a Lambda detects a case's sentiment ({@code
 * TimeoutSeconds 5}, {@code ResultSelector}), then a Parallel routes it (Choice) and records it in
 * DynamoDB with the score as {@code States.JsonToString}. The module's "bug" to find in the
 * dashboards is DynamoDB throttling failing executions: here it is a test.
 */
@StateMachineTest(definition = "step-functions-workshop/module12-observability-detect-sentiment.asl.json",
    name = "WorkshopObservability",
    substitutions = "DetectSentimentFunction=arn:aws:lambda:us-east-1:123456789012:function:DetectSentiment")
class Module12ObservabilityTest {

  static final String DETECT = "DetectSentiment";
  static final String RECORD = "Record Transaction";
  static final String CASE = "{\"caseId\": \"case-7\", \"message\": \"I love the new dashboard\"}";

  StateMachineUnderTest workflow;
  MockedResponses mocks;

  @BeforeEach
  void theSentimentFunction() {
    mocks.onLambda("DetectSentiment").willReturn("""
        {"caseId": "case-7",
         "sentimentResponse": {"Sentiment": "POSITIVE", "SentimentScore": {"Positive": 0.75, "Negative": 0.25}}}""");
  }

  /** A positive case: routed to Positive and recorded with its score as a JSON string. */
  @Test
  void aPositiveCaseIsRoutedAndRecorded() {
    mocks.onState(RECORD).willReturn("{}");

    ExecutionResult result = workflow.run(CASE);

    assertThat(result).succeeded().visited(DETECT, "Parallel", "Good or Bad?", "Positive", RECORD)
        .didNotVisit("Negative");
    assertThat(result).state(DETECT).wasScheduledWith("""
        {"FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:DetectSentiment",
         "Payload": {"caseId": "case-7", "message": "I love the new dashboard"}}""");
    String selected = "\"caseId\": \"case-7\", \"sentiment\": {\"Sentiment\": \"POSITIVE\","
        + " \"SentimentScore\": {\"Positive\": 0.75, \"Negative\": 0.25}}";
    mocks.verify(RECORD).times(1).withParameters("""
        {"TableName": "sentiment-table",
         "Item": {"caseId": {"S": "case-7"}, "sentiment": {"S": "POSITIVE"},
                  "score": {"S": "{\\"Positive\\":0.75,\\"Negative\\":0.25}"}}}""");
    // each branch's output, in branch order; ResultSelector kept only caseId and sentiment
    assertThat(result).hasOutput("[{" + selected + "}, {" + selected + ", \"ddbPutResult\": {}}]");
  }

  /** Any other sentiment takes the Choice's Default. */
  @Test
  void aMixedCaseIsNegative() {
    mocks.onLambda("DetectSentiment").willReturn("""
        {"caseId": "case-8", "sentimentResponse": {"Sentiment": "MIXED", "SentimentScore": {"Mixed": 1}}}""");
    mocks.onState(RECORD).willReturn("{}");

    assertThat(workflow.run(CASE)).succeeded().visited("Negative").didNotVisit("Positive");
  }

  /** Never tested upstream, the module's bug: DynamoDB throttles, the branch fails, so do the Parallel and the run. */
  @Test
  void throttlingFailsTheExecution() {
    mocks.onState(RECORD).willThrow("DynamoDB.ProvisionedThroughputExceededException", "Rate of requests exceeds");

    ExecutionResult result = workflow.run(CASE);

    assertThat(result).failedWith("DynamoDB.ProvisionedThroughputExceededException").endedIn("Parallel");
    assertThat(result).state(RECORD).wasNotRetried();
    assertThat(result).events().forState(RECORD).ofType(TASK_FAILED).hasSize(1);
    assertThat(result).events().ofType(PARALLEL_STATE_FAILED).hasSize(1);
  }

  /** Never tested upstream: a sentiment call longer than TimeoutSeconds 5 fails the run with States.Timeout at 5 s. */
  @Test
  void aSlowSentimentCallTimesOut() {
    mocks.onLambda("DetectSentiment").willReturn(Map.of()).withLatency(Duration.ofSeconds(30));

    ExecutionResult result = workflow.run(CASE);

    assertThat(result).failedWith("States.Timeout").endedIn(DETECT).took(Duration.ofSeconds(5)).didNotVisit("Parallel");
    assertThat(result).events().ofType(TASK_TIMED_OUT).hasSize(1);
  }

  /** The Lambda task alone (TestState with a mocked result): what its ResultSelector keeps. */
  @Test
  void theResultSelectorKeepsCaseAndSentiment() {
    var result = workflow.testState(DETECT, state -> state.input(CASE).mockResult("""
        {"StatusCode": 200, "Payload": {"caseId": "case-9", "sentimentResponse": {"Sentiment": "NEUTRAL"},
         "ResponseMetadata": {"RequestId": "r-1"}}}"""));

    assertThat(result).succeeded().goesTo("Parallel")
        .hasOutput("{\"caseId\": \"case-9\", \"sentiment\": {\"Sentiment\": \"NEUTRAL\"}}");
  }
}

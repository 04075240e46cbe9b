package io.github.sfntest.samples.workshop;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.history.HistoryEventType.MAP_ITERATION_FAILED;
import static io.github.sfntest.history.HistoryEventType.MAP_STATE_FAILED;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.junit.StateUnderTest;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.mock.TaskInvocation;
import io.github.sfntest.testing.SingleState;
import io.github.sfntest.testing.StateMachineUnderTest;
import org.junit.jupiter.api.Test;

/**
 * Step Functions workshop, module 5: a Map over the orders ({@code MaxConcurrency 1}) whose Choice
 * writes HIGH priority orders to DynamoDB and lets LOW ones end in a Succeed state. The Choice has
 * no Default.
 */
@StateMachineTest(definition = "step-functions-workshop/module05-choice-and-map-dynamodb.asl.json", name = "WorkshopMap")
class Module05ChoiceAndMapTest {

  static final String MAP = "Iterate Over Input Array";
  static final String INSERT = "Insert High Priority Order";

  StateMachineUnderTest workflow;
  MockedResponses mocks;

  /** The workshop's seven orders: five HIGH ones are written, one after another, in input order. */
  @Test
  void highPriorityOrdersAreWrittenInOrder() {
    mocks.onState(INSERT).willReturn("{}");

    ExecutionResult result = workflow.runWithInputFrom("step-functions-workshop/inputs/module05-input.json");

    assertThat(result).succeeded().state(MAP).hasIterations(7).allIterationsSucceeded();
    assertThat(result).state("Low Priority Order Detected").wasEnteredTimes(2);
    // MaxConcurrency 1: the iterations run strictly in turn, so the writes come in input order
    assertThat(mocks.invocations(INSERT)).map(TaskInvocation::parameters)
        .map(p -> p.at("/Item/id/S").asText()).containsExactly("1", "2", "3", "5", "7");
    mocks.verify(INSERT).times(5).withParameters("""
        {"TableName": "MapStateTable",
         "Item": {"id": {"S": "7"}, "customerId": {"S": "7"}, "priority": {"S": "HIGH"}}}""");
    // a LOW order's iteration output is the order itself (Succeed passes its input on)
    assertThat(result.output().orElseThrow().get(3)).hasToString("{\"orderId\":\"4\",\"customerId\":\"4\",\"priority\":\"LOW\"}");
  }

  /** Never tested upstream: a priority the Choice does not know fails its iteration, the Map and the run. */
  @Test
  void anUnknownPriorityFailsTheRun() {
    mocks.onState(INSERT).willReturn("{}");

    ExecutionResult result = workflow.run("""
        {"Data": [{"orderId": "1", "customerId": "1", "priority": "HIGH"},
                  {"orderId": "2", "customerId": "2", "priority": "MEDIUM"},
                  {"orderId": "3", "customerId": "3", "priority": "HIGH"}]}""");

    assertThat(result).failedWith("States.NoChoiceMatched").endedIn(MAP);
    assertThat(result).events().ofType(MAP_ITERATION_FAILED).hasSize(1);
    assertThat(result).events().ofType(MAP_STATE_FAILED).hasSize(1);
    // MaxConcurrency 1: the third order never starts
    mocks.verify(INSERT).times(1);
  }

  /** Never tested upstream: DynamoDB throttles a write; no Retry, so the run fails with DynamoDB's error. */
  @Test
  void aThrottledWriteFailsTheRun() {
    mocks.onState(INSERT).willReturn("{}").thenThrow("DynamoDB.ProvisionedThroughputExceededException", "slow down");

    ExecutionResult result = workflow.runWithInputFrom("step-functions-workshop/inputs/module05-input.json");

    assertThat(result).failedWith("DynamoDB.ProvisionedThroughputExceededException", "slow down");
    assertThat(result).events().ofType(MAP_ITERATION_FAILED).inIteration(MAP, 1).hasSize(1);
    mocks.verify(INSERT).times(2);
  }

  /** The Choice alone (TestState): LOW ends, HIGH writes; the rule is case-sensitive and there is no Default. */
  @Test
  @StateUnderTest("Priority Filter")
  void thePriorityFilterOnItsOwn(SingleState priorityFilter) {
    assertThat(priorityFilter.test("{\"priority\": \"LOW\"}")).succeeded().goesTo("Low Priority Order Detected");
    assertThat(priorityFilter.test("{\"priority\": \"HIGH\", \"orderId\": \"9\"}")).succeeded().goesTo(INSERT)
        .hasOutput("{\"priority\": \"HIGH\", \"orderId\": \"9\"}");
    assertThat(priorityFilter.test("{\"priority\": \"high\"}")).failed().hasError("States.NoChoiceMatched");
    // a rule on a field that is not there is a runtime error, not a non-match (AWS: "Invalid path")
    assertThat(priorityFilter.test("{\"orderId\": \"9\"}")).failed().hasError("States.Runtime");
  }
}

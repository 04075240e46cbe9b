package io.github.sfntest.samples.errorhandling;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.testing.StateMachineUnderTest;
import org.junit.jupiter.api.Test;

/**
 * "explicit-failure-with-parallel-states" (step-functions-workflows-collection): a branch of a
 * Parallel state catches its own error ({@code ResultPath $.error}) so the other branch can finish;
 * after the join a Choice looks for an error in either result and fails the execution explicitly,
 * the Fail state taking error and cause from the caught error ({@code ErrorPath}/{@code CausePath}).
 */
@StateMachineTest(definition = "error-handling-retry-catch/explicit-failure-with-parallel-states.asl.json",
    substitutions = {"getSuccessFunctionArn=arn:aws:lambda:us-east-1:123456789012:function:GetSuccess",
        "getQuickFailFunctionArn=arn:aws:lambda:us-east-1:123456789012:function:GetQuickFail"})
class ExplicitFailureWithParallelStatesTest {

  static final String CAUSE =
      "{\"errorMessage\": \"Throwing explicit error\", \"errorType\": \"Exception\", \"stackTrace\": []}";

  StateMachineUnderTest explicitFailure;
  MockedResponses mocks;

  /** Scenario (upstream): one branch fails; both finish, then the execution fails with the branch's error and cause. */
  @Test
  void failedBranchIsCaughtThenTheExecutionFailsExplicitlyWithItsError() {
    mocks.onLambda("GetSuccess").willReturn("{\"message\": \"success\"}");
    mocks.onLambda("GetQuickFail").willThrow("Exception", CAUSE);

    ExecutionResult result = explicitFailure.run("{\"orderId\": \"o-1\"}");

    assertThat(result).failedWith("Exception", CAUSE)
        .visitedInOrder("Parallel", "Aggregrate Results", "Evaluate Results", "Fail")
        .visited("success state", "quick fail", "handle failure")
        .didNotVisit("Success")
        .endedIn("Fail");
    assertThat(result).state("quick fail").failedWith("Exception", CAUSE).wasCaughtBy("handle failure");
    // the branch's catcher kept its input and put the error beside it; the other branch's result is untouched
    assertThat(result).state("Parallel").hasOutput("""
        [{"message": "success"},
         {"orderId": "o-1", "error": {"Error": "Exception", "Cause": %s}}]""".formatted(CommonErrorHandlingTest.quoted(CAUSE)));
    assertThat(result).state("success state").wasScheduledWith("{\"orderId\": \"o-1\"}");
  }

  /** Scenario: both functions succeed; no error in either result, the execution succeeds with both. */
  @Test
  void bothBranchesSucceedAndTheResultsAreReturned() {
    mocks.onLambda("GetSuccess").willReturn("{\"message\": \"success\"}");
    mocks.onLambda("GetQuickFail").willReturn("{\"message\": \"not this time\"}");

    ExecutionResult result = explicitFailure.run("{}");

    assertThat(result).succeeded().endedIn("Success").didNotVisit("handle failure", "Fail")
        .hasOutput("[{\"message\": \"success\"}, {\"message\": \"not this time\"}]");
  }
}

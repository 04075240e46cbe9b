package io.github.sfntest.assertions;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.history.HistoryEventType.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every assertion's failing case, with its exact message. */
class AssertFailureMessagesTest {

  @Test
  void succeededFailsOnFailedExecution() {
    assertThatThrownBy(() -> assertThat(Fixtures.orderFlow()).succeeded())
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting execution "exec-7f3a" of state machine "OrderFlow" to have succeeded,
            but it FAILED with:
              error: "States.TaskFailed"
              cause: "Rate exceeded"
            Visited states:
              Validate -> ChargeCard (failed after 3 attempts: States.TaskFailed) -> HandleError (Fail: States.TaskFailed)""");
  }

  @Test
  void failedFailsOnSucceededExecution() {
    assertThatThrownBy(() -> assertThat(Fixtures.parallel()).failed())
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting execution "fan-1" to have failed,
            but it SUCCEEDED with output:
              [{"data":2},"ok"]
            Visited states:
              FanOut {Fetch -> Enrich | Audit}""");
  }

  @Test
  void timedOutFailsOnFailedExecution() {
    assertThatThrownBy(() -> assertThat(Fixtures.mapRetry()).timedOut())
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting execution "m3" of state machine "MapRetry" to have timed out,
            but it FAILED with:
              error: "HandleItemFailError"
              cause: "HandleItemFailCause"
            Visited states:
              StartState -> MapState {1 iteration, 1 failed: HandleItemFail} (failed after 4 attempts: HandleItemFailError)""");
  }

  @Test
  void abortedFailsOnSucceededExecution() {
    assertThatThrownBy(() -> assertThat(Fixtures.mapCatch()).aborted())
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting execution "m2" of state machine "MapCatch" to have been aborted,
            but it SUCCEEDED with output:
              {"Error":"HandleItemFailError","Cause":"HandleItemFailCause"}
            Visited states:
              StartState -> MapState {1 iteration, 1 failed: HandleItemFail} (failed: HandleItemFailError) -> FinalCaught""");
  }

  @Test
  void failedWithErrorFailsOnOtherError() {
    assertThatThrownBy(() -> assertThat(Fixtures.orderFlow()).failedWith("States.Timeout"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting execution "exec-7f3a" of state machine "OrderFlow" to have failed with:
              error: "States.Timeout"
            but it FAILED with:
              error: "States.TaskFailed"
              cause: "Rate exceeded"
            Visited states:
              Validate -> ChargeCard (failed after 3 attempts: States.TaskFailed) -> HandleError (Fail: States.TaskFailed)""");
  }

  @Test
  void failedWithErrorAndCauseFailsOnOtherCause() {
    assertThatThrownBy(() -> assertThat(Fixtures.mapRetry()).failedWith("HandleItemFailError", "Other cause"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting execution "m3" of state machine "MapRetry" to have failed with:
              error: "HandleItemFailError"
              cause: "Other cause"
            but it FAILED with:
              error: "HandleItemFailError"
              cause: "HandleItemFailCause"
            Visited states:
              StartState -> MapState {1 iteration, 1 failed: HandleItemFail} (failed after 4 attempts: HandleItemFailError)""");
  }

  @Test
  void hasOutputFailsWithJsonDiff() {
    assertThatThrownBy(() -> assertThat(Fixtures.map()).hasOutput("{\"arr\": [1, \"Hello\", {}, null, 3.3, 3, 4]}"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting output of execution "m1" of state machine "MapFlow" to be equal as JSON to:
              {"arr":[1,"Hello",{},null,3.3,3,4]}
            but was:
              {"arr":[1,"Hello",{},null,3.3,3,4,5]}
            JSON differences (1):
              $.arr: expected 7 elements but was 8 elements, unexpected 5""");
  }

  @Test
  void hasOutputFailsOnUnexpectedField() {
    assertThatThrownBy(() -> assertThat(Fixtures.mapCatch()).hasOutput("{\"Error\": \"HandleItemFailError\"}"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting output of execution "m2" of state machine "MapCatch" to be equal as JSON to:
              {"Error":"HandleItemFailError"}
            but was:
              {"Error":"HandleItemFailError","Cause":"HandleItemFailCause"}
            JSON differences (1):
              $.Cause: unexpected field with value "HandleItemFailCause\"""");
  }

  @Test
  void hasOutputFailsWhenExecutionFailed() {
    assertThatThrownBy(() -> assertThat(Fixtures.mapRetry()).hasOutput("{}"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting output of execution "m3" of state machine "MapRetry" to be equal as JSON to:
              {}
            but the execution FAILED with:
              error: "HandleItemFailError"
              cause: "HandleItemFailCause"
            Visited states:
              StartState -> MapState {1 iteration, 1 failed: HandleItemFail} (failed after 4 attempts: HandleItemFailError)""");
  }

  @Test
  void hasOutputContainingFailsWithJsonDiff() {
    assertThatThrownBy(() -> assertThat(Fixtures.map()).hasOutputContaining("{\"arr\": [1, \"Hallo\", {}, null, 3.30, 3, 4, 5], \"x\": 1}"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting output of execution "m1" of state machine "MapFlow" to contain as JSON (extra fields allowed):
              {"arr":[1,"Hallo",{},null,3.30,3,4,5],"x":1}
            but was:
              {"arr":[1,"Hello",{},null,3.3,3,4,5]}
            JSON differences (2):
              $.arr[1]: expected "Hallo" but was "Hello"
              $.x: missing, expected 1""");
  }

  @Test
  void hasOutputAtFailsOnOtherValue() {
    assertThatThrownBy(() -> assertThat(Fixtures.map()).hasOutputAt("$.arr[1]", "\"Hallo\""))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting output of execution "m1" of state machine "MapFlow" at "$.arr[1]" to be equal as JSON to:
              "Hallo"
            but was:
              "Hello"
            JSON differences (1):
              $: expected "Hallo" but was "Hello\"""");
  }

  @Test
  void hasOutputAtFailsOnMissingPath() {
    assertThatThrownBy(() -> assertThat(Fixtures.map()).hasOutputAt("$.foo", "1"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting output of execution "m1" of state machine "MapFlow" at "$.foo" to be equal as JSON to:
              1
            but there is no value at that path in the output:
              {
                "arr" : [ 1, "Hello", { }, null, 3.3, 3, 4, 5 ]
              }""");
  }

  @Test
  void hasOutputSatisfyingFailsWhenExecutionFailed() {
    assertThatThrownBy(() -> assertThat(Fixtures.orderFlow()).hasOutputSatisfying(o -> {}))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting execution "exec-7f3a" of state machine "OrderFlow" to have succeeded,
            but it FAILED with:
              error: "States.TaskFailed"
              cause: "Rate exceeded"
            Visited states:
              Validate -> ChargeCard (failed after 3 attempts: States.TaskFailed) -> HandleError (Fail: States.TaskFailed)""");
  }

  @Test
  void visitedFailsWithNearMiss() {
    assertThatThrownBy(() -> assertThat(Fixtures.map()).visited("StartState", "MapSate", "Nope"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting execution "m1" of state machine "MapFlow" to have visited:
              ["StartState", "MapSate", "Nope"]
            but these states were never entered:
              "MapSate" (did you mean "MapState"?)
              "Nope"
            Visited states:
              StartState -> MapState {8 iterations: HandleItem} -> Final""");
  }

  @Test
  void visitedInOrderFailsOnWrongOrder() {
    assertThatThrownBy(() -> assertThat(Fixtures.map()).visitedInOrder("StartState", "Final", "MapState"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting execution "m1" of state machine "MapFlow" to have visited in order:
              ["StartState", "Final", "MapState"]
            but "MapState" was not entered after "Final".
            Visited states:
              StartState -> MapState {8 iterations: HandleItem} -> Final""");
  }

  @Test
  void visitedInOrderFailsOnUnknownState() {
    assertThatThrownBy(() -> assertThat(Fixtures.orderFlow()).visitedInOrder("Validate", "ChargeCrd"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting execution "exec-7f3a" of state machine "OrderFlow" to have visited in order:
              ["Validate", "ChargeCrd"]
            but "ChargeCrd" was never entered (did you mean "ChargeCard"?).
            Visited states:
              Validate -> ChargeCard (failed after 3 attempts: States.TaskFailed) -> HandleError (Fail: States.TaskFailed)""");
  }

  @Test
  void hasPathFails() {
    assertThatThrownBy(() -> assertThat(Fixtures.orderFlow()).hasPath("Validate", "ChargeCard"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting execution "exec-7f3a" of state machine "OrderFlow" to have taken exactly the path:
              ["Validate", "ChargeCard"]
            but it was:
              ["Validate", "ChargeCard", "HandleError"]
            Visited states:
              Validate -> ChargeCard (failed after 3 attempts: States.TaskFailed) -> HandleError (Fail: States.TaskFailed)""");
  }

  @Test
  void didNotVisitFails() {
    assertThatThrownBy(() -> assertThat(Fixtures.retry()).didNotVisit("Other", "HandleError"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting execution "e1" of state machine "RetryFlow" not to have visited:
              ["Other", "HandleError"]
            but it entered:
              "HandleError" (1 time)
            Visited states:
              InvokeLambdaWithRetry (failed after 4 attempts: Exception) -> HandleError""");
  }

  @Test
  void endedInFails() {
    assertThatThrownBy(() -> assertThat(Fixtures.retry()).endedIn("InvokeLambdaWithRetry"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting execution "e1" of state machine "RetryFlow" to have ended in state "InvokeLambdaWithRetry",
            but it ended in "HandleError".
            Visited states:
              InvokeLambdaWithRetry (failed after 4 attempts: Exception) -> HandleError""");
  }

  @Test
  void tookAtMostFails() {
    assertThatThrownBy(() -> assertThat(Fixtures.orderFlow()).tookAtMost(Duration.ofSeconds(2)))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting execution "exec-7f3a" of state machine "OrderFlow" to have taken at most 2s,
            but it took 3.33s:
            Execution "exec-7f3a" of state machine "OrderFlow": FAILED after 3.33s
              error: "States.TaskFailed"
              cause: "Rate exceeded"
            Path:
              Validate -> ChargeCard (failed after 3 attempts: States.TaskFailed) -> HandleError (Fail: States.TaskFailed)
            States:
              Validate  +0ms, took 10ms
              ChargeCard  +10ms, took 3.315s, failed after 3 attempts: States.TaskFailed
              HandleError  +3.325s, took 0ms, Fail: States.TaskFailed""");
  }

  @Test
  void tookAtLeastFails() {
    assertThatThrownBy(() -> assertThat(Fixtures.parallel()).tookAtLeast(Duration.ofSeconds(1)))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting execution "fan-1" to have taken at least 1s,
            but it took 3ms:
            Execution "fan-1": SUCCEEDED after 3ms
              output: [{"data":2},"ok"]
            Path:
              FanOut {Fetch -> Enrich | Audit}
            States:
              FanOut  +0ms, took 3ms
                Fetch  +0ms, took 1ms
                Audit  +0ms, took 2ms
                Enrich  +2ms, took 1ms""");
  }

  @Test
  void tookFails() {
    assertThatThrownBy(() -> assertThat(Fixtures.parallel()).took(Duration.ofMillis(2)))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting execution "fan-1" to have taken exactly 2ms,
            but it took 3ms:
            Execution "fan-1": SUCCEEDED after 3ms
              output: [{"data":2},"ok"]
            Path:
              FanOut {Fetch -> Enrich | Audit}
            States:
              FanOut  +0ms, took 3ms
                Fetch  +0ms, took 1ms
                Audit  +0ms, took 2ms
                Enrich  +2ms, took 1ms""");
  }

  @Test
  void stateFailsOnUnknownStateWithSuggestion() {
    assertThatThrownBy(() -> assertThat(Fixtures.orderFlow()).state("ChargeCrad").wasEntered())
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting state "ChargeCrad" to have been entered in execution "exec-7f3a" of state machine "OrderFlow",
            but it was never entered.
            Did you mean "ChargeCard"? Known states: ["Validate", "ChargeCard", "HandleError"]
            Visited states:
              Validate -> ChargeCard (failed after 3 attempts: States.TaskFailed) -> HandleError (Fail: States.TaskFailed)""");
  }

  @Test
  void stateEntryFailsWhenNotEnteredThatOften() {
    assertThatThrownBy(() -> assertThat(Fixtures.orderFlow()).state("Validate").entry(2).hasInput("{}"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting state "Validate" to have been entered at least 2 times in execution "exec-7f3a" of state machine "OrderFlow",
            but it was entered 1 time.
            Visited states:
              Validate -> ChargeCard (failed after 3 attempts: States.TaskFailed) -> HandleError (Fail: States.TaskFailed)""");
  }

  @Test
  void wasEnteredTimesFails() {
    assertThatThrownBy(() -> assertThat(Fixtures.map()).state("HandleItem").wasEnteredTimes(3))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting state "HandleItem" of execution "m1" of state machine "MapFlow" to have been entered 3 times,
            but it was entered 8 times.
            Visited states:
              StartState -> MapState {8 iterations: HandleItem} -> Final""");
  }

  @Test
  void stateHasInputFails() {
    assertThatThrownBy(() -> assertThat(Fixtures.orderFlow()).state("ChargeCard").hasInput("{\"orderId\": \"o-1\", \"amount\": 41}"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting input of state "ChargeCard" of execution "exec-7f3a" of state machine "OrderFlow" to be equal as JSON to:
              {"orderId":"o-1","amount":41}
            but was:
              {"orderId":"o-1","amount":42}
            JSON differences (1):
              $.amount: expected 41 but was 42
            Visited states:
              Validate -> ChargeCard (failed after 3 attempts: States.TaskFailed) -> HandleError (Fail: States.TaskFailed)""");
  }

  @Test
  void stateHasInputContainingFails() {
    assertThatThrownBy(() -> assertThat(Fixtures.orderFlow()).state("ChargeCard").hasInputContaining("{\"currency\": \"EUR\"}"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting input of state "ChargeCard" of execution "exec-7f3a" of state machine "OrderFlow" to contain as JSON (extra fields allowed):
              {"currency":"EUR"}
            but was:
              {"orderId":"o-1","amount":42}
            JSON differences (1):
              $.currency: missing, expected "EUR"
            Visited states:
              Validate -> ChargeCard (failed after 3 attempts: States.TaskFailed) -> HandleError (Fail: States.TaskFailed)""");
  }

  @Test
  void stateHasOutputFailsForFailStateWithoutOutput() {
    assertThatThrownBy(() -> assertThat(Fixtures.orderFlow()).state("HandleError").hasOutput("{}"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting output of state "HandleError" of execution "exec-7f3a" of state machine "OrderFlow" to be equal as JSON to:
              {}
            but there is none: it failed with "States.TaskFailed".
            History of state "HandleError":
              #15 FailStateEntered [HandleError] input: {"Error":"States.TaskFailed","Cause":"Rate exceeded"}
            Visited states:
              Validate -> ChargeCard (failed after 3 attempts: States.TaskFailed) -> HandleError (Fail: States.TaskFailed)""");
  }

  @Test
  void stateHasOutputContainingFails() {
    assertThatThrownBy(() -> assertThat(Fixtures.retry()).state("HandleError").hasOutputContaining("{\"Error\": \"X\"}"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting output of state "HandleError" of execution "e1" of state machine "RetryFlow" to contain as JSON (extra fields allowed):
              {"Error":"X"}
            but was:
              {
                "Error" : "Exception",
                "Cause" : "{\\"errorMessage\\":\\"Some exception was raised.\\",\\"errorType\\":\\"Exception\\",\\"requestId\\":\\"<uuid:4>\\",\\"stackTrace\\":[\\"  File \\\\\\"/var/task/handler.py\\\\\\", line 2, in handler\\\\n    raise Exception(\\\\\\"Some exception was raised.\\\\\\")\\\\n\\"]}"
              }
            JSON differences (1):
              $.Error: expected "X" but was "Exception"
            Visited states:
              InvokeLambdaWithRetry (failed after 4 attempts: Exception) -> HandleError""");
  }

  @Test
  void stateHasOutputOfEntryFails() {
    assertThatThrownBy(() -> assertThat(Fixtures.map()).state("HandleItem").entry(2).hasOutput("\"Hallo\""))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting output of state "HandleItem" (entry 2 of 8) of execution "m1" of state machine "MapFlow" to be equal as JSON to:
              "Hallo"
            but was:
              "Hello"
            JSON differences (1):
              $: expected "Hallo" but was "Hello"
            Visited states:
              StartState -> MapState {8 iterations: HandleItem} -> Final""");
  }

  @Test
  void wasRetriedFails() {
    assertThatThrownBy(() -> assertThat(Fixtures.orderFlow()).state("ChargeCard").wasRetried(1))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting state "ChargeCard" of execution "exec-7f3a" of state machine "OrderFlow" to have been retried 1 time,
            but it was retried 2 times (3 attempts), errors: ["States.TaskFailed", "States.TaskFailed", "States.TaskFailed"].
            History of state "ChargeCard":
              #4 TaskStateEntered [ChargeCard] input: {"orderId":"o-1","amount":42}
              #5 TaskScheduled [ChargeCard] resource: "invoke", parameters: {"FunctionName":"charge","Payload":{"amount":42}}
              #6 TaskStarted [ChargeCard] resource: "invoke"
              #7 TaskFailed [ChargeCard] resource: "invoke", error: "States.TaskFailed", cause: "Rate exceeded"
              #8 TaskScheduled [ChargeCard] resource: "invoke", parameters: {"FunctionName":"charge","Payload":{"amount":42}}
              #9 TaskStarted [ChargeCard] resource: "invoke"
              #10 TaskFailed [ChargeCard] resource: "invoke", error: "States.TaskFailed", cause: "Rate exceeded"
              #11 TaskScheduled [ChargeCard] resource: "invoke", parameters: {"FunctionName":"charge","Payload":{"amount":42}}
              #12 TaskStarted [ChargeCard] resource: "invoke"
              #13 TaskFailed [ChargeCard] resource: "invoke", error: "States.TaskFailed", cause: "Rate exceeded"
              #14 TaskStateExited [ChargeCard] output: {"Error":"States.TaskFailed","Cause":"Rate exceeded"}
            Visited states:
              Validate -> ChargeCard (failed after 3 attempts: States.TaskFailed) -> HandleError (Fail: States.TaskFailed)""");
  }

  @Test
  void wasNotRetriedFails() {
    assertThatThrownBy(() -> assertThat(Fixtures.mapRetry()).state("MapState").wasNotRetried())
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting state "MapState" of execution "m3" of state machine "MapRetry" to have been retried 0 times,
            but it was retried 3 times (4 attempts).
            History of state "MapState":
              #4 MapStateEntered [MapState] input: {"arr":[1]}
              #5 MapStateStarted [MapState]
              #6 MapIterationStarted [MapState] index: 0
              #8 MapIterationFailed [MapState] index: 0
              #9 MapStateStarted [MapState]
              #10 MapIterationStarted [MapState] index: 0
              #12 MapIterationFailed [MapState] index: 0
              #13 MapStateStarted [MapState]
              #14 MapIterationStarted [MapState] index: 0
              #16 MapIterationFailed [MapState] index: 0
              #17 MapStateStarted [MapState]
              #18 MapIterationStarted [MapState] index: 0
              #20 MapIterationFailed [MapState] index: 0
              #21 MapStateFailed [MapState]
            Visited states:
              StartState -> MapState {1 iteration, 1 failed: HandleItemFail} (failed after 4 attempts: HandleItemFailError)""");
  }

  @Test
  void stateFailedWithFailsOnOtherError() {
    assertThatThrownBy(() -> assertThat(Fixtures.orderFlow()).state("ChargeCard").failedWith("States.Timeout"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting state "ChargeCard" of execution "exec-7f3a" of state machine "OrderFlow" to have failed with error "States.Timeout",
            but it failed with error "States.TaskFailed" and cause "Rate exceeded".
            History of state "ChargeCard":
              #4 TaskStateEntered [ChargeCard] input: {"orderId":"o-1","amount":42}
              #5 TaskScheduled [ChargeCard] resource: "invoke", parameters: {"FunctionName":"charge","Payload":{"amount":42}}
              #6 TaskStarted [ChargeCard] resource: "invoke"
              #7 TaskFailed [ChargeCard] resource: "invoke", error: "States.TaskFailed", cause: "Rate exceeded"
              #8 TaskScheduled [ChargeCard] resource: "invoke", parameters: {"FunctionName":"charge","Payload":{"amount":42}}
              #9 TaskStarted [ChargeCard] resource: "invoke"
              #10 TaskFailed [ChargeCard] resource: "invoke", error: "States.TaskFailed", cause: "Rate exceeded"
              #11 TaskScheduled [ChargeCard] resource: "invoke", parameters: {"FunctionName":"charge","Payload":{"amount":42}}
              #12 TaskStarted [ChargeCard] resource: "invoke"
              #13 TaskFailed [ChargeCard] resource: "invoke", error: "States.TaskFailed", cause: "Rate exceeded"
              #14 TaskStateExited [ChargeCard] output: {"Error":"States.TaskFailed","Cause":"Rate exceeded"}
            Visited states:
              Validate -> ChargeCard (failed after 3 attempts: States.TaskFailed) -> HandleError (Fail: States.TaskFailed)""");
  }

  @Test
  void stateFailedWithCauseFails() {
    assertThatThrownBy(() -> assertThat(Fixtures.mapCatch()).state("MapState").failedWith("HandleItemFailError", "other"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting state "MapState" of execution "m2" of state machine "MapCatch" to have failed with error "HandleItemFailError" and cause "other",
            but it failed with error "HandleItemFailError" and cause "HandleItemFailCause".
            History of state "MapState":
              #4 MapStateEntered [MapState] input: {"arr":[1]}
              #5 MapStateStarted [MapState]
              #6 MapIterationStarted [MapState] index: 0
              #8 MapIterationFailed [MapState] index: 0
              #9 MapStateFailed [MapState]
              #10 MapStateExited [MapState] output: {"Error":"HandleItemFailError","Cause":"HandleItemFailCause"}
            Visited states:
              StartState -> MapState {1 iteration, 1 failed: HandleItemFail} (failed: HandleItemFailError) -> FinalCaught""");
  }

  @Test
  void stateFailedWithFailsWhenStateSucceeded() {
    assertThatThrownBy(() -> assertThat(Fixtures.orderFlow()).state("Validate").failedWith("X"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting state "Validate" of execution "exec-7f3a" of state machine "OrderFlow" to have failed with error "X",
            but it did not fail (output: {"orderId":"o-1","amount":42}).
            History of state "Validate":
              #2 PassStateEntered [Validate] input: {"orderId":"o-1"}
              #3 PassStateExited [Validate] output: {"orderId":"o-1","amount":42}
            Visited states:
              Validate -> ChargeCard (failed after 3 attempts: States.TaskFailed) -> HandleError (Fail: States.TaskFailed)""");
  }

  @Test
  void didNotFailFails() {
    assertThatThrownBy(() -> assertThat(Fixtures.orderFlow()).state("ChargeCard").didNotFail())
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting state "ChargeCard" of execution "exec-7f3a" of state machine "OrderFlow" not to have failed,
            but it failed with error "States.TaskFailed" and cause "Rate exceeded".
            History of state "ChargeCard":
              #4 TaskStateEntered [ChargeCard] input: {"orderId":"o-1","amount":42}
              #5 TaskScheduled [ChargeCard] resource: "invoke", parameters: {"FunctionName":"charge","Payload":{"amount":42}}
              #6 TaskStarted [ChargeCard] resource: "invoke"
              #7 TaskFailed [ChargeCard] resource: "invoke", error: "States.TaskFailed", cause: "Rate exceeded"
              #8 TaskScheduled [ChargeCard] resource: "invoke", parameters: {"FunctionName":"charge","Payload":{"amount":42}}
              #9 TaskStarted [ChargeCard] resource: "invoke"
              #10 TaskFailed [ChargeCard] resource: "invoke", error: "States.TaskFailed", cause: "Rate exceeded"
              #11 TaskScheduled [ChargeCard] resource: "invoke", parameters: {"FunctionName":"charge","Payload":{"amount":42}}
              #12 TaskStarted [ChargeCard] resource: "invoke"
              #13 TaskFailed [ChargeCard] resource: "invoke", error: "States.TaskFailed", cause: "Rate exceeded"
              #14 TaskStateExited [ChargeCard] output: {"Error":"States.TaskFailed","Cause":"Rate exceeded"}
            Visited states:
              Validate -> ChargeCard (failed after 3 attempts: States.TaskFailed) -> HandleError (Fail: States.TaskFailed)""");
  }

  @Test
  void wasCaughtByFailsOnOtherCatcher() {
    assertThatThrownBy(() -> assertThat(Fixtures.mapCatch()).state("MapState").wasCaughtBy("X"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting state "MapState" of execution "m2" of state machine "MapCatch" to have failed and been caught by a catcher going to "X",
            but its error "HandleItemFailError" was caught by a catcher going to "FinalCaught".
            History of state "MapState":
              #4 MapStateEntered [MapState] input: {"arr":[1]}
              #5 MapStateStarted [MapState]
              #6 MapIterationStarted [MapState] index: 0
              #8 MapIterationFailed [MapState] index: 0
              #9 MapStateFailed [MapState]
              #10 MapStateExited [MapState] output: {"Error":"HandleItemFailError","Cause":"HandleItemFailCause"}
            Visited states:
              StartState -> MapState {1 iteration, 1 failed: HandleItemFail} (failed: HandleItemFailError) -> FinalCaught""");
  }

  @Test
  void wasCaughtByFailsWhenNotCaught() {
    assertThatThrownBy(() -> assertThat(Fixtures.mapRetry()).state("MapState").wasCaughtBy("Recover"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting state "MapState" of execution "m3" of state machine "MapRetry" to have failed and been caught by a catcher going to "Recover",
            but its error "HandleItemFailError" was not caught (the execution FAILED).
            History of state "MapState":
              #4 MapStateEntered [MapState] input: {"arr":[1]}
              #5 MapStateStarted [MapState]
              #6 MapIterationStarted [MapState] index: 0
              #8 MapIterationFailed [MapState] index: 0
              #9 MapStateStarted [MapState]
              #10 MapIterationStarted [MapState] index: 0
              #12 MapIterationFailed [MapState] index: 0
              #13 MapStateStarted [MapState]
              #14 MapIterationStarted [MapState] index: 0
              #16 MapIterationFailed [MapState] index: 0
              #17 MapStateStarted [MapState]
              #18 MapIterationStarted [MapState] index: 0
              #20 MapIterationFailed [MapState] index: 0
              #21 MapStateFailed [MapState]
            Visited states:
              StartState -> MapState {1 iteration, 1 failed: HandleItemFail} (failed after 4 attempts: HandleItemFailError)""");
  }

  @Test
  void wasScheduledWithFails() {
    assertThatThrownBy(() -> assertThat(Fixtures.orderFlow()).state("ChargeCard").wasScheduledWith("{\"FunctionName\": \"charge\"}"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting task parameters of state "ChargeCard" (attempt 1 of 3) of execution "exec-7f3a" of state machine "OrderFlow" to be equal as JSON to:
              {"FunctionName":"charge"}
            but was:
              {"FunctionName":"charge","Payload":{"amount":42}}
            JSON differences (1):
              $.Payload: unexpected field with value {"amount":42}
            Visited states:
              Validate -> ChargeCard (failed after 3 attempts: States.TaskFailed) -> HandleError (Fail: States.TaskFailed)""");
  }

  @Test
  void wasScheduledWithContainingFails() {
    assertThatThrownBy(() -> assertThat(Fixtures.assign()).state("Task").wasScheduledWithContaining("{\"Payload\": {\"foo\": \"bar\"}}"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting task parameters of state "Task" of execution "a1" of state machine "Assign" to contain as JSON (extra fields allowed):
              {"Payload":{"foo":"bar"}}
            but was:
              {
                "FunctionName" : "arn:<partition>:lambda:<region>:111111111111:function:<lambda-function-name>",
                "Payload" : {
                  "foo" : "oof"
                }
              }
            JSON differences (1):
              $.Payload.foo: expected "bar" but was "oof"
            Visited states:
              Task (failed: Exception) -> fallback""");
  }

  @Test
  void wasScheduledWithFailsForPassState() {
    assertThatThrownBy(() -> assertThat(Fixtures.orderFlow()).state("Validate").wasScheduledWith("{}"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting task parameters of state "Validate" of execution "exec-7f3a" of state machine "OrderFlow" to be equal as JSON to:
              {}
            but it scheduled no task (it is a Pass state).
            History of state "Validate":
              #2 PassStateEntered [Validate] input: {"orderId":"o-1"}
              #3 PassStateExited [Validate] output: {"orderId":"o-1","amount":42}
            Visited states:
              Validate -> ChargeCard (failed after 3 attempts: States.TaskFailed) -> HandleError (Fail: States.TaskFailed)""");
  }

  @Test
  void assignedFailsOnUnknownVariable() {
    assertThatThrownBy(() -> assertThat(Fixtures.assign()).state("Task").assigned("reslt", "1"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting variable "reslt" assigned by state "Task" of execution "a1" of state machine "Assign" to be equal as JSON to:
              1
            but it assigned only ["result"].
            Did you mean "result"?
            Visited states:
              Task (failed: Exception) -> fallback""");
  }

  @Test
  void assignedFailsOnOtherValue() {
    assertThatThrownBy(() -> assertThat(Fixtures.assign()).state("Task").assigned("result", "{\"Error\": \"Exception\"}"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting variable "result" assigned by state "Task" of execution "a1" of state machine "Assign" to be equal as JSON to:
              {"Error":"Exception"}
            but was:
              {
                "Error" : "Exception",
                "Cause" : "{\\"errorMessage\\":\\"Some exception was raised.\\",\\"errorType\\":\\"Exception\\",\\"requestId\\":\\"<uuid:1>\\",\\"stackTrace\\":[\\"  File \\\\\\"/var/task/handler.py\\\\\\", line 2, in handler\\\\n    raise Exception(\\\\\\"Some exception was raised.\\\\\\")\\\\n\\"]}"
              }
            JSON differences (1):
              $.Cause: unexpected field with value "{\\"errorMessage\\":\\"Some exception was raised.\\",\\"error...
            Visited states:
              Task (failed: Exception) -> fallback""");
  }

  @Test
  void hasIterationsFails() {
    assertThatThrownBy(() -> assertThat(Fixtures.map()).state("MapState").hasIterations(3))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting state "MapState" of execution "m1" of state machine "MapFlow" to have run 3 Map iterations,
            but it ran 8:
              [0] SUCCEEDED: HandleItem => 1
              [1] SUCCEEDED: HandleItem => "Hello"
              [2] SUCCEEDED: HandleItem => {}
              [3] SUCCEEDED: HandleItem => null
              [4] SUCCEEDED: HandleItem => 3.3
              [5] SUCCEEDED: HandleItem => 3
              [6] SUCCEEDED: HandleItem => 4
              [7] SUCCEEDED: HandleItem => 5
            Visited states:
              StartState -> MapState {8 iterations: HandleItem} -> Final""");
  }

  @Test
  void hasIterationsFailsOnNonMapState() {
    assertThatThrownBy(() -> assertThat(Fixtures.map()).state("Final").hasIterations(3))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting state "Final" of execution "m1" of state machine "MapFlow" to have run 3 Map iterations,
            but it is a Pass state, not a Map state.
            Visited states:
              StartState -> MapState {8 iterations: HandleItem} -> Final""");
  }

  @Test
  void hasIterationOutputsFails() {
    assertThatThrownBy(() -> assertThat(Fixtures.map()).state("MapState").hasIterationOutputs("1", "2"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting iteration outputs of state "MapState" of execution "m1" of state machine "MapFlow" to be equal as JSON to:
              [1,2]
            but was:
              [1,"Hello",{},null,3.3,3,4,5]
            JSON differences (2):
              $[1]: expected 2 but was "Hello"
              $: expected 2 elements but was 8 elements, unexpected {} ...
            Iterations:
              [0] SUCCEEDED: HandleItem => 1
              [1] SUCCEEDED: HandleItem => "Hello"
              [2] SUCCEEDED: HandleItem => {}
              [3] SUCCEEDED: HandleItem => null
              [4] SUCCEEDED: HandleItem => 3.3
              [5] SUCCEEDED: HandleItem => 3
              [6] SUCCEEDED: HandleItem => 4
              [7] SUCCEEDED: HandleItem => 5""");
  }

  @Test
  void allIterationsSucceededFails() {
    assertThatThrownBy(() -> assertThat(Fixtures.mapRetry()).state("MapState").allIterationsSucceeded())
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting state "MapState" of execution "m3" of state machine "MapRetry" to have only succeeded iterations,
            but iteration 0 FAILED:
              [0] FAILED: HandleItemFail
            Visited states:
              StartState -> MapState {1 iteration, 1 failed: HandleItemFail} (failed after 4 attempts: HandleItemFailError)""");
  }

  @Test
  void waitedForCallbackFails() {
    assertThatThrownBy(() -> assertThat(Fixtures.assign()).state("Task").waitedForCallback())
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting state "Task" of execution "a1" of state machine "Assign" to have waited for a callback (.waitForTaskToken),
            but its resource is "lambda:invoke".
            History of state "Task":
              #2 TaskStateEntered [Task] input: {"input_value":"arn:<partition>:lambda:<region>:111111111111:function:<lambda...
              #3 TaskScheduled [Task] resource: "invoke", parameters: {"FunctionName":"arn:<partition>:lambda:<region>:111111111111:function:<lambd...
              #4 TaskStarted [Task] resource: "invoke"
              #5 TaskFailed [Task] resource: "invoke", error: "Exception", cause: "{\\"errorMessage\\":\\"Some exception was raised.\\",\\"errorType\\":\\"Exception\\"...
              #6 TaskStateExited [Task] output: {"Error":"Exception","Cause":"{\\"errorMessage\\":\\"Some exception was raised.\\...
            Visited states:
              Task (failed: Exception) -> fallback""");
  }

  @Test
  void receivedCallbackFails() {
    assertThatThrownBy(() -> assertThat(Fixtures.callback()).state("State1").receivedCallback("\"Bye\""))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting callback result of state "State1" of execution "c1" of state machine "Cb" to be equal as JSON to:
              "Bye"
            but was:
              "HelloWorld"
            JSON differences (1):
              $: expected "Bye" but was "HelloWorld"
            Visited states:
              State1 -> State2""");
  }

  @Test
  void receivedCallbackFailsOnTimeout() {
    assertThatThrownBy(() -> assertThat(Fixtures.callbackTimeout()).state("SendMessageWithWaitAndTimeout").receivedCallback("{}"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting callback result of state "SendMessageWithWaitAndTimeout" of execution "c3" of state machine "CbTimeout" to be equal as JSON to:
              {}
            but no callback succeeded (it failed with "States.Timeout").
            History of state "SendMessageWithWaitAndTimeout":
              #2 TaskStateEntered [SendMessageWithWaitAndTimeout] input: {"QueueUrl":"<sqs_queue_url>","Message":"test_message_txt"}
              #3 TaskScheduled [SendMessageWithWaitAndTimeout] resource: "sendMessage.waitForTaskToken", parameters: {"MessageBody":{"Message":"test_message_txt","TaskToken":"<<task_token>:1>"},...
              #4 TaskStarted [SendMessageWithWaitAndTimeout] resource: "sendMessage.waitForTaskToken"
              #5 TaskSubmitted [SendMessageWithWaitAndTimeout] resource: "sendMessage.waitForTaskToken", output: {"MD5OfMessageBody":"<m-d5-of-message-body:1>","MessageId":"<uuid:1>","SdkHtt...
              #6 TaskTimedOut [SendMessageWithWaitAndTimeout] resource: "sendMessage.waitForTaskToken", error: "States.Timeout"
            Visited states:
              SendMessageWithWaitAndTimeout (failed: States.Timeout)""");
  }

  @Test
  void startedChildExecutionsFails() {
    assertThatThrownBy(() -> assertThat(Fixtures.child()).state("StartExecution").startedChildExecutions(2))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting state "StartExecution" of execution "c2" of state machine "Child" to have started 2 child executions,
            but it started 1:
              arn:<partition>:states:<region>:111111111111:execution:<ArnPart_0idx>:TestStartTarget
            History of state "StartExecution":
              #2 TaskStateEntered [StartExecution] input: {"StateMachineArn":"arn:<partition>:states:<region>:111111111111:stateMachine...
              #3 TaskScheduled [StartExecution] resource: "startExecution.sync", parameters: {"Input":null,"StateMachineArn":"arn:<partition>:states:<region>:111111111111...
              #4 TaskStarted [StartExecution] resource: "startExecution.sync"
              #5 TaskSubmitted [StartExecution] resource: "startExecution.sync", output: {"ExecutionArn":"arn:<partition>:states:<region>:111111111111:execution:<ArnP...
              #6 TaskFailed [StartExecution] resource: "startExecution.sync", error: "States.TaskFailed", cause: "{\\"Cause\\":\\"This state machines raises a 'SomeFailure' failure.\\",\\"Error\\"...
            Visited states:
              StartExecution (failed: States.TaskFailed)""");
  }

  @Test
  void stateTookAtMostFails() {
    assertThatThrownBy(() -> assertThat(Fixtures.orderFlow()).state("ChargeCard").tookAtMost(Duration.ofSeconds(1)))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting state "ChargeCard" of execution "exec-7f3a" of state machine "OrderFlow" to have taken at most 1s,
            but it took 3.315s.
            History of state "ChargeCard":
              #4 TaskStateEntered [ChargeCard] input: {"orderId":"o-1","amount":42}
              #5 TaskScheduled [ChargeCard] resource: "invoke", parameters: {"FunctionName":"charge","Payload":{"amount":42}}
              #6 TaskStarted [ChargeCard] resource: "invoke"
              #7 TaskFailed [ChargeCard] resource: "invoke", error: "States.TaskFailed", cause: "Rate exceeded"
              #8 TaskScheduled [ChargeCard] resource: "invoke", parameters: {"FunctionName":"charge","Payload":{"amount":42}}
              #9 TaskStarted [ChargeCard] resource: "invoke"
              #10 TaskFailed [ChargeCard] resource: "invoke", error: "States.TaskFailed", cause: "Rate exceeded"
              #11 TaskScheduled [ChargeCard] resource: "invoke", parameters: {"FunctionName":"charge","Payload":{"amount":42}}
              #12 TaskStarted [ChargeCard] resource: "invoke"
              #13 TaskFailed [ChargeCard] resource: "invoke", error: "States.TaskFailed", cause: "Rate exceeded"
              #14 TaskStateExited [ChargeCard] output: {"Error":"States.TaskFailed","Cause":"Rate exceeded"}
            Visited states:
              Validate -> ChargeCard (failed after 3 attempts: States.TaskFailed) -> HandleError (Fail: States.TaskFailed)""");
  }

  @Test
  void stateTookAtLeastFails() {
    assertThatThrownBy(() -> assertThat(Fixtures.orderFlow()).state("Validate").tookAtLeast(Duration.ofSeconds(1)))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting state "Validate" of execution "exec-7f3a" of state machine "OrderFlow" to have taken at least 1s,
            but it took 10ms.
            History of state "Validate":
              #2 PassStateEntered [Validate] input: {"orderId":"o-1"}
              #3 PassStateExited [Validate] output: {"orderId":"o-1","amount":42}
            Visited states:
              Validate -> ChargeCard (failed after 3 attempts: States.TaskFailed) -> HandleError (Fail: States.TaskFailed)""");
  }

  @Test
  void eventsHasSizeFails() {
    assertThatThrownBy(() -> assertThat(Fixtures.orderFlow()).events().ofType(TASK_FAILED).hasSize(2))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting 2 TaskFailed events in execution "exec-7f3a" of state machine "OrderFlow",
            but found 3:
              #7 TaskFailed [ChargeCard] resource: "invoke", error: "States.TaskFailed", cause: "Rate exceeded"
              #10 TaskFailed [ChargeCard] resource: "invoke", error: "States.TaskFailed", cause: "Rate exceeded"
              #13 TaskFailed [ChargeCard] resource: "invoke", error: "States.TaskFailed", cause: "Rate exceeded\"""");
  }

  @Test
  void eventsForStateOfTypeHasSizeFails() {
    assertThatThrownBy(() -> assertThat(Fixtures.retry()).events().forState("HandleError").ofType(TASK_FAILED, TASK_TIMED_OUT).hasSize(1))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting 1 TaskFailed or TaskTimedOut events among the events of state "HandleError" in execution "e1" of state machine "RetryFlow",
            but found 0.""");
  }

  @Test
  void eventsIsEmptyFails() {
    assertThatThrownBy(() -> assertThat(Fixtures.orderFlow()).events().ofType(EXECUTION_FAILED).isEmpty())
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting 0 ExecutionFailed events in execution "exec-7f3a" of state machine "OrderFlow",
            but found 1:
              #16 ExecutionFailed error: "States.TaskFailed", cause: "Rate exceeded\"""");
  }

  @Test
  void eventsIsNotEmptyFails() {
    assertThatThrownBy(() -> assertThat(Fixtures.orderFlow()).events().ofType(TASK_SUCCEEDED).isNotEmpty())
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting some TaskSucceeded events in execution "exec-7f3a" of state machine "OrderFlow",
            but found none.
            Visited states:
              Validate -> ChargeCard (failed after 3 attempts: States.TaskFailed) -> HandleError (Fail: States.TaskFailed)""");
  }

  @Test
  void eventsContainsSubsequenceFails() {
    assertThatThrownBy(() -> assertThat(Fixtures.orderFlow()).events().forState("ChargeCard").containsSubsequence(TASK_SCHEDULED, TASK_FAILED, TASK_SUCCEEDED))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting the events of state "ChargeCard" of execution "exec-7f3a" of state machine "OrderFlow" to contain the types in order:
              [TaskScheduled, TaskFailed, TaskSucceeded]
            but TaskSucceeded was not found after event #7 (TaskFailed). Events:
              #4 TaskStateEntered [ChargeCard] input: {"orderId":"o-1","amount":42}
              #5 TaskScheduled [ChargeCard] resource: "invoke", parameters: {"FunctionName":"charge","Payload":{"amount":42}}
              #6 TaskStarted [ChargeCard] resource: "invoke"
              #7 TaskFailed [ChargeCard] resource: "invoke", error: "States.TaskFailed", cause: "Rate exceeded"
              #8 TaskScheduled [ChargeCard] resource: "invoke", parameters: {"FunctionName":"charge","Payload":{"amount":42}}
              #9 TaskStarted [ChargeCard] resource: "invoke"
              #10 TaskFailed [ChargeCard] resource: "invoke", error: "States.TaskFailed", cause: "Rate exceeded"
              #11 TaskScheduled [ChargeCard] resource: "invoke", parameters: {"FunctionName":"charge","Payload":{"amount":42}}
              #12 TaskStarted [ChargeCard] resource: "invoke"
              #13 TaskFailed [ChargeCard] resource: "invoke", error: "States.TaskFailed", cause: "Rate exceeded"
              #14 TaskStateExited [ChargeCard] output: {"Error":"States.TaskFailed","Cause":"Rate exceeded"}""");
  }

  @Test
  void eventsContainsExactlyFails() {
    assertThatThrownBy(() -> assertThat(Fixtures.orderFlow()).events().forState("Validate").containsExactly(PASS_STATE_ENTERED))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting the events of state "Validate" of execution "exec-7f3a" of state machine "OrderFlow" to have exactly the types:
              [PassStateEntered]
            but they were:
              #2 PassStateEntered [Validate] input: {"orderId":"o-1"}
              #3 PassStateExited [Validate] output: {"orderId":"o-1","amount":42}""");
  }

  @Test
  void eventsInIterationFails() {
    assertThatThrownBy(() -> assertThat(Fixtures.map()).events().inIteration("MapState", 2).hasSize(1))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting 1 events of iteration 2 of Map state "MapState" in execution "m1" of state machine "MapFlow",
            but found 4:
              #14 MapIterationStarted [MapState] index: 2
              #15 PassStateEntered [HandleItem] input: {}
              #16 PassStateExited [HandleItem] output: {}
              #17 MapIterationSucceeded [MapState] index: 2""");
  }

  @Test
  void eventsMatchingFails() {
    assertThatThrownBy(() -> assertThat(Fixtures.orderFlow()).events().matching(e -> e.error().isPresent(), "events with an error").hasSize(1))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """

            Expecting 1 events with an error in execution "exec-7f3a" of state machine "OrderFlow",
            but found 4:
              #7 TaskFailed [ChargeCard] resource: "invoke", error: "States.TaskFailed", cause: "Rate exceeded"
              #10 TaskFailed [ChargeCard] resource: "invoke", error: "States.TaskFailed", cause: "Rate exceeded"
              #13 TaskFailed [ChargeCard] resource: "invoke", error: "States.TaskFailed", cause: "Rate exceeded"
              #16 ExecutionFailed error: "States.TaskFailed", cause: "Rate exceeded\"""");
  }

  @Test
  void descriptionIsKeptOnNestedAssertions() {
    assertThatThrownBy(() -> assertThat(Fixtures.orderFlow()).as("order o-1").state("ChargeCard").wasEnteredTimes(2))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            """
            [order o-1]\s
            Expecting state "ChargeCard" of execution "exec-7f3a" of state machine "OrderFlow" to have been entered 2 times,
            but it was entered 1 time.
            Visited states:
              Validate -> ChargeCard (failed after 3 attempts: States.TaskFailed) -> HandleError (Fail: States.TaskFailed)""");
  }
}


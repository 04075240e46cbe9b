package io.github.sfntest.samples.circuitbreaker;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;

import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.junit.StateUnderTest;
import io.github.sfntest.testing.SingleState;
import org.junit.jupiter.api.Test;

/**
 * The circuit breaker's routing decision, one state at a time: "Is Circuit Closed" is a Choice over
 * the status the table returned. A whole execution would need both circuit Lambdas mocked to reach
 * it; a single-state test gives the Choice its input and reads where it goes, including the case
 * the definition forgot (no Default: an unknown status fails the execution).
 */
@StateMachineTest(definition = "circuit-breaker-dynamodb/circuitbreaker.asl.json", name = "CircuitBreaker",
    substitutions = {
        "GetCircuitStatusFunctionArn=arn:aws:lambda:us-east-1:123456789012:function:GetCircuitStatus",
        "UpdateCircuitStatusFunctionArn=arn:aws:lambda:us-east-1:123456789012:function:UpdateCircuitStatus",
        "DDBTable=CircuitStatus", "DDBPutItem=arn:aws:states:::dynamodb:putItem"})
@StateUnderTest("Is Circuit Closed")
class CircuitStatusChoiceTest {

  @Test
  void an_open_circuit_fails_fast(SingleState isCircuitClosed) {
    assertThat(isCircuitClosed.test("{\"CircuitStatus\": \"OPEN\"}")).succeeded().goesTo("Circuit Open");
  }

  @Test
  void a_closed_circuit_calls_the_service(SingleState isCircuitClosed) {
    assertThat(isCircuitClosed.test("{\"CircuitStatus\": \"\", \"TargetLambda\": \"Hello\"}"))
        .succeeded().goesTo("Execute Lambda").hasOutput("{\"CircuitStatus\": \"\", \"TargetLambda\": \"Hello\"}");
  }

  @Test
  void an_unknown_status_matches_no_rule_and_fails(SingleState isCircuitClosed) {
    assertThat(isCircuitClosed.test("{\"CircuitStatus\": \"HALF_OPEN\"}"))
        .failed().hasError("States.NoChoiceMatched");
  }
}

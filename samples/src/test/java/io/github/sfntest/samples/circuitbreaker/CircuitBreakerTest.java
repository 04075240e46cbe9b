package io.github.sfntest.samples.circuitbreaker;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.history.HistoryEventType.TASK_SCHEDULED;
import static io.github.sfntest.history.HistoryEventType.TASK_TIMED_OUT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.IntegrationResults;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.samples.support.Timeline;
import io.github.sfntest.testing.StateMachineUnderTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The circuit breaker of aws-samples/circuit-breaker-netcore-blog: before calling a downstream
 * Lambda function, the workflow asks a DynamoDB table whether that service's circuit is open.
 * Closed: it calls the service (12 s timeout, 3 retries 2 s / 3 s / 4.5 s apart). When the calls
 * keep failing or timing out, it opens the circuit for 20 s and fails; while the circuit is open,
 * executions fail fast without calling the service.
 *
 * <p>The two circuit Lambdas are mocked by a small in-memory stand-in for their DynamoDB table
 * ({@link CircuitTable}), answering with {@code willAnswer} at the virtual time of the call, so the
 * tests read like the README's scenarios.
 */
@StateMachineTest(definition = "circuit-breaker-dynamodb/circuitbreaker.asl.json", name = "CircuitBreaker",
    substitutions = {
        "GetCircuitStatusFunctionArn=arn:aws:lambda:us-east-1:123456789012:function:GetCircuitStatus",
        "UpdateCircuitStatusFunctionArn=arn:aws:lambda:us-east-1:123456789012:function:UpdateCircuitStatus",
        // declared in the SAM template but not used by the definition: tolerated
        "DDBTable=CircuitStatus", "DDBPutItem=arn:aws:states:::dynamodb:putItem"},
    startTime = "2024-01-01T00:00:00Z")
class CircuitBreakerTest {

  static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  static final String HELLO = "circuit-breaker-stack-HelloWorldFunction-xxxxxxxxxxxx";
  static final String SLOW = "circuit-breaker-stack-TestCircuitBreakerFunction-xxxxxxxxxxxx";
  static final String SUCCESSFUL_RUN = "circuit-breaker-dynamodb/inputs/successful-run.json";
  static final String SERVICE_TIMEOUT = "circuit-breaker-dynamodb/inputs/service-timeout.json";

  /** The CircuitStatus table: service name -> time its OPEN record expires (TTL). */
  static final class CircuitTable {
    final Map<String, Instant> openUntil = new ConcurrentHashMap<>();

    boolean isOpen(String service, Instant now) {
      Instant until = openUntil.get(service);
      return until != null && now.isBefore(until);
    }
  }

  StateMachineUnderTest circuitBreaker;
  MockedResponses mocks;
  final CircuitTable table = new CircuitTable();

  @BeforeEach
  void theCircuitLambdasUseTheTable() {
    // Get Circuit Status: the input plus CircuitStatus "OPEN" or "" (bare ARN: the result is the state output)
    mocks.onLambda("GetCircuitStatus").willAnswer(call -> {
      ObjectNode out = call.parameters().deepCopy();
      out.put("CircuitStatus", table.isOpen(call.parameters().get("TargetLambda").asText(), call.time()) ? "OPEN" : "");
      return out;
    });
    // Update Circuit Status: writes an OPEN record that expires 20 s from now
    mocks.onLambda("UpdateCircuitStatus").willAnswer(call -> {
      table.openUntil.put(call.parameters().get("TargetLambda").asText(), call.time().plusSeconds(20));
      return call.parameters();
    });
  }

  /** Scenario (README): the HelloWorld service, circuit closed: the call is made and the execution succeeds. */
  @Test
  void closedCircuitCallsTheServiceAndSucceeds() {
    mocks.onLambda(HELLO).willReturn(Map.of("message", "hello world"));

    ExecutionResult result = circuitBreaker.runWithInputFrom(SUCCESSFUL_RUN);

    assertThat(result).succeeded()
        .hasPath("Get Circuit Status", "Is Circuit Closed", "Execute Lambda", "Circuit Closed")
        .hasOutput(IntegrationResults.lambdaPayload(Map.of("message", "hello world")))
        .took(Duration.ZERO);
    // the target comes from the input; no Payload is sent
    assertThat(result).state("Execute Lambda").wasScheduledWith("{\"FunctionName\": \"" + HELLO + "\"}").wasNotRetried();
    assertThat(result).state("Is Circuit Closed").hasInput("{\"TargetLambda\": \"" + HELLO + "\", \"CircuitStatus\": \"\"}");
    assertThat(table.openUntil).isEmpty();
  }

  /**
   * Scenario (README): the test service sleeps 15 s, longer than the 12 s task timeout. Four attempts
   * time out, with 2 s, 3 s and 4.5 s between them (BackoffRate 1.5); the catcher records the circuit
   * as open for 20 s and the execution fails.
   */
  @Test
  void slowServiceTimesOutFourTimesThenOpensTheCircuit() {
    mocks.onLambda(SLOW).willReturn(Map.of("message", "too late")).withLatency(Duration.ofSeconds(15));

    ExecutionResult result = circuitBreaker.runWithInputFrom(SERVICE_TIMEOUT);

    Duration elapsed = Duration.ofMillis(4 * 12_000 + 2_000 + 3_000 + 4_500);
    assertThat(result).failed()
        .hasPath("Get Circuit Status", "Is Circuit Closed", "Execute Lambda", "Update Circuit Status", "Circuit Open")
        .took(elapsed);
    assertThat(result.error()).isEmpty(); // "Circuit Open" is a Fail state without Error
    assertThat(result).state("Execute Lambda").wasRetried(3).failedWith("States.Timeout").wasCaughtBy("Update Circuit Status");
    assertThat(result).events().forState("Execute Lambda").ofType(TASK_TIMED_OUT).hasSize(4);
    assertThat(Timeline.gaps(result, "Execute Lambda", TASK_SCHEDULED)).containsExactly(
        Duration.ofSeconds(12 + 2), Duration.ofSeconds(12 + 3), Duration.ofMillis(12_000 + 4_500));
    // the catcher kept the input and added the error at $.taskresult
    assertThat(result).state("Update Circuit Status").hasInputContaining(
        "{\"TargetLambda\": \"" + SLOW + "\", \"CircuitStatus\": \"\", \"taskresult\": {\"Error\": \"States.Timeout\"}}");
    assertThat(table.openUntil).containsEntry(SLOW, T0.plus(elapsed).plusSeconds(20));
  }

  /**
   * Scenario (README), mocked as Step Functions Local mocks a timeout: every attempt ends in
   * States.Timeout, which the engine fires when the real one would (after TimeoutSeconds, 12 s).
   * Same outcome as above: four attempts, 2 s / 3 s / 4.5 s back-off, the circuit opens for 20 s.
   */
  @Test
  void timedOutServiceIsRetriedThenOpensTheCircuit() {
    mocks.onLambda(SLOW).willThrow("States.Timeout");

    ExecutionResult result = circuitBreaker.runWithInputFrom(SERVICE_TIMEOUT);

    Duration elapsed = Duration.ofMillis(4 * 12_000 + 2_000 + 3_000 + 4_500);
    assertThat(result).failed()
        .hasPath("Get Circuit Status", "Is Circuit Closed", "Execute Lambda", "Update Circuit Status", "Circuit Open")
        .took(elapsed);
    assertThat(result).state("Execute Lambda").wasRetried(3).failedWith("States.Timeout").wasCaughtBy("Update Circuit Status");
    assertThat(result).events().forState("Execute Lambda").ofType(TASK_TIMED_OUT).hasSize(4);
    assertThat(Timeline.gaps(result, "Execute Lambda", TASK_SCHEDULED)).containsExactly(
        Duration.ofSeconds(12 + 2), Duration.ofSeconds(12 + 3), Duration.ofMillis(12_000 + 4_500));
    assertThat(table.openUntil).containsEntry(SLOW, T0.plus(elapsed).plusSeconds(20));
  }

  /** Scenario: the service throws every time; States.TaskFailed is retried 3 times, then the circuit opens. */
  @Test
  void failingServiceIsRetriedThenOpensTheCircuit() {
    mocks.onLambda(HELLO).willThrow("Exception", "{\"errorMessage\": \"boom\", \"errorType\": \"Exception\"}");

    ExecutionResult result = circuitBreaker.runWithInputFrom(SUCCESSFUL_RUN);

    assertThat(result).failed().endedIn("Circuit Open").took(Duration.ofMillis(2_000 + 3_000 + 4_500));
    assertThat(result).state("Execute Lambda").wasRetried(3).failedWith("Exception");
    assertThat(result).state("Update Circuit Status").hasInputContaining(
        "{\"taskresult\": {\"Error\": \"Exception\", \"Cause\": \"{\\\"errorMessage\\\": \\\"boom\\\", \\\"errorType\\\": \\\"Exception\\\"}\"}}");
    assertThat(table.openUntil).containsKey(HELLO);
    mocks.verify("Execute Lambda").times(4);
  }

  /** Scenario (README): a call while the circuit is open fails fast; the service is not called. */
  @Test
  void openCircuitFailsFastWithoutCallingTheService() {
    table.openUntil.put(SLOW, T0.plusSeconds(10));

    ExecutionResult result = circuitBreaker.runWithInputFrom(SERVICE_TIMEOUT);

    assertThat(result).failed().hasPath("Get Circuit Status", "Is Circuit Closed", "Circuit Open").took(Duration.ZERO);
    mocks.verify("Execute Lambda").never();
    mocks.verify("Update Circuit Status").never();
  }

  /** Scenario (README): once the OPEN record has expired, the service is called again. */
  @Test
  void expiredOpenRecordLetsTheCallThroughAgain() {
    table.openUntil.put(HELLO, T0.minusSeconds(1));
    mocks.onLambda(HELLO).willReturn(Map.of("message", "hello again"));

    ExecutionResult result = circuitBreaker.runWithInputFrom(SUCCESSFUL_RUN);

    assertThat(result).succeeded().endedIn("Circuit Closed");
    mocks.verify("Execute Lambda").times(1);
  }

  /** Scenario: the status Lambda answers something else (say HALF_OPEN); the Choice has no Default. */
  @Test
  void unknownCircuitStatusFailsWithNoChoiceMatched() {
    mocks.onLambda("GetCircuitStatus").willReturn(Map.of("TargetLambda", HELLO, "CircuitStatus", "HALF_OPEN"));

    ExecutionResult result = circuitBreaker.runWithInputFrom(SUCCESSFUL_RUN);

    assertThat(result).failedWith("States.NoChoiceMatched").endedIn("Is Circuit Closed");
    mocks.verify("Execute Lambda").never();
  }
}

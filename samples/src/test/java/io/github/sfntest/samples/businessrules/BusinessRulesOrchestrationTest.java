package io.github.sfntest.samples.businessrules;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.history.HistoryEventType.TASK_FAILED;
import static io.github.sfntest.history.HistoryEventType.TASK_SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.engine.EngineCapability;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.StateMachineType;
import io.github.sfntest.junit.RequiresCapability;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.IntegrationResults;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.samples.support.Timeline;
import io.github.sfntest.testing.StateMachineUnderTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The business-rules orchestration of aws-samples "app-business-rules-orchestration": an
 * auto-insurance premium request arrives through API Gateway (a synchronous EXPRESS execution); an
 * Audit Lambda records it in DynamoDB, a Lambda asks a Drools rule engine for the premium, and the
 * same Audit Lambda records the response. The execution's output is the rule engine's body alone
 * ({@code OutputPath $.finalresponse.Payload.body}).
 *
 * <p>The Audit Lambda is mocked once and tells request from response as the real one does (by the
 * presence of {@code finalresponse.Payload}); the rule engine is a two-rule stand-in of the
 * upstream {@code AutoInsurancePremium.drl}. The machine is EXPRESS, as upstream: {@code run}
 * starts it as StartSyncExecution. AWS keeps no execution history for EXPRESS (only CloudWatch
 * Logs), so the tests that read the history (path, events, retries, per-state inputs) require
 * {@link EngineCapability#EXPRESS_HISTORY}, which the in-process engine has and the sdk engine has
 * not (they are skipped there); the others check outputs, errors, durations and the mocks' calls,
 * and run on both. API Gateway's synchronous call gives up after 29 s, which these tests point out
 * where the retry policy goes beyond it.
 */
@StateMachineTest(definition = "business-rules-orchestration/businessrules_orchestration.asl.json", name = "BusinessRulesOrchestration",
    type = StateMachineType.EXPRESS,
    substitutions = {
        "AuditLambaPath=arn:aws:lambda:us-east-1:123456789012:function:rule-execution-audit", // sic, as upstream
        "ExecuteRulesetLambdaPath=arn:aws:lambda:us-east-1:123456789012:function:execute-ruleset"})
class BusinessRulesOrchestrationTest {

  static final String REQUEST = """
      {"request": {"driver": {"age": %d, "name": "Jane Doe"},
                   "car": {"make": "Mazda", "model": "MX-5", "year": 2021, "style": "%s", "color": "%s"},
                   "policy": {"id": "P-1001", "premium": 1000}},
       "context": {"request_id": "req-42"}}""";

  StateMachineUnderTest rules;
  MockedResponses mocks;
  /** The rule_execution_audit table: entry type + request id, in the order written. */
  final List<String> auditTable = new CopyOnWriteArrayList<>();

  static String request(int age, String style, String color) {
    return REQUEST.formatted(age, style, color);
  }

  @BeforeEach
  void theLambdas() {
    mocks.onLambda("rule-execution-audit").willAnswer(call -> {
      JsonNode event = call.parameters().get("Payload");
      String entryType = event.at("/finalresponse/Payload").isMissingNode() ? "request" : "response";
      auditTable.add(entryType + ":" + event.at("/context/request_id").asText());
      return Map.of("StatusCode", 200, "trans_id", "trans-" + auditTable.size(), "body", "successfully created item!",
          "headers", Map.of("Content-Type", "application/json"));
    });
    mocks.onLambda("execute-ruleset").willAnswer(call -> {
      JsonNode event = call.parameters().get("Payload");
      return Map.of("StatusCode", 200, "trans_id", event.at("/audit/Payload/trans_id").asText(),
          "body", Drools.applyRules(event.get("request")), "headers", Map.of("Content-Type", "application/json"));
    });
  }

  /** The two rules of AutoInsurancePremium.drl: a red sports car costs 20 % more under 21, 10 % more over 21. */
  static final class Drools {
    static JsonNode applyRules(JsonNode request) {
      ObjectNode response = request.deepCopy();
      boolean redSportsCar = "SPORTS".equals(request.at("/car/style").asText()) && "RED".equals(request.at("/car/color").asText());
      int age = request.at("/driver/age").asInt();
      double premium = request.at("/policy/premium").asDouble();
      double rate = !redSportsCar ? 0 : age < 21 ? 20 : age > 21 ? 10 : 0; // age 21 fires neither rule
      ((ObjectNode) response.get("policy")).put("premium", premium + premium * rate / 100);
      return response;
    }
  }

  /** Scenario: a 19-year-old's red sports car; the premium goes up 20 %, request and response are audited. */
  @Test
  @RequiresCapability(EngineCapability.EXPRESS_HISTORY) // reads the history: AWS keeps none for EXPRESS
  void youngDriverOfARedSportsCarPaysTwentyPercentMore() {
    ExecutionResult result = rules.run(request(19, "SPORTS", "RED"));

    // OutputPath: the API's answer is the rule engine's body, nothing else
    assertThat(result).succeeded()
        .hasPath("Audit Request", "Execute Ruleset", "Audit Response")
        .hasOutput("""
            {"driver": {"age": 19, "name": "Jane Doe"},
             "car": {"make": "Mazda", "model": "MX-5", "year": 2021, "style": "SPORTS", "color": "RED"},
             "policy": {"id": "P-1001", "premium": 1200.0}}""")
        .took(Duration.ZERO);
    // ResultPath chaining: each step keeps the input and adds its result
    assertThat(result).state("Execute Ruleset").hasInputContaining("{\"audit\": {\"Payload\": {\"trans_id\": \"trans-1\"}}}");
    assertThat(result).state("Audit Response").hasInputContaining(
        "{\"audit\": {\"Payload\": {\"trans_id\": \"trans-1\"}}, \"finalresponse\": {\"Payload\": {\"trans_id\": \"trans-1\", \"StatusCode\": 200}}}");
    assertThat(result).state("Audit Response").wasScheduledWithContaining(
        "{\"FunctionName\": \"arn:aws:lambda:us-east-1:123456789012:function:rule-execution-audit\"}");
    // the same function audits twice, telling request from response by finalresponse.Payload
    assertThat(auditTable).containsExactly("request:req-42", "response:req-42");
    mocks.verify("Execute Ruleset").times(1);
  }

  /** Scenario: a blue sedan fires no rule; the premium stays as requested. */
  @Test
  void noRuleFiresForABlueSedan() {
    ExecutionResult result = rules.run(request(30, "SEDAN", "BLUE"));

    assertThat(result).succeeded().hasOutputAt("$.policy.premium", "1000.0");
  }

  /**
   * Scenario: the rule-engine Lambda hits two Lambda service errors. Retried 2 s and 4 s later
   * (IntervalSeconds 2, BackoffRate 2), the request still gets its premium, 6 s late.
   */
  @Test
  @RequiresCapability(EngineCapability.EXPRESS_HISTORY) // reads the history: AWS keeps none for EXPRESS
  void transientLambdaErrorsAreRetriedWithExponentialBackoff() {
    mocks.onState("Execute Ruleset").willThrow("Lambda.ServiceException", "Rate exceeded")
        .thenThrow("Lambda.SdkClientException", "Unable to execute HTTP request")
        // onState answers the whole integration result: lambda:invoke wraps the function's answer in Payload
        .thenAnswer(call -> IntegrationResults.lambdaPayload(Map.of("StatusCode", 200, "trans_id", "trans-1",
            "body", Drools.applyRules(call.parameters().at("/Payload/request")))));

    ExecutionResult result = rules.run(request(30, "SPORTS", "RED"));

    assertThat(result).succeeded().hasOutputAt("$.policy.premium", "1100.0").took(Duration.ofSeconds(2 + 4));
    assertThat(result).state("Execute Ruleset").wasRetried(2).didNotFail();
    assertThat(Timeline.gaps(result, "Execute Ruleset", TASK_SCHEDULED)).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  /**
   * Never tested upstream: the rule engine's Lambda keeps failing. 1 + 6 attempts, 2, 4, 8, 16, 32
   * and 64 s apart, then the execution fails with the Lambda's error (no Catch) and the response is
   * never audited. 126 s: within EXPRESS's 5 minutes, but API Gateway answered 504 after 29 s.
   */
  @Test
  @RequiresCapability(EngineCapability.EXPRESS_HISTORY) // reads the history: AWS keeps none for EXPRESS
  void ruleEngineOutageExhaustsTheSixRetriesAndFailsTheExecution() {
    mocks.onState("Execute Ruleset").willThrow("Lambda.ServiceException", "Service unavailable");

    ExecutionResult result = rules.run(request(19, "SPORTS", "RED"));

    assertThat(result).failedWith("Lambda.ServiceException", "Service unavailable")
        .hasPath("Audit Request", "Execute Ruleset")
        .didNotVisit("Audit Response")
        .took(Duration.ofSeconds(2 + 4 + 8 + 16 + 32 + 64));
    assertThat(result.elapsed()).isGreaterThan(Duration.ofSeconds(29)); // API Gateway's integration timeout
    assertThat(result).state("Execute Ruleset").wasRetried(6).failedWith("Lambda.ServiceException");
    assertThat(result).events().forState("Execute Ruleset").ofType(TASK_FAILED).hasSize(7);
    assertThat(Timeline.gaps(result, "Execute Ruleset", TASK_SCHEDULED)).containsExactly(
        Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16),
        Duration.ofSeconds(32), Duration.ofSeconds(64));
    assertThat(auditTable).containsExactly("request:req-42");
  }

  /**
   * Never tested upstream: the Audit Lambda is throttled. Lambda.TooManyRequestsException is not
   * in the Retry list, so the first throttle fails the request at once; the rules never run.
   */
  @Test
  @RequiresCapability(EngineCapability.EXPRESS_HISTORY) // reads the history: AWS keeps none for EXPRESS
  void throttledAuditIsNotRetriedAndFailsTheRequest() {
    mocks.onState("Audit Request").willThrow("Lambda.TooManyRequestsException", "Rate Exceeded.");

    ExecutionResult result = rules.run(request(19, "SPORTS", "RED"));

    assertThat(result).failedWith("Lambda.TooManyRequestsException").hasPath("Audit Request").took(Duration.ZERO);
    assertThat(result).state("Audit Request").wasNotRetried();
    mocks.verify("Execute Ruleset").never();
  }

  /**
   * Never tested upstream: the Drools service is unreachable and the Lambda reports it in its
   * answer (StatusCode 500), not as an error. Nothing in the workflow checks StatusCode, so the
   * execution succeeds and the API returns the error text as the "premium".
   */
  @Test
  void ruleEngineErrorInTheAnswerIsPassedOnAsASuccess() {
    mocks.onLambda("execute-ruleset").willReturn(Map.of("StatusCode", 500, "trans_id", "trans-1",
        "body", "DROOLS_URL environment variable not defined"));

    ExecutionResult result = rules.run(request(19, "SPORTS", "RED"));

    assertThat(result).succeeded().hasOutput("\"DROOLS_URL environment variable not defined\"");
    assertThat(auditTable).containsExactly("request:req-42", "response:req-42");
  }
}

package io.github.sfntest.junit.examples;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.Execution;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.WaitingTask;
import io.github.sfntest.junit.MockConfig;
import io.github.sfntest.junit.MockConfigTestCases;
import io.github.sfntest.junit.StateMachine;
import io.github.sfntest.junit.StateMachineExtension;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.IntegrationResults;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.testing.StateMachineUnderTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Test classes the extension's own tests run with JUnit's EngineTestKit (surefire skips nested
 * classes, so they only run there). Several fail on purpose.
 */
public final class Examples {

  private Examples() {}

  static final String SALES_LEAD_INPUT = "local-testing/sfn_valid_input.json";

  static void chargeSucceeds(MockedResponses mocks) {
    mocks.onState("Charge").willReturn(IntegrationResults.lambdaPayload(Map.of("charged", true)));
  }

  /** A test that needs Map Run results, on an engine with and without them. */
  @StateMachineTest(definition = "examples/payment.asl.json", engine = "limited")
  public static class NeedsMapRunResults {
    @Test
    @io.github.sfntest.junit.RequiresCapability(io.github.sfntest.engine.EngineCapability.MAP_RUN_RESULTS)
    void needsMapRuns() {}

    @Test
    @io.github.sfntest.junit.RequiresCapability(io.github.sfntest.engine.EngineCapability.VIRTUAL_TIME)
    void needsVirtualTime(StateMachineUnderTest payment) {
      assertThat(payment).isNotNull();
    }
  }

  // ---------------------------------------------------------------- passing

  /** Definition and DefinitionSubstitutions from a SAM template; field and parameter injection. */
  @StateMachineTest(template = "examples/template.yaml", templateResource = "OrderStateMachine",
      startTime = "2030-05-01T10:00:00Z", seed = 7)
  public static class FromTemplate {
    Engine engine;
    StateMachineDefinition definition;
    StateMachineUnderTest orderFlow;
    MockedResponses mocks;

    @Test
    void substitutesTheTemplateValues(StateMachineUnderTest sut, MockedResponses injectedMocks, Engine injectedEngine) {
      assertThat(sut).isSameAs(orderFlow);
      assertThat(injectedMocks).isSameAs(mocks);
      assertThat(injectedEngine).isSameAs(engine);
      assertThat(definition.name()).isEqualTo("OrderFlow");
      chargeSucceeds(mocks);

      ExecutionResult result = orderFlow.run("{\"orderId\": \"42\"}");

      assertThat(result).succeeded().took(Duration.ofHours(1)).hasOutput("""
          {"function": "arn:aws:lambda:us-east-1:111111111111:function:ChargeFunction",
           "table": "orders-dev",
           "queue": "https://sqs.us-east-1.amazonaws.com/111111111111/orders-dev",
           "stage": "dev",
           "charge": {"charged": true},
           "startedAt": "2030-05-01T10:00:00.000Z"}""");
      assertThat(engine.options().seed()).isEqualTo(7);
      mocks.verify("Charge").times(1);
    }
  }

  /** Substitutions from a .properties file, a JSON file and inline values, later ones winning. */
  @StateMachineTest(definition = "examples/order.asl.yaml",
      substitutionsFile = {"examples/substitutions.properties", "examples/substitutions.json"},
      substitutions = "Stage=inline")
  public static class FromSubstitutionFiles {
    @Test
    void mergesTheValues(StateMachineUnderTest order, MockedResponses mocks) {
      chargeSucceeds(mocks);
      assertThat(order.name()).isEqualTo("order");
      assertThat(order.run()).succeeded().hasOutputContaining("""
          {"function": "arn:aws:lambda:eu-west-1:222222222222:function:charge-from-properties",
           "table": "orders-from-json", "queue": "https://example.com/queue", "stage": "inline"}""");
    }
  }

  /** Programmatic setup with @RegisterExtension. */
  public static class WithBuilder {
    @RegisterExtension
    static StateMachineExtension sfn = StateMachineExtension.builder()
        .definition("file:src/test/resources/examples/order.asl.yaml")
        .name("Orders")
        .template("examples/template.yaml", "OrderStateMachine")
        .substitution("Stage", "builder")
        .startTime(Instant.parse("2031-01-01T00:00:00Z"))
        .build();

    @Test
    void usesTheBuilderSettings(StateMachineUnderTest orders, MockedResponses mocks) {
      chargeSucceeds(mocks);
      assertThat(orders.name()).isEqualTo("Orders");
      assertThat(orders.run()).succeeded()
          .hasOutputContaining("{\"stage\": \"builder\", \"table\": \"orders-dev\", \"startedAt\": \"2031-01-01T00:00:00.000Z\"}");
    }
  }

  /** A parent that starts a declared child state machine with startExecution.sync:2. */
  @StateMachineTest(definition = "examples/parent.asl.json",
      machines = @StateMachine(value = "Payment", definition = "examples/payment.asl.json"))
  public static class NestedExecutions {
    @StateMachine("Payment") StateMachineUnderTest paymentField;

    @Test
    void runsTheChildWithTheSameMocks(StateMachineUnderTest parent, MockedResponses mocks) {
      mocks.onState("Charge").willReturn(IntegrationResults.lambdaPayload(Map.of("receipt", "r-42")));
      assertThat(parent.run()).succeeded().hasOutput("{\"status\": \"SUCCEEDED\", \"receipt\": \"r-42\"}");
      assertThat(mocks.invocations("Charge")).singleElement()
          .satisfies(call -> assertThat(call.stateMachineName()).isEqualTo("Payment"));
    }

    @Test
    void aFailingChildFailsTheTask(StateMachineUnderTest parent, MockedResponses mocks) {
      mocks.onState("Charge").willThrow("Card.Declined", "expired");
      assertThat(parent.run()).failedWith("PaymentFailed").state("Pay").failedWith("States.TaskFailed");
    }

    @Test
    void aMockOfTheTaskWinsOverTheChild(StateMachineUnderTest parent, MockedResponses mocks) {
      mocks.onState("Pay").willReturn("{\"Status\": \"SUCCEEDED\", \"Output\": {\"receipt\": \"mocked\"}}");
      assertThat(parent.run()).succeeded().hasOutput("{\"status\": \"SUCCEEDED\", \"receipt\": \"mocked\"}");
      assertThat(mocks.invocations("Charge")).isEmpty();
    }

    @Test
    void theChildAlone(@StateMachine("Payment") StateMachineUnderTest payment,
        @StateMachine("Payment") StateMachineDefinition definition, MockedResponses mocks) {
      assertThat(payment).isSameAs(paymentField);
      assertThat(payment.definition()).isSameAs(definition);
      mocks.onState("Charge").willReturn(IntegrationResults.lambdaPayload(Map.of("receipt", "alone")));
      assertThat(payment.run("{\"amount\": 1}")).succeeded().hasOutput("{\"receipt\": \"alone\"}");
    }
  }

  /** Single-state tests only: the coverage report counts the tested state and the transition it reported. */
  @StateMachineTest(definition = "examples/routing.asl.json", name = "SingleStateRouting")
  public static class SingleStateCoverage {
    @Test
    @io.github.sfntest.junit.StateUnderTest("Route")
    void goldGoesExpress(io.github.sfntest.testing.SingleState route) {
      assertThat(route.test("{\"tier\": \"gold\"}")).succeeded().goesTo("Express");
    }
  }

  /** Callbacks and virtual time through start(). */
  @StateMachineTest(definition = "examples/callback.asl.json")
  public static class Callbacks {
    StateMachineUnderTest approval;
    MockedResponses mocks;

    @BeforeEach
    void mockTheQueue() {
      mocks.onState("Approve").willWaitForCallback();
    }

    @Test
    void approves() {
      Execution execution = approval.start();
      WaitingTask task = execution.awaitTask("Approve");
      execution.sendTaskSuccess(task.taskToken(), "{\"approved\": true}");
      assertThat(execution.awaitCompletion()).succeeded().hasOutput("{\"approved\": true}");
    }

    @Test
    void timesOutInVirtualTime() {
      assertThat(approval.start().awaitCompletion()).failedWith("States.Timeout").took(Duration.ofDays(1));
    }
  }

  /** Mocks do not leak from one test to the next. */
  @StateMachineTest(definition = "examples/payment.asl.json")
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  public static class Isolation {
    public static final List<MockedResponses> SEEN = new CopyOnWriteArrayList<>();

    @Test
    @Order(1)
    void first(StateMachineUnderTest payment, MockedResponses mocks) {
      SEEN.add(mocks);
      mocks.onState("Charge").willReturn(IntegrationResults.lambdaPayload(Map.of("receipt", "first")));
      assertThat(payment.run()).succeeded();
    }

    @Test
    @Order(2)
    void second(StateMachineUnderTest payment, MockedResponses mocks) {
      SEEN.add(mocks);
      assertThat(mocks.invocations("Charge")).isEmpty();
      mocks.expectUnmockedTasks(); // strict mocks: this test means to run without a mock
      assertThat(payment.run()).failedWith("States.Runtime");
    }
  }

  /** @Nested classes share the outer class's state machine. */
  @StateMachineTest(definition = "examples/payment.asl.json")
  public static class Outer {
    @Nested
    class Inner {
      @Test
      void runs(StateMachineUnderTest payment, MockedResponses mocks) {
        mocks.onState("Charge").willReturn(IntegrationResults.lambdaPayload(Map.of("receipt", "inner")));
        assertThat(payment.run()).succeeded();
      }
    }
  }

  /** One invocation per MockConfigFile test case. */
  @StateMachineTest(definition = "local-testing/local_testing.asl.json", name = "LocalTesting")
  @MockConfig(file = "local-testing/MockConfigFile.json")
  public static class EveryTestCase {
    public static final List<String> RAN = new CopyOnWriteArrayList<>();

    @MockConfigTestCases
    void endsInASuccessState(String testCase, StateMachineUnderTest salesLead, MockedResponses mocks) {
      RAN.add(testCase);
      assertThat(salesLead.runWithInputFrom(SALES_LEAD_INPUT)).succeeded();
      mocks.verify("Check Address").atLeastOnce();
    }

    @MockConfigTestCases(exclude = {"CustomValidationFailedCatchTest", "ValidationExceptionCatchTest"})
    void detectsSentiment(StateMachineUnderTest salesLead) {
      assertThat(salesLead.runWithInputFrom(SALES_LEAD_INPUT)).succeeded().visited("DetectSentiment");
    }
  }

  /** A test case's mocks overridden by the test's own. */
  @StateMachineTest(definition = "local-testing/local_testing.asl.json", name = "LocalTesting")
  @MockConfig(file = "local-testing/MockConfigFile.json", testCase = "HappyPathTest")
  public static class OverrideATestCase {
    @Test
    void negativeAfterAll(StateMachineUnderTest salesLead, MockedResponses mocks) {
      mocks.onState("DetectSentiment").willReturn("{\"Sentiment\": \"NEGATIVE\"}");
      mocks.onState("NegativeSentimentDetected").willReturn("{}");
      assertThat(salesLead.runWithInputFrom(SALES_LEAD_INPUT)).succeeded().endedIn("NegativeSentimentDetected");
      mocks.verify("Check Identity").times(1);
    }
  }

  // ---------------------------------------------------------------- failing on purpose

  /** Fails: its history summary is reported. */
  @StateMachineTest(definition = "local-testing/local_testing.asl.json", name = "LocalTesting")
  @MockConfig(file = "local-testing/MockConfigFile.json", testCase = "NegativeSentimentTest")
  public static class FailingAssertion {
    @Test
    void expectsTheWrongEnd(StateMachineUnderTest salesLead) {
      assertThat(salesLead.runWithInputFrom(SALES_LEAD_INPUT)).endedIn("CustomerAddedToFollowup");
    }

    @Test
    void failsWithoutRunning() {
      throw new AssertionError("nothing ran");
    }
  }

  /** Fails: the mock is missing, so the execution fails. */
  @StateMachineTest(definition = "examples/payment.asl.json")
  public static class MissingMock {
    @Test
    void forgetsTheMock(StateMachineUnderTest payment) {
      assertThat(payment.run()).succeeded();
    }
  }

  /** Strict mocks: each test makes one mistake (or opts out of the check on purpose). */
  @StateMachineTest(definition = "examples/payment.asl.json")
  @TestMethodOrder(MethodOrderer.MethodName.class)
  public static class StrictMocks {
    @Test
    void a_forgottenMock(StateMachineUnderTest payment) {
      assertThat(payment.run()).failed();
    }

    @Test
    void b_unusedMock(StateMachineUnderTest payment, MockedResponses mocks) {
      mocks.onState("Charge").willReturn(IntegrationResults.lambdaPayload(Map.of("receipt", "r")));
      mocks.onLambda("refund").willReturn(Map.of());
      assertThat(payment.run()).succeeded();
    }

    @Test
    void c_misspelledState(MockedResponses mocks) {
      mocks.onState("Chrage");
    }

    @Test
    void d_verifyOfAnUnknownState(StateMachineUnderTest payment, MockedResponses mocks) {
      mocks.onState("Charge").willReturn(IntegrationResults.lambdaPayload(Map.of("receipt", "r")));
      assertThat(payment.run()).succeeded();
      mocks.verify("Chrage").never();
    }

    @Test
    void e_lenientMockAndExpectedUnmockedTask(StateMachineUnderTest payment, MockedResponses mocks) {
      mocks.onLambda("refund").willReturn(Map.of()).lenient();
      mocks.expectUnmockedTasks();
      assertThat(payment.run()).failedWith("States.Runtime");
    }

    @Test
    void f_failingTestKeepsItsOwnFailure(StateMachineUnderTest payment, MockedResponses mocks) {
      mocks.onLambda("refund").willReturn(Map.of());
      assertThat(payment.run()).succeeded();
    }
  }

  /** Strict mocks: a MockConfigFile test case that mocks a state the definition does not have. */
  @StateMachineTest(definition = "examples/payment.asl.json")
  @MockConfig(file = "examples/misspelled-mock-config.json", testCase = "Happy")
  public static class MisspelledMockConfigState {
    @Test
    void test(StateMachineUnderTest payment) {
      payment.run();
    }
  }

  // ---------------------------------------------------------------- misconfigured

  @StateMachineTest
  public static class NoDefinition {
    @Test
    void test() {}
  }

  @StateMachineTest(definition = "examples/does-not-exist.asl.json")
  public static class MissingDefinitionFile {
    @Test
    void test() {}
  }

  @StateMachineTest(definition = "examples/invalid.asl.json")
  public static class InvalidDefinition {
    @Test
    void test() {}
  }

  @StateMachineTest(definition = "local-testing/local_testing.asl.json", name = "LocalTesting")
  @MockConfig(file = "local-testing/MockConfigFile.json")
  public static class UnknownTestCase {
    @Test
    @MockConfig(testCase = "HappyPath")
    void test() {}
  }

  @StateMachineTest(definition = "local-testing/local_testing.asl.json")
  @MockConfig(file = "local-testing/NoSuchMockConfigFile.json", testCase = "HappyPathTest")
  public static class MissingMockConfigFile {
    @Test
    void test() {}
  }

  @StateMachineTest(definition = "local-testing/local_testing.asl.json")
  public static class TestCaseWithoutFile {
    @Test
    @MockConfig(testCase = "HappyPathTest")
    void test() {}
  }

  @StateMachineTest(definition = "examples/payment.asl.json")
  public static class WrongParameterType {
    @Test
    void test(@StateMachine("payment") String payment) {}
  }

  @StateMachineTest(definition = "examples/payment.asl.json")
  public static class UnknownStateMachine {
    @Test
    void test(@StateMachine("Paymnet") StateMachineUnderTest payment) {}
  }

  @StateMachineTest(definition = "examples/payment.asl.json", engine = "stepfunctions-local")
  public static class UnknownEngine {
    @Test
    void test() {}
  }

  @StateMachineTest(definition = "examples/payment.asl.json", startTime = "yesterday")
  public static class BadStartTime {
    @Test
    void test() {}
  }

  @StateMachineTest(template = "examples/template.yaml", templateResource = "OrderMachine")
  public static class UnknownTemplateResource {
    @Test
    void test() {}
  }

  @StateMachineTest(definition = "examples/payment.asl.json", substitutions = "NoEqualsSign")
  public static class BadSubstitution {
    @Test
    void test() {}
  }

  @StateMachineTest(definition = "local-testing/local_testing.asl.json", name = "LocalTesting")
  public static class TestCasesWithoutFile {
    @MockConfigTestCases
    void test() {}
  }
}

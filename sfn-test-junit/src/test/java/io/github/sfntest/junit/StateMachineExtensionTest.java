package io.github.sfntest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.sfntest.junit.examples.Examples;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;
import org.opentest4j.AssertionFailedError;

/** Runs the example classes of {@link Examples} with EngineTestKit and checks their outcomes. */
class StateMachineExtensionTest {

  static EngineExecutionResults run(Class<?> testClass, Map<String, String> parameters) {
    return EngineTestKit.engine("junit-jupiter").configurationParameters(parameters)
        .selectors(selectClass(testClass)).execute();
  }

  static EngineExecutionResults run(Class<?> testClass) {
    return run(testClass, Map.of());
  }

  static void assertAllPass(Class<?> testClass, int tests) {
    EngineExecutionResults results = run(testClass);
    List<Throwable> failures = failures(results);
    assertThat(failures).as("failures of %s", testClass.getSimpleName()).isEmpty();
    results.testEvents().assertStatistics(s -> s.started(tests).succeeded(tests).failed(0));
  }

  static List<Throwable> failures(EngineExecutionResults results) {
    return results.allEvents().stream()
        .filter(e -> e.getType() == EventType.FINISHED)
        .map(e -> e.getRequiredPayload(TestExecutionResult.class))
        .filter(r -> r.getStatus() != TestExecutionResult.Status.SUCCESSFUL)
        .map(r -> r.getThrowable().orElseThrow())
        .collect(Collectors.toList());
  }

  /** The first failure of a misconfigured class, which must be an ExtensionConfigurationException. */
  static Throwable configurationError(Class<?> testClass) {
    List<Throwable> failures = failures(run(testClass));
    assertThat(failures).as("failures of %s", testClass.getSimpleName()).isNotEmpty();
    Throwable error = failures.get(0);
    assertThat(error).isInstanceOf(ExtensionConfigurationException.class);
    return error;
  }

  // ---- engine capabilities

  @Test
  void a_test_needing_a_capability_the_engine_lacks_is_skipped_saying_why() {
    EngineExecutionResults results = run(Examples.NeedsMapRunResults.class);

    results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).aborted(1).failed(0));
    Throwable reason = results.testEvents().aborted().stream().findFirst().orElseThrow()
        .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
    assertThat(reason).hasMessage("Skipped: the engine \"limited\" lacks [MAP_RUN_RESULTS], which this test requires"
        + " (@RequiresCapability)");
  }

  // ---- passing examples

  @Test
  void definitionAndSubstitutionsFromASamTemplate() {
    assertAllPass(Examples.FromTemplate.class, 1);
  }

  @Test
  void substitutionsFromFilesAndInline() {
    assertAllPass(Examples.FromSubstitutionFiles.class, 1);
  }

  @Test
  void programmaticSetupWithRegisterExtension() {
    assertAllPass(Examples.WithBuilder.class, 1);
  }

  @Test
  void severalStateMachinesAndNestedExecutions() {
    assertAllPass(Examples.NestedExecutions.class, 4);
  }

  @Test
  void callbacksAndVirtualTime() {
    assertAllPass(Examples.Callbacks.class, 2);
  }

  @Test
  void mocksAreFreshForEveryTest() {
    Examples.Isolation.SEEN.clear();
    assertAllPass(Examples.Isolation.class, 2);
    assertThat(Examples.Isolation.SEEN).hasSize(2).doesNotHaveDuplicates();
  }

  @Test
  void nestedTestClassesShareTheOuterSetup() {
    assertAllPass(Examples.Outer.class, 1);
  }

  @Test
  void testsOfAMockConfigFileAddToTheFileCases() {
    assertAllPass(Examples.OverrideATestCase.class, 1);
  }

  @Test
  void oneInvocationPerMockConfigTestCaseNamedAfterIt() {
    Examples.EveryTestCase.RAN.clear();
    EngineExecutionResults results = run(Examples.EveryTestCase.class);
    assertThat(failures(results)).isEmpty();
    results.testEvents().assertStatistics(s -> s.started(8).succeeded(8));
    List<String> names = results.testEvents().started().stream()
        .map(e -> e.getTestDescriptor().getDisplayName()).collect(Collectors.toList());
    assertThat(names).containsExactlyInAnyOrder(
        "HappyPathTest", "NegativeSentimentTest", "CustomValidationFailedCatchTest", "ValidationExceptionCatchTest",
        "RetryOnServiceExceptionTest", "HappyPathTest", "NegativeSentimentTest", "RetryOnServiceExceptionTest");
    assertThat(Examples.EveryTestCase.RAN).containsExactlyInAnyOrder(
        "HappyPathTest", "NegativeSentimentTest", "CustomValidationFailedCatchTest", "ValidationExceptionCatchTest",
        "RetryOnServiceExceptionTest");
  }

  // ---- failing examples

  @Test
  void aFailedTestReportsTheHistoryOfItsExecutions() {
    EngineExecutionResults results = run(Examples.FailingAssertion.class);
    results.testEvents().assertStatistics(s -> s.started(2).failed(2));
    List<ReportEntry> entries = results.allEvents().reportingEntryPublished().stream()
        .map(e -> e.getRequiredPayload(ReportEntry.class)).collect(Collectors.toList());
    assertThat(entries).singleElement().satisfies(entry -> {
      String summary = entry.getKeyValuePairs().get(StateMachineExtension.REPORT_KEY);
      assertThat(summary)
          .contains("--- sfn-test execution 1 of 1: LocalTesting (MockConfigFile test case NegativeSentimentTest)"
              + " on engine in-process ---")
          .contains("SUCCEEDED")
          .contains("NegativeSentimentDetected");
    });
    assertThat(failures(results)).anySatisfy(f -> assertThat(f).hasMessageContaining("nothing ran"));
  }

  @Test
  void theReportCanBeTurnedOff() {
    EngineExecutionResults results =
        run(Examples.FailingAssertion.class, Map.of(StateMachineExtension.PRINT_HISTORY_PROPERTY, "false"));
    results.testEvents().assertStatistics(s -> s.failed(2));
    assertThat(results.allEvents().reportingEntryPublished().count()).isZero();
  }

  @Test
  void aMissingMockFailsTheExecutionAndSaysHowToMockIt() {
    EngineExecutionResults results = run(Examples.MissingMock.class);
    results.testEvents().assertStatistics(s -> s.failed(1));
    assertThat(failures(results)).singleElement().satisfies(f -> assertThat(f.getMessage()).contains("States.Runtime"));
    Event published = results.allEvents().reportingEntryPublished().stream().findFirst().orElseThrow();
    assertThat(published.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get(StateMachineExtension.REPORT_KEY))
        .contains("FAILED").contains("States.Runtime");
  }

  // ---- strict mocks

  static Map<String, Throwable> failuresByTest(EngineExecutionResults results) {
    return results.testEvents().failed().stream().collect(Collectors.toMap(
        e -> e.getTestDescriptor().getDisplayName(),
        e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow()));
  }

  @Test
  void strictMocksFailTheTestForEachMistakeSayingWhatToDo() {
    EngineExecutionResults results = run(Examples.StrictMocks.class);
    results.testEvents().assertStatistics(s -> s.started(6).succeeded(1).failed(5));
    Map<String, Throwable> failed = failuresByTest(results);

    assertThat(failed.get("a_forgottenMock(StateMachineUnderTest)")).isInstanceOf(AssertionFailedError.class)
        .hasMessage("Strict mocks: A Task reached no mock, so its execution failed with States.Runtime: No mock"
            + " answers Task state 'Charge' (resource arn:aws:states:::lambda:invoke, invocation #0). Mocked states:"
            + " (none). To mock it: mocks.onState(\"Charge\").willReturn(...) or"
            + " mocks.onLambda(\"charge\").willReturn(...). If the test expects that, declare it with"
            + " mocks.expectUnmockedTasks().");
    assertThat(failed.get("b_unusedMock(StateMachineUnderTest, MockedResponses)"))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessage("Strict mocks: Unused mock: mocks.onLambda(\"refund\") answered no invocation of this test's"
            + " executions. Remove it, or mark it .lenient() if it is meant for a path this test does not take.");
    assertThat(failed.get("c_misspelledState(MockedResponses)")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("mocks.onState(\"Chrage\"): no state \"Chrage\" in state machine \"payment\"; did you mean"
            + " \"Charge\"? Task states: \"Charge\".");
    assertThat(failed.get("d_verifyOfAnUnknownState(StateMachineUnderTest, MockedResponses)"))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessage("mocks.verify(\"Chrage\"): no state \"Chrage\" in state machine \"payment\"; did you mean"
            + " \"Charge\"? Task states: \"Charge\".");
    // a test that fails anyway keeps its own failure (the strict check runs only after a pass)
    assertThat(failed.get("f_failingTestKeepsItsOwnFailure(StateMachineUnderTest, MockedResponses)"))
        .hasMessageNotContaining("Strict mocks").hasMessageContaining("States.Runtime");
    assertThat(failed).doesNotContainKey("e_lenientMockAndExpectedUnmockedTask(StateMachineUnderTest, MockedResponses)");
  }

  @Test
  void aMockConfigTestCaseMockingAnUnknownStateIsReported() {
    assertThat(configurationError(Examples.MisspelledMockConfigState.class)).hasMessage(
        "The MockConfigFile test case \"Happy\" (state machine \"payment\") mocks a state that cannot ask a mock:"
            + " no state \"Chrage\" in state machine \"payment\"; did you mean \"Charge\"? Task states: \"Charge\"."
            + " Fix the state name in the MockConfigFile.");
  }

  // ---- misconfiguration

  @Test
  void noDefinition() {
    assertThat(configurationError(Examples.NoDefinition.class)).hasMessageContaining(
        "@StateMachineTest on " + Examples.NoDefinition.class.getName() + " names no state machine definition: add"
            + " definition = \"statemachine/my-machine.asl.json\"");
  }

  @Test
  void missingDefinitionFile() {
    assertThat(configurationError(Examples.MissingDefinitionFile.class))
        .hasMessageStartingWith("No state machine definition at \"examples/does-not-exist.asl.json\": looked on the"
            + " classpath and at the file ")
        .hasMessageContaining("Put the file under src/test/resources");
  }

  @Test
  void invalidDefinition() {
    assertThat(configurationError(Examples.InvalidDefinition.class))
        .hasMessageContaining("invalid.asl.json is invalid.")
        .hasMessageContaining("Nowhere");
  }

  @Test
  void unknownTestCase() {
    assertThat(configurationError(Examples.UnknownTestCase.class))
        .hasMessageContaining("\"HappyPath\"")
        .hasMessageContaining("HappyPathTest")
        .hasMessageContaining("Fix the testCase of @MockConfig");
  }

  @Test
  void missingMockConfigFile() {
    assertThat(configurationError(Examples.MissingMockConfigFile.class))
        .hasMessageStartingWith("No MockConfigFile at \"local-testing/NoSuchMockConfigFile.json\"");
  }

  @Test
  void testCaseWithoutFile() {
    assertThat(configurationError(Examples.TestCaseWithoutFile.class))
        .hasMessageContaining("@MockConfig(testCase = \"HappyPathTest\") on TestCaseWithoutFile.test() names no"
            + " MockConfigFile: add file = \"path/to/MockConfigFile.json\"");
  }

  @Test
  void wrongParameterType() {
    assertThat(configurationError(Examples.WrongParameterType.class))
        .hasMessageContaining("is annotated @StateMachine(\"payment\") but is a java.lang.String")
        .hasMessageContaining("Change the type to StateMachineUnderTest.");
  }

  @Test
  void unknownStateMachineName() {
    assertThat(configurationError(Examples.UnknownStateMachine.class))
        .hasMessage("No state machine named \"Paymnet\" is declared. Declared: payment. Declare it with its"
            + " definition, or use one of these names.");
  }

  @Test
  void unknownEngine() {
    assertThat(configurationError(Examples.UnknownEngine.class))
        .hasMessageStartingWith("Unknown engine \"stepfunctions-local\". Known engines: in-process, limited, sdk, container, aws.");
  }

  @Test
  void unknownEngineFromTheSystemProperty() {
    System.setProperty("sfntest.engine", "docker");
    try {
      assertThat(configurationError(Examples.FromSubstitutionFiles.class))
          .hasMessageStartingWith("Unknown engine \"docker\" (from the system property sfntest.engine). Known engines:"
              + " in-process, limited, sdk, container, aws.");
    } finally {
      System.clearProperty("sfntest.engine");
    }
  }

  @Test
  void badStartTime() {
    assertThat(configurationError(Examples.BadStartTime.class))
        .hasMessageContaining("The startTime \"yesterday\"")
        .hasMessageContaining("\"2024-01-01T00:00:00Z\"");
  }

  @Test
  void unknownTemplateResource() {
    assertThat(configurationError(Examples.UnknownTemplateResource.class))
        .hasMessageContaining("has no state machine resource \"OrderMachine\". State machines in it: OrderStateMachine.");
  }

  @Test
  void badSubstitution() {
    assertThat(configurationError(Examples.BadSubstitution.class))
        .hasMessageContaining("The substitution \"NoEqualsSign\"")
        .hasMessageContaining("\"Name=value\"");
  }

  @Test
  void testCasesWithoutFile() {
    assertThat(configurationError(Examples.TestCasesWithoutFile.class))
        .hasMessageContaining("@MockConfigTestCases on TestCasesWithoutFile.test() names no MockConfigFile");
  }
}

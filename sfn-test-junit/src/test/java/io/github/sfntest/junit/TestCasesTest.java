package io.github.sfntest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.sfntest.junit.examples.NamingExamples;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** {@link TestCases}: one dynamic test per MockConfigFile test case, isolated, strict, sourced in the file. */
class TestCasesTest {

  static EngineExecutionResults run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter(StateMachineExtension.PRINT_HISTORY_PROPERTY, "false")
        .selectors(selectClass(testClass)).execute();
  }

  static String failure(EngineExecutionResults results) {
    Event failed = results.allEvents().failed().stream().findFirst().orElseThrow();
    return failed.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage();
  }

  @Test
  void eachTestCaseIsADynamicTestWhoseSourceIsTheTestCaseInTheFile() {
    EngineExecutionResults results = run(NamingExamples.FailingCase.class);

    results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
    Event happy = results.testEvents().succeeded().stream().findFirst().orElseThrow();
    assertThat(happy.getTestDescriptor().getDisplayName()).isEqualTo("HappyPathTest");
    assertThat(happy.getTestDescriptor().getSource()).contains(
        ClasspathResourceSource.from("local-testing/MockConfigFile.json", FilePosition.from(5)));
    assertThat(failure(results)).contains("CustomerAddedToFollowup");
  }

  @Test
  void strictMocksAreCheckedPerTestCase() {
    EngineExecutionResults results = run(NamingExamples.UnusedMockInOneTestCase.class);

    results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
    Event failed = results.testEvents().failed().stream().findFirst().orElseThrow();
    assertThat(failed.getTestDescriptor().getDisplayName()).isEqualTo("NegativeSentimentTest");
    assertThat(failure(results)).contains("Add to FollowUp");
  }

  @Test
  void aMissingFileIsAConfigurationError() {
    assertThat(failure(run(NamingExamples.NoFile.class)))
        .isEqualTo("The TestCases parameter of NoFile.cases() names no MockConfigFile: add file ="
            + " \"path/to/MockConfigFile.json\", or @MockConfig(file = ...) on the class.");
  }

  @Test
  void excludingANameTheFileLacksSaysWhichNamesItHas() {
    assertThat(failure(run(NamingExamples.ExcludesAMisspelledCase.class)))
        .isEqualTo("TestCases.excluding(\"HappyPathTst\"): \"HappyPathTst\" is not a test case of state machine"
            + " LocalTesting in local-testing/MockConfigFile.json. Its test cases: HappyPathTest, NegativeSentimentTest,"
            + " CustomValidationFailedCatchTest, ValidationExceptionCatchTest, RetryOnServiceExceptionTest.");
  }
}

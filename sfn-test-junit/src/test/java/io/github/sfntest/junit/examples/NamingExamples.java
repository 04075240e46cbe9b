package io.github.sfntest.junit.examples;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;

import io.github.sfntest.junit.MockConfig;
import io.github.sfntest.junit.MockConfigTestCases;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.junit.TestCases;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.testing.StateMachineUnderTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The test forms whose names {@code SurefireNamesTest} checks; run only through the launcher. */
public final class NamingExamples {

  private NamingExamples() {}

  static final String INPUT = "local-testing/sfn_valid_input.json";

  /** Every form: parameters, fields, a {@code @MockConfigTestCases} template, a {@link TestCases} factory. */
  @StateMachineTest(definition = "local-testing/local_testing.asl.json", name = "LocalTesting")
  @MockConfig(file = "local-testing/MockConfigFile.json")
  public static class EveryForm {
    public static final List<String> RAN = new CopyOnWriteArrayList<>();

    StateMachineUnderTest salesLead;
    MockedResponses mocks;

    @Test
    @MockConfig(testCase = "HappyPathTest")
    void withParameters(StateMachineUnderTest sm) {
      assertThat(sm.runWithInputFrom(INPUT)).succeeded();
    }

    @Test
    @MockConfig(testCase = "HappyPathTest")
    void withFields() {
      assertThat(salesLead.runWithInputFrom(INPUT)).succeeded();
    }

    @MockConfigTestCases(exclude = {"NegativeSentimentTest", "CustomValidationFailedCatchTest",
        "ValidationExceptionCatchTest", "RetryOnServiceExceptionTest"})
    void template() {
      assertThat(salesLead.runWithInputFrom(INPUT)).succeeded();
    }

    @TestFactory
    Stream<DynamicTest> everyTestCase(TestCases testCases) {
      return testCases.each(testCase -> {
        RAN.add(testCase);
        assertThat(salesLead.runWithInputFrom(INPUT)).succeeded();
        mocks.verify("Check Address").times(1); // fresh mocks per test case, or the count would grow
      });
    }
  }

  /** A test case whose body fails: reported under its name, with the failure. */
  @StateMachineTest(definition = "local-testing/local_testing.asl.json", name = "LocalTesting")
  public static class FailingCase {
    StateMachineUnderTest salesLead;

    @TestFactory
    @MockConfig(file = "local-testing/MockConfigFile.json")
    Stream<DynamicTest> endsInFollowUp(TestCases testCases) {
      return testCases.excluding("CustomValidationFailedCatchTest", "ValidationExceptionCatchTest",
          "RetryOnServiceExceptionTest").each(testCase ->
          assertThat(salesLead.runWithInputFrom(INPUT)).succeeded().endedIn("CustomerAddedToFollowup"));
    }
  }

  /** Strict mocks hold per test case: an unused mock fails that test case only. */
  @StateMachineTest(definition = "local-testing/local_testing.asl.json", name = "LocalTesting")
  @MockConfig(file = "local-testing/MockConfigFile.json")
  public static class UnusedMockInOneTestCase {
    StateMachineUnderTest salesLead;
    MockedResponses mocks;

    @TestFactory
    Stream<DynamicTest> addsToFollowUp(TestCases testCases) {
      return testCases.excluding("CustomValidationFailedCatchTest", "ValidationExceptionCatchTest",
          "RetryOnServiceExceptionTest").each(testCase -> {
            mocks.onState("Add to FollowUp").willReturn("{\"SdkHttpMetadata\": {\"HttpStatusCode\": 200}}");
            salesLead.runWithInputFrom(INPUT);
          });
    }
  }

  /** No MockConfigFile anywhere: a clear configuration error. */
  @StateMachineTest(definition = "local-testing/local_testing.asl.json", name = "LocalTesting")
  public static class NoFile {
    @TestFactory
    Stream<DynamicTest> cases(TestCases testCases) {
      return testCases.each(testCase -> { });
    }
  }

  /** Excluding a name the file does not have. */
  @StateMachineTest(definition = "local-testing/local_testing.asl.json", name = "LocalTesting")
  @MockConfig(file = "local-testing/MockConfigFile.json")
  public static class ExcludesAMisspelledCase {
    @TestFactory
    Stream<DynamicTest> cases(TestCases testCases) {
      return testCases.excluding("HappyPathTst").each(testCase -> { });
    }
  }
}

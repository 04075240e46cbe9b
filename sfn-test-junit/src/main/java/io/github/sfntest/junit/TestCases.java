package io.github.sfntest.junit;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * The test cases of a MockConfigFile as dynamic tests, each named after its test case and answered
 * by it. Inject it into a {@code @TestFactory} method of a {@link StateMachineTest @StateMachineTest}
 * class whose {@link MockConfig @MockConfig} (on the class or the method) names the file:
 *
 * <pre>{@code
 * @StateMachineTest(definition = "local_testing.asl.json", name = "LocalTesting")
 * @MockConfig(file = "MockConfigFile.json")
 * class EveryTestCaseTest {
 *   StateMachineUnderTest sm;   // bound to the running test case
 *
 *   @TestFactory
 *   Stream<DynamicTest> runsToTheEnd(TestCases testCases) {
 *     return testCases.each(testCase -> assertThat(sm.run(INPUT)).succeeded());
 *   }
 * }
 * }</pre>
 *
 * <p>Unlike {@link MockConfigTestCases @MockConfigTestCases}, whose invocations Maven Surefire reports
 * as {@code method(String)[1]}, these tests appear in Surefire's XML reports under the test case's
 * name with the default Surefire configuration, and an IDE opens the MockConfigFile at the test case.
 * Each test case gets its own mocks and state machines: the instance fields ({@code
 * StateMachineUnderTest}, {@code MockedResponses}, {@code Engine}) are set to them before the body
 * runs, and strict mocks are checked after it. Test cases run one at a time.
 */
public final class TestCases {

  private final String machine;
  private final List<String> names;
  private final Set<String> all;
  private final String file;
  private final Function<String, URI> source;
  private final Runner runner;

  /** What the extension does for one test case: a fresh run, its fields, the body, the checks. */
  @FunctionalInterface
  interface Runner {
    void run(String testCase, ThrowingConsumer<String> body) throws Throwable;
  }

  TestCases(String file, String machine, List<String> names, Function<String, URI> source, Runner runner) {
    this.file = file;
    this.machine = machine;
    this.names = List.copyOf(names);
    this.all = new LinkedHashSet<>(names);
    this.source = source;
    this.runner = runner;
  }

  /**
   * The test case names, in the file's order.
   *
   * @return the names of the test cases that {@link #each} runs
   */
  public List<String> names() {
    return names;
  }

  /**
   * The same test cases without some.
   *
   * @param testCases test case names to leave out
   * @return the remaining test cases
   * @throws ExtensionConfigurationException if a name is not a test case of the file or none is left
   */
  public TestCases excluding(String... testCases) {
    List<String> left = new ArrayList<>(names);
    for (String name : testCases) {
      if (!all.contains(name)) {
        throw new ExtensionConfigurationException("TestCases.excluding(\"" + name + "\"): \"" + name
            + "\" is not a test case of state machine " + machine + " in " + file + ". Its test cases: "
            + String.join(", ", all) + ".");
      }
      left.remove(name);
    }
    if (left.isEmpty()) {
      throw new ExtensionConfigurationException("TestCases.excluding" + Arrays.toString(testCases)
          + " leaves no test case of state machine " + machine + " in " + file + " to run.");
    }
    TestCases kept = new TestCases(file, machine, left, source, runner);
    kept.all.addAll(all);
    return kept;
  }

  /**
   * One dynamic test per test case: the body runs with the test case's mocks in place.
   *
   * @param body the test, given the test case's name
   * @return the dynamic tests, to return from the {@code @TestFactory} method
   */
  public Stream<DynamicTest> each(ThrowingConsumer<String> body) {
    // the source is the MockConfigFile (not the method): Surefire then reports the display name
    return names.stream().map(name -> DynamicTest.dynamicTest(name, source.apply(name), () -> runner.run(name, body)));
  }
}

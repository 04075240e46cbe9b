package io.github.sfntest.mock;

import io.github.sfntest.internal.mock.MockConfig;
import io.github.sfntest.internal.mock.MockConfigParser;
import io.github.sfntest.internal.mock.MockConfigWriter;
import io.github.sfntest.internal.text.NearMiss;
import io.github.sfntest.internal.mock.TestCaseHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An AWS Step Functions Local mock configuration file ({@code MockConfigFile.json}), read exactly
 * as Step Functions Local reads it.
 *
 * <pre>{@code
 * MockConfigFile file = MockConfigFile.load(Path.of("statemachine/test/MockConfigFile.json"));
 * TaskHandler mocks = file.testCase("LocalTesting", "HappyPathTest");
 * }</pre>
 *
 * <p>Resolution, as in Step Functions Local: the test case maps a state name (states inside Map
 * and Parallel included) to a mocked response; the engine's per-state, per-execution invocation
 * index (0-based; retries and Map iterations count) selects the entry whose key ({@code "3"} or the
 * inclusive range {@code "1-2"}) covers it. Nothing repeats: an invocation no key covers fails the
 * execution with {@code States.Runtime}. A state the test case does not name is {@linkplain
 * TaskOutcome.NotHandled not handled} (Step Functions Local would call the real service).
 *
 * <p>Invalid files fail at load with a {@link MockConfigException} that gives the JSON pointer,
 * line and column of the problem and a hint.
 */
public final class MockConfigFile {

  private final MockConfig config;

  private MockConfigFile(MockConfig config) {
    this.config = config;
  }

  /**
   * Reads and validates the file at {@code path}.
   *
   * @param path the MockConfigFile.json's path
   * @return the parsed file
   */
  public static MockConfigFile load(Path path) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read MockConfigFile " + path, e);
    }
    Path name = path.getFileName();
    return new MockConfigFile(MockConfigParser.parse(name == null ? path.toString() : name.toString(), bytes));
  }

  /**
   * Reads and validates MockConfigFile JSON text.
   *
   * @param json the file's content
   * @return the parsed file
   */
  public static MockConfigFile parse(String json) {
    return new MockConfigFile(MockConfigParser.parse("MockConfigFile", Objects.requireNonNull(json, "json")));
  }

  /**
   * The handler of one test case. The state machine is fixed here, whatever name the engine runs
   * the machine under.
   *
   * @param stateMachineName a state machine name in the file's {@code StateMachines}
   * @param testCaseName one of its {@code TestCases}
   * @return the handler answering that test case's mocked states
   * @throws IllegalArgumentException if the file has no such state machine or test case (the
   *     message lists the known names and the closest one)
   */
  public TaskHandler testCase(String stateMachineName, String testCaseName) {
    Map<String, String> states = states(stateMachineName, testCaseName);
    return new TestCaseHandler(config, stateMachineName, testCaseName, states);
  }

  /**
   * The handler of test case {@code testCaseName} of whichever state machine is running, selected
   * by {@link TaskInvocation#stateMachineName()} at each invocation, like starting an execution on
   * {@code <stateMachineArn>#<testCaseName>} in Step Functions Local.
   *
   * @param testCaseName a test case name
   * @return the handler answering that test case's mocked states
   * @throws IllegalArgumentException if no state machine of the file has that test case
   */
  public TaskHandler testCase(String testCaseName) {
    boolean found = config.stateMachines().values().stream().anyMatch(c -> c.containsKey(testCaseName));
    if (!found) {
      java.util.Set<String> all = new java.util.LinkedHashSet<>();
      config.stateMachines().values().forEach(c -> all.addAll(c.keySet()));
      throw new IllegalArgumentException(
          "No state machine in " + config.source() + " has the test case \"" + testCaseName + "\"."
              + mean(testCaseName, all) + " Known test cases: " + NearMiss.quotedList(all) + ".");
    }
    return invocation -> {
      String sm = invocation.stateMachineName();
      Map<String, Map<String, String>> cases = sm == null ? null : config.stateMachines().get(sm);
      if (cases == null || !cases.containsKey(testCaseName)) {
        return new TaskOutcome.NotHandled(
            "State machine '" + sm + "' has no test case '" + testCaseName + "' in " + config.source()
                + "; state machines with it: "
                + NearMiss.quotedList(
                    config.stateMachines().entrySet().stream()
                        .filter(e -> e.getValue().containsKey(testCaseName))
                        .map(Map.Entry::getKey)
                        .toList())
                + ". Use MockConfigFile.testCase(stateMachineName, testCaseName) to pick one whatever"
                + " the running machine is called.");
      }
      return new TestCaseHandler(config, sm, testCaseName, cases.get(testCaseName)).invoke(invocation);
    };
  }

  /**
   * The state machine names, in file order.
   *
   * @return the names
   */
  public Set<String> stateMachineNames() {
    return config.stateMachines().keySet();
  }

  /**
   * The test case names of a state machine, in file order.
   *
   * @param stateMachineName a state machine name in the file
   * @return the test case names
   */
  public Set<String> testCaseNames(String stateMachineName) {
    return machine(stateMachineName).keySet();
  }

  /**
   * State name → response name of one test case, in file order.
   *
   * @param stateMachineName a state machine name in the file
   * @param testCaseName one of its test cases
   * @return state name to response name
   */
  public Map<String, String> mockedStates(String stateMachineName, String testCaseName) {
    return states(stateMachineName, testCaseName);
  }

  /**
   * The whole file as normalised, indented JSON.
   *
   * @return the JSON text
   */
  public String toJson() {
    return MockConfigWriter.write(config);
  }

  /** For {@link MockedResponses#fromMockConfigFile}. */
  MockConfig model() {
    return config;
  }

  private Map<String, Map<String, String>> machine(String stateMachineName) {
    Map<String, Map<String, String>> cases = config.stateMachines().get(stateMachineName);
    if (cases == null) {
      throw new IllegalArgumentException(
          "State machine \"" + stateMachineName + "\" is not in " + config.source() + "."
              + mean(stateMachineName, config.stateMachines().keySet())
              + " Known state machines: " + NearMiss.quotedList(config.stateMachines().keySet()) + ".");
    }
    return cases;
  }

  private Map<String, String> states(String stateMachineName, String testCaseName) {
    Map<String, Map<String, String>> cases = machine(stateMachineName);
    Map<String, String> states = cases.get(testCaseName);
    if (states == null) {
      throw new IllegalArgumentException(
          "State machine \"" + stateMachineName + "\" has no test case \"" + testCaseName + "\" in "
              + config.source() + "." + mean(testCaseName, cases.keySet())
              + " Known test cases: " + NearMiss.quotedList(cases.keySet()) + ".");
    }
    return states;
  }

  private static String mean(String name, java.util.Collection<String> known) {
    String close = NearMiss.best(name, known).orElse(null);
    return close == null ? "" : " Did you mean \"" + close + "\"?";
  }
}

package io.github.sfntest.testing;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.Execution;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.internal.mock.KnownStates;
import io.github.sfntest.mock.MockConfigException;
import io.github.sfntest.mock.MockConfigFile;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.mock.TaskHandler;
import io.github.sfntest.mock.TaskInvocation;
import io.github.sfntest.mock.TaskOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.opentest4j.AssertionFailedError;

/**
 * One test of a {@link TestSession}: its own mocks, the state machines bound to them, and the
 * executions it started (for the history summary printed when the test fails).
 *
 * <p>Tasks are answered by, in order: the mocks written in the test ({@link #mocks()}), the
 * MockConfigFile test case ({@link #useMockConfig}), and, for {@code states:startExecution}
 * tasks whose {@code StateMachineArn} names a state machine declared in the session, a child
 * execution of that state machine on the same engine with the same mocks ({@code .sync} and
 * {@code .sync:2} wait for it). The mocks record every invocation, so {@code mocks().verify(...)}
 * sees the MockConfigFile's answers too.
 *
 * <p>Mocks are strict: state names in the mocks and in the MockConfigFile test case are checked
 * against the declared state machines, and {@link #verifyStrictMocks()} (called by the extensions
 * after a passing test) reports unused mocks and Tasks that reached no mock.
 */
public final class TestRun implements AutoCloseable {

  private final TestSession session;
  private final MockedResponses mocks = MockedResponses.create();
  private final List<RecordingExecution> executions = new ArrayList<>(); // guarded by itself
  private final Map<String, StateMachineUnderTest> machines = new ConcurrentHashMap<>();
  private final TaskHandler handler = this::answer;
  private volatile MockCase mockCase;
  private volatile String testName;
  private int coverageRecorded; // guarded by executions
  private Engine engine; // guarded by this

  private final List<String> unmocked = java.util.Collections.synchronizedList(new ArrayList<>());

  TestRun(TestSession session) {
    this.session = session;
    mocks.checkStateNames(session.definitions().values());
  }

  /**
   * The session this run belongs to: the declared machines and the engine settings.
   *
   * @return the session
   */
  public TestSession session() {
    return session;
  }

  /**
   * The engine of this test: its own in-process (created on first use, closed by {@link #close()}),
   * or the session's for engines that are expensive to create.
   *
   * @return the engine
   */
  public synchronized Engine engine() {
    if (engine == null) {
      engine = session.engineForTest();
      // Every declared machine can be started by the others as a child execution.
      for (StateMachineDefinition definition : session.definitions().values()) {
        try {
          // An EXPRESS machine's child executions run as EXPRESS ones.
          io.github.sfntest.engine.StateMachineType type = session.type(definition.name());
          engine.deploy(definition, type == null ? io.github.sfntest.engine.StateMachineType.STANDARD : type);
        } catch (UnsupportedOperationException e) {
          break;
        }
      }
    }
    return engine;
  }

  /**
   * Names the test this run belongs to, for the coverage report ("which tests reached this state").
   *
   * @param name the test's name, e.g. {@code MyTest.charges()}
   * @return this run
   */
  public TestRun named(String name) {
    this.testName = name;
    return this;
  }

  /**
   * The name given with {@link #named}, or null.
   *
   * @return the test name, or null
   */
  public String testName() {
    return testName;
  }

  /**
   * Records the coverage of the executions started since the last call, for the current test name
   * (see {@link io.github.sfntest.coverage.Coverage}); {@link #close()} does it too. Never fails a
   * test: a problem is printed.
   */
  public void recordCoverage() {
    if (!io.github.sfntest.coverage.Coverage.enabled()) {
      return;
    }
    List<RecordingExecution> fresh;
    synchronized (executions) {
      fresh = List.copyOf(executions.subList(coverageRecorded, executions.size()));
      coverageRecorded = executions.size();
    }
    for (RecordingExecution execution : fresh) {
      try {
        io.github.sfntest.coverage.Coverage.record(execution.definition(), execution.snapshot(), testName,
            name -> session.definitions().get(name));
      } catch (RuntimeException e) {
        System.err.println("sfn-test: the coverage of an execution of " + execution.stateMachineName()
            + " was not recorded: " + e);
      }
    }
  }

  /** Records the coverage of a single-state test of {@code definition} for the current test name; never fails a test. */
  void recordSingleState(StateMachineDefinition definition, io.github.sfntest.teststate.TestStateRequest request,
      io.github.sfntest.teststate.TestStateResult result) {
    try {
      io.github.sfntest.coverage.Coverage.recordSingleState(definition, request, result, testName);
    } catch (RuntimeException e) {
      System.err.println("sfn-test: the coverage of a single-state test of " + definition.name()
          + " was not recorded: " + e);
    }
  }

  /** Records the coverage of this test's executions, then closes this test's own engine, if it has one. */
  @Override
  public synchronized void close() {
    recordCoverage();
    if (engine != null && session.enginePerTest()) {
      engine.close();
    }
    engine = null;
  }

  /**
   * The mocks of this test (empty at the start of each test).
   *
   * @return the mocks
   */
  public MockedResponses mocks() {
    return mocks;
  }

  /**
   * The first declared state machine, bound to this test's mocks.
   *
   * @return the state machine under test
   */
  public StateMachineUnderTest machine() {
    return machine(session.definition().name());
  }

  /**
   * The state machine {@code name}, bound to this test's mocks.
   *
   * @param name a declared state machine's name
   * @return that state machine under test
   */
  public StateMachineUnderTest machine(String name) {
    StateMachineDefinition definition = session.definition(name);
    return machines.computeIfAbsent(name, n -> new StateMachineUnderTest(this, definition, session.type(n)));
  }

  /**
   * What answers the tasks of this test's executions.
   *
   * @return the task handler
   */
  public TaskHandler taskHandler() {
    return handler;
  }

  /**
   * Answers tasks with test case {@code testCase} of the MockConfigFile at {@code location}
   * (classpath or file).
   *
   * @param stateMachine the state machine of the file whose test case to use; null or blank picks the
   *     one named like the first declared state machine, else the file's only one
   * @param location a classpath resource or file
   * @param testCase the test case name
   * @return this run
   * @throws TestConfigurationException if the file is missing or invalid, or has no such state
   *     machine or test case
   */
  public TestRun useMockConfig(String location, String stateMachine, String testCase) {
    return useMockConfig(loadMockConfig(location), stateMachine, testCase);
  }

  /**
   * Like {@link #useMockConfig(String, String, String)} with a loaded file.
   *
   * @param file a loaded MockConfigFile
   * @param stateMachine the file's state machine, or null or blank to pick one
   * @param testCase the test case name
   * @return this run
   */
  public TestRun useMockConfig(MockConfigFile file, String stateMachine, String testCase) {
    Objects.requireNonNull(file, "file");
    if (testCase == null || testCase.isBlank()) {
      throw new TestConfigurationException("No MockConfigFile test case is named: give one of "
          + file.testCaseNames(mockConfigMachine(file, stateMachine)) + ", e.g. testCase = \""
          + file.testCaseNames(mockConfigMachine(file, stateMachine)).stream().findFirst().orElse("HappyPath")
          + "\".");
    }
    String machine = mockConfigMachine(file, stateMachine);
    TaskHandler primary;
    try {
      primary = file.testCase(machine, testCase);
    } catch (IllegalArgumentException e) {
      throw new TestConfigurationException(e.getMessage() + " Fix the testCase of @MockConfig (or the"
          + " MockConfigFile).", e);
    }
    checkMockedStates(file, machine, testCase);
    Map<String, TaskHandler> byMachine = new LinkedHashMap<>();
    for (String sm : file.stateMachineNames()) {
      if (!sm.equals(machine) && file.testCaseNames(sm).contains(testCase) && session.definitions().containsKey(sm)) {
        byMachine.put(sm, file.testCase(sm, testCase));
      }
    }
    this.mockCase = new MockCase(testCase, primary, byMachine);
    return this;
  }

  /** Strict mocks: every state a test case mocks is a Task state of the state machine it is for. */
  private void checkMockedStates(MockConfigFile file, String machine, String testCase) {
    Map<String, com.fasterxml.jackson.databind.JsonNode> sources = new LinkedHashMap<>();
    StateMachineDefinition definition = session.definitions().get(machine);
    for (StateMachineDefinition d : definition == null ? session.definitions().values() : List.of(definition)) {
      sources.put(d.name(), io.github.sfntest.internal.json.Json.parse(d.toJson()));
    }
    KnownStates known = KnownStates.of(sources);
    List<String> problems = new ArrayList<>();
    for (String state : file.mockedStates(machine, testCase).keySet()) {
      known.requireTask(state).ifPresent(problems::add);
    }
    if (!problems.isEmpty()) {
      throw new TestConfigurationException("The MockConfigFile test case \"" + testCase + "\" (state machine \""
          + machine + "\") mocks a state that cannot ask a mock: " + String.join("; ", problems) + " Fix the state name in the MockConfigFile.");
    }
  }

  /**
   * The MockConfigFile test case in use, or null.
   *
   * @return the test case name, or null
   */
  public String testCase() {
    MockCase c = mockCase;
    return c == null ? null : c.testCase;
  }

  /**
   * Reads a MockConfigFile from the classpath or a file.
   *
   * @param location a classpath resource or file
   * @return the parsed file
   * @throws TestConfigurationException if it is missing or invalid
   */
  public static MockConfigFile loadMockConfig(String location) {
    TestResource resource = TestResource.read(location, "MockConfigFile");
    try {
      return resource.path() != null ? MockConfigFile.load(resource.path()) : MockConfigFile.parse(resource.text());
    } catch (MockConfigException e) {
      throw new TestConfigurationException("The MockConfigFile " + resource.describe() + " is invalid: "
          + e.getMessage(), e);
    }
  }

  /**
   * The state machine of {@code file} whose test cases apply: {@code requested} if given, else the
   * one named like the first declared state machine, else the file's only one.
   *
   * @param file a loaded MockConfigFile
   * @param requested the state machine name asked for, or null or blank
   * @return the state machine name in the file
   */
  public String mockConfigMachine(MockConfigFile file, String requested) {
    Set<String> names = file.stateMachineNames();
    if (requested != null && !requested.isBlank()) {
      if (!names.contains(requested)) {
        throw new TestConfigurationException("The MockConfigFile has no state machine \"" + requested
            + "\". Its state machines: " + String.join(", ", names) + ". Fix stateMachine in @MockConfig.");
      }
      return requested;
    }
    for (String declared : session.definitions().keySet()) {
      if (names.contains(declared)) {
        return declared;
      }
    }
    if (names.size() == 1) {
      return names.iterator().next();
    }
    throw new TestConfigurationException("The MockConfigFile has state machines " + String.join(", ", names)
        + " and none is named like a declared state machine (" + String.join(", ", session.definitions().keySet())
        + "). Pick one with stateMachine = \"...\" in @MockConfig, or name the state machine under test like it"
        + " (name = \"...\").");
  }

  /**
   * The executions this test started, in start order.
   *
   * @return the executions
   */
  public List<Execution> executions() {
    synchronized (executions) {
      return List.copyOf(executions);
    }
  }

  /**
   * The history summary of every execution this test started ({@link ExecutionResult#render()}), for
   * failure reports; empty if it started none.
   *
   * @return the summary, or an empty string
   */
  public String historySummary() {
    List<RecordingExecution> all;
    synchronized (executions) {
      all = List.copyOf(executions);
    }
    if (all.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    int n = 0;
    for (RecordingExecution execution : all) {
      n++;
      out.append("--- sfn-test execution ").append(n).append(" of ").append(all.size())
          .append(": ").append(execution.stateMachineName());
      String testCase = testCase();
      if (testCase != null) {
        out.append(" (MockConfigFile test case ").append(testCase).append(')');
      }
      out.append(" on engine ").append(session.engineId()).append(" ---\n");
      try {
        out.append(execution.snapshot().render());
      } catch (RuntimeException e) {
        out.append("(cannot render the history: ").append(e).append(")");
      }
      if (out.charAt(out.length() - 1) != '\n') {
        out.append('\n');
      }
      String path = drawPath(execution, n);
      if (path != null) {
        out.append("its path through the graph: ").append(path).append('\n');
      }
    }
    return out.toString();
  }

  /** Draws the path an execution took into the coverage directory (for failure reports); null if off or not possible. */
  private String drawPath(RecordingExecution execution, int n) {
    if (!io.github.sfntest.coverage.Coverage.enabled()) {
      return null;
    }
    try {
      String base = (testName == null ? execution.stateMachineName() : testName).replaceAll("[^A-Za-z0-9._-]+", "_");
      java.nio.file.Path file = io.github.sfntest.coverage.Coverage.directory().resolve("paths")
          .resolve(base + "-" + n + ".svg").toAbsolutePath();
      java.nio.file.Files.createDirectories(file.getParent());
      java.nio.file.Files.writeString(file,
          io.github.sfntest.coverage.Coverage.renderSvg(execution.definition(), execution.snapshot()));
      return file.toString();
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }

  RecordingExecution record(Execution execution, StateMachineDefinition definition, com.fasterxml.jackson.databind.JsonNode input) {
    RecordingExecution recording = new RecordingExecution(execution, definition, input, session.options());
    synchronized (executions) {
      executions.add(recording);
    }
    return recording;
  }

  private TaskOutcome answer(TaskInvocation invocation) {
    TaskOutcome outcome = mocks.invoke(invocation);
    if (!(outcome instanceof TaskOutcome.NotHandled)) {
      return outcome;
    }
    TaskOutcome first = outcome;
    MockCase c = mockCase;
    if (c != null) {
      TaskHandler h = c.byMachine.getOrDefault(invocation.stateMachineName(), c.primary);
      TaskOutcome fromFile = h.invoke(invocation);
      if (!(fromFile instanceof TaskOutcome.NotHandled)) {
        return fromFile;
      }
      first = fromFile;
    }
    if (first instanceof TaskOutcome.NotHandled notHandled) {
      unmocked.add(notHandled.reason());
    }
    return first;
  }

  /**
   * Strict mocks, checked by the JUnit and Spock extensions after a test that passed: fails if a
   * Task reached no mock (unless the test called {@link MockedResponses#expectUnmockedTasks()}), or,
   * when the test started an execution, if a mock answered no invocation (unless it is lenient).
   *
   * @throws AssertionFailedError listing every problem, each with its fix
   */
  public void verifyStrictMocks() {
    List<String> problems = new ArrayList<>();
    List<RecordingExecution> started;
    synchronized (executions) {
      started = List.copyOf(executions);
    }
    if (!mocks.unmockedTasksExpected()) {
      Set<String> failures = new java.util.LinkedHashSet<>();
      started.forEach(e -> runtimeFailures(e.snapshot(), failures));
      List<String> reasons;
      synchronized (unmocked) {
        reasons = List.copyOf(new java.util.LinkedHashSet<>(unmocked));
      }
      for (String reason : reasons) {
        // Only the tasks nothing else answered: a callback, a child execution or an S3 fixture may.
        if (failures.stream().anyMatch(cause -> cause.contains(reason))) {
          problems.add("A Task reached no mock, so its execution failed with States.Runtime: " + reason
              + (reason.endsWith(".") ? "" : ".") + " If the test expects that, declare it with mocks.expectUnmockedTasks().");
        }
      }
    }
    boolean ran = !started.isEmpty();
    if (ran) {
      for (String mock : mocks.unusedMocks()) {
        problems.add("Unused mock: " + mock + " answered no invocation of this test's executions. Remove it,"
            + " or mark it .lenient() if it is meant for a path this test does not take.");
      }
    }
    if (problems.isEmpty()) {
      return;
    }
    StringBuilder message = new StringBuilder("Strict mocks: ");
    if (problems.size() == 1) {
      message.append(problems.get(0));
    } else {
      message.append(problems.size()).append(" problems:");
      problems.forEach(p -> message.append("\n  - ").append(p));
    }
    throw new AssertionFailedError(message.toString());
  }

  private static void runtimeFailures(ExecutionResult result, Set<String> causes) {
    if (result.error().filter("States.Runtime"::equals).isPresent()) {
      result.cause().ifPresent(causes::add);
    }
    result.childExecutions().forEach(child -> runtimeFailures(child, causes));
    result.mapRuns().forEach(run -> run.children().forEach(child -> runtimeFailures(child, causes)));
  }

  private record MockCase(String testCase, TaskHandler primary, Map<String, TaskHandler> byMachine) {}

  static ExecutionResult runningSnapshot(Execution execution, String machine,
      com.fasterxml.jackson.databind.JsonNode input, java.time.Instant start) {
    ExecutionStatus status = execution.status();
    return io.github.sfntest.internal.result.Results.execution(execution.executionArn(), machine, status, input, null, null, null, start, null,
        execution.history());
  }
}

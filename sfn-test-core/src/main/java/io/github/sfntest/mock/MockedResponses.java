package io.github.sfntest.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.internal.mock.KnownStates;
import io.github.sfntest.internal.mock.LambdaHandlerAnswers;
import io.github.sfntest.internal.mock.LambdaTargets;
import io.github.sfntest.internal.mock.Messages;
import io.github.sfntest.internal.mock.MockConfig;
import io.github.sfntest.internal.mock.MockConfigWriter;
import io.github.sfntest.internal.mock.MockResponse;
import io.github.sfntest.internal.text.NearMiss;
import io.github.sfntest.internal.mock.ResponseSequence;
import io.github.sfntest.internal.mock.ResponseStep;
import io.github.sfntest.internal.mock.Responder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Mocked integration responses for a test, written in Java (or Groovy): per state, per Lambda
 * function or per resource, as sequences, computed answers, callbacks and latencies, with
 * verification of what the state machine called. It is the {@link TaskHandler} the engine asks.
 *
 * <pre>{@code
 * MockedResponses mocks = MockedResponses.create();
 * mocks.onState("Charge")
 *     .willThrow("Payment.Declined", "card expired")          // invocation 0
 *     .thenReturn(IntegrationResults.lambdaPayload(Map.of("charged", true)))  // 1 and later
 *     .withLatency(Duration.ofSeconds(2));
 * mocks.onResource("arn:aws:states:::sqs:sendMessage")
 *     .willReturn(IntegrationResults.sqsSendMessage("{}"));
 * mocks.onLambda("price-calculator")
 *     .willAnswer(invocation -> Map.of("price", 42));      // the function's payload
 * mocks.onState("WaitForApproval").willWaitForCallback();
 *
 * // ... run the execution with `mocks` as its TaskHandler ...
 *
 * mocks.verify("Charge").times(2).withParameters("{\"FunctionName\":\"charge\",\"Payload\":{\"amount\":10}}");
 * List<TaskInvocation> calls = mocks.invocations("Charge");
 * }</pre>
 *
 * <p><b>Which mock answers.</b> A state mock ({@link #onState}) first; then a Lambda mock ({@link
 * #onLambda}), which matches {@code arn:aws:states:::lambda:invoke} by its {@code
 * Parameters.FunctionName} (name, {@code name:alias}, partial or full ARN) and bare Lambda ARN
 * resources; then a resource mock ({@link #onResource}), matched on the exact resource, or on the
 * resource without its {@code .sync}, {@code .sync:2} or {@code .waitForTaskToken} suffix. If none
 * matches, the outcome is {@link TaskOutcome.NotHandled} with a message saying how to mock it.
 *
 * <p><b>Counting.</b> A state mock picks its response by the engine's invocation index of the state
 * in the execution (0-based; retries and Map iterations count), exactly like a MockConfigFile.
 * Lambda and resource mocks count their own invocations per execution. See {@link Stubbing} for the
 * sequence rules: the last response repeats unless bounded with {@code times(n)}; a MockConfigFile's
 * last response never repeats.
 *
 * <p><b>Real Lambda handlers.</b> {@link Stubbing#willInvokeHandler(Class)} answers a Lambda task with
 * the user's own {@code RequestHandler}/{@code RequestStreamHandler}, in-process; {@link
 * #invokeHandlers} does it for the functions of a SAM/CloudFormation template. Mocked and real
 * tasks mix freely in one execution.
 *
 * <p><b>Lambda mocks</b> answer with the function's payload; for {@code lambda:invoke} it is
 * wrapped as {@link IntegrationResults#lambdaPayload} does, for a bare Lambda ARN it is the result.
 *
 * <p><b>MockConfigFile.</b> {@link #fromMockConfigFile} loads one test case; {@link
 * #toMockConfigFile} writes the state mocks as one. Only fixed state responses can be written:
 * computed answers, callbacks, latencies and Lambda/resource mocks have no MockConfigFile form and
 * are refused with a message. An open-ended last response is written as a single invocation (Step
 * Functions Local fails later ones); bound it with {@code times(n)} to write more.
 *
 * <p>Thread-safe: executions may run concurrently and tests in parallel. Every method taking a
 * function takes a functional interface, so Groovy closures fit.
 */
public final class MockedResponses implements TaskHandler {

  private final String testCaseName;
  private final Map<String, Stubbing> stubs = new LinkedHashMap<>(); // guarded by this
  private final Map<String, List<TaskInvocation>> calls = new ConcurrentHashMap<>();
  private final List<String> callOrder = Collections.synchronizedList(new ArrayList<>());
  private volatile KnownStates known; // null: state names are not checked
  private volatile boolean lenient;
  private volatile boolean unmockedExpected;

  private MockedResponses(String testCaseName) {
    this.testCaseName = testCaseName;
  }

  /**
   * Empty mocks.
   *
   * @return new mocks with no state mocked
   */
  public static MockedResponses create() {
    return new MockedResponses(null);
  }

  /**
   * Empty mocks named after a test case (the name appears in messages).
   *
   * @param testCaseName the name to show in messages
   * @return new, empty mocks
   */
  public static MockedResponses forTestCase(String testCaseName) {
    return new MockedResponses(Objects.requireNonNull(testCaseName, "testCaseName"));
  }

  /**
   * The state mocks of one MockConfigFile test case, keeping the file's response names and keys.
   *
   * @param file a loaded MockConfigFile
   * @param stateMachineName a state machine name in the file
   * @param testCaseName one of its test cases
   * @return mocks answering that test case, extendable with the DSL
   */
  public static MockedResponses fromMockConfigFile(
      MockConfigFile file, String stateMachineName, String testCaseName) {
    Map<String, String> states = file.mockedStates(stateMachineName, testCaseName);
    MockedResponses mocks = new MockedResponses(testCaseName);
    MockConfig model = file.model();
    states.forEach((state, response) -> mocks.onState(state).load(response, model.responses().get(response)));
    return mocks;
  }

  // ---- stubbing

  /**
   * The mock of the Task state named {@code stateName} (states inside Map and Parallel included).
   *
   * @param stateName the Task state's name, as in the definition
   * @return the stubbing to give answers to
   */
  public Stubbing onState(String stateName) {
    KnownStates k = known;
    if (k != null) {
      k.requireTask(stateName).ifPresent(problem -> {
        throw new IllegalArgumentException("mocks.onState(\"" + stateName + "\"): " + problem);
      });
    }
    return stub(Stubbing.Kind.STATE, stateName);
  }

  /**
   * The mock of a Lambda function, by name ({@code my-function}), {@code name:alias}, partial or full
   * ARN; its responses are the function's payloads.
   *
   * @param functionName the function's name, alias or ARN
   * @return the stubbing to give answers to
   */
  public Stubbing onLambda(String functionName) {
    return stub(Stubbing.Kind.LAMBDA, functionName);
  }

  /**
   * The mock of every Task whose resource is {@code resourceArn}, e.g. {@code
   * arn:aws:states:::sqs:sendMessage}.
   *
   * @param resourceArn the task resource
   * @return the stubbing to give answers to
   */
  public Stubbing onResource(String resourceArn) {
    return stub(Stubbing.Kind.RESOURCE, resourceArn);
  }

  /**
   * Real Lambda handlers for the functions of a template: each entry, function name to {@code
   * Handler} (as {@link io.github.sfntest.testing.CloudFormationTemplate#lambdaHandlers()} gives
   * them), becomes {@code onLambda(name).willInvokeHandler(handler)}. The handler class is found on
   * first use, so a template may name functions whose code this test does not have (a task that
   * reaches one fails the test saying so). These stubs are lenient: a template's functions are not
   * the test's stubs, and a test path need not call them all.
   *
   * <pre>{@code
   * mocks.invokeHandlers(CloudFormationTemplate.load("template.yaml").lambdaHandlers());
   * }</pre>
   *
   * @param functionHandlers function name to handler, e.g. {@code "PriceFunction" ->
   *     "com.example.Price::handleRequest"}
   * @return these mocks
   */
  public MockedResponses invokeHandlers(Map<String, String> functionHandlers) {
    functionHandlers.forEach((function, handler) -> {
      Stubbing s = onLambda(function);
      s.willAnswer(LambdaHandlerAnswers.lazy(handler, s.describe() + ".willInvokeHandler(\"" + handler + "\")"));
      s.lenient();
    });
    return this;
  }

  private synchronized Stubbing stub(Stubbing.Kind kind, String key) {
    Objects.requireNonNull(key, "name");
    return stubs.computeIfAbsent(kind + " " + key, k -> new Stubbing(kind, key));
  }

  // ---- answering

  @Override
  public TaskOutcome invoke(TaskInvocation invocation) {
    calls.computeIfAbsent(invocation.stateName(), s -> {
          callOrder.add(s);
          return Collections.synchronizedList(new ArrayList<>());
        })
        .add(invocation);
    Stubbing stub = find(invocation);
    if (stub == null) {
      return new TaskOutcome.NotHandled(notMocked(invocation));
    }
    stub.markUsed();
    if (stub.isEmpty()) {
      return new TaskOutcome.NotHandled(
          Messages.task(invocation) + " matches " + stub.describe()
              + ", which has no response yet: add .willReturn(...), .willThrow(...) or .willAnswer(...)");
    }
    int index = stub.indexFor(invocation);
    Optional<ResponseStep> step = stub.at(index);
    if (step.isEmpty()) {
      return Responder.noResponseFor(noEntry(invocation, stub, index));
    }
    UnaryOperator<JsonNode> wrap =
        stub.kind() == Stubbing.Kind.LAMBDA && LambdaTargets.isInvokeIntegration(invocation.resource())
            ? IntegrationResults::lambdaPayload
            : UnaryOperator.identity();
    return Responder.outcome(step.get(), invocation, wrap);
  }

  private synchronized Stubbing find(TaskInvocation invocation) {
    Stubbing s = stubs.get(Stubbing.Kind.STATE + " " + invocation.stateName());
    if (s != null) {
      return s;
    }
    LambdaTargets.Target target = LambdaTargets.target(invocation);
    for (Stubbing candidate : stubs.values()) {
      if (candidate.kind() == Stubbing.Kind.LAMBDA && candidate.matchesLambda(target)) {
        return candidate;
      }
    }
    s = stubs.get(Stubbing.Kind.RESOURCE + " " + invocation.resource());
    if (s == null) {
      s = stubs.get(Stubbing.Kind.RESOURCE + " " + withoutPattern(invocation.resource()));
    }
    return s;
  }

  private static String withoutPattern(String resource) {
    return resource.replaceFirst("\\.(sync(:2)?|waitForTaskToken)$", "");
  }

  private String noEntry(TaskInvocation invocation, Stubbing stub, int index) {
    ResponseSequence seq = stub.sequence();
    return stub.describe() + " has no response for invocation " + index
        + (stub.kind() == Stubbing.Kind.STATE ? "" : " of this execution")
        + " (state '" + invocation.stateName() + "'" + (testCaseName == null ? "" : ", test case '" + testCaseName + "'")
        + "); it defines invocations " + seq.describeKeys() + "."
        + " The last response repeats only if times(n) was not called on it; add .thenReturn(...) or raise times(n).";
  }

  private synchronized String notMocked(TaskInvocation invocation) {
    List<String> states = new ArrayList<>();
    List<String> lambdas = new ArrayList<>();
    List<String> resources = new ArrayList<>();
    for (Stubbing s : stubs.values()) {
      switch (s.kind()) {
        case STATE -> states.add(s.key());
        case LAMBDA -> lambdas.add(s.key());
        case RESOURCE -> resources.add(s.key());
      }
    }
    StringBuilder sb = new StringBuilder("No mock answers ").append(Messages.task(invocation));
    sb.append(testCaseName == null ? "" : " in test case '" + testCaseName + "'").append('.');
    sb.append(Messages.didYouMean(invocation.stateName(), states));
    sb.append(" Mocked states: ").append(NearMiss.quotedList(states));
    if (!lambdas.isEmpty()) {
      sb.append("; Lambda functions: ").append(NearMiss.quotedList(lambdas));
    }
    if (!resources.isEmpty()) {
      sb.append("; resources: ").append(NearMiss.quotedList(resources));
    }
    sb.append(". To mock it: ").append(Messages.javaHint(invocation));
    return sb.toString();
  }

  // ---- strictness

  /**
   * Checks state names against {@code machines} from now on: {@link #onState} of a state that is no
   * Task state of any of them fails at once ({@link IllegalArgumentException}), {@link #verify} of
   * one fails the assertion; both say the nearest Task state. {@code @StateMachineTest} does this
   * with the declared state machines.
   *
   * @param machines the state machines the test runs (children included)
   * @return these mocks
   */
  public MockedResponses checkStateNames(Collection<StateMachineDefinition> machines) {
    Map<String, JsonNode> sources = new LinkedHashMap<>();
    for (StateMachineDefinition machine : machines) {
      sources.put(machine.name(), io.github.sfntest.internal.json.Json.parse(machine.toJson()));
    }
    known = KnownStates.of(sources);
    return this;
  }

  /**
   * Lets every mock of this test go unused (see {@link Stubbing#lenient()}); prefer the per-mock
   * opt-out.
   *
   * @return these mocks
   */
  public MockedResponses lenient() {
    lenient = true;
    return this;
  }

  /**
   * Declares that this test expects a Task to reach no mock (the execution then fails with {@code
   * States.Runtime}); without it a test run by {@code @StateMachineTest} fails, as a forgotten mock
   * would otherwise pass a test that only asserts {@code failed()}.
   *
   * @return these mocks
   */
  public MockedResponses expectUnmockedTasks() {
    unmockedExpected = true;
    return this;
  }

  /**
   * Makes every mock made so far lenient. The JUnit and Spock extensions call it when the test
   * method starts: mocks of a shared set-up ({@code @BeforeEach}, Spock's {@code setup()}) serve
   * tests that take different paths, so only the mocks a test makes itself must be used.
   */
  public synchronized void makeExistingMocksLenient() {
    stubs.values().forEach(Stubbing::lenient);
  }

  /**
   * True after {@link #expectUnmockedTasks()}.
   *
   * @return whether tasks without a mock may wait for the test
   */
  public boolean unmockedTasksExpected() {
    return unmockedExpected;
  }

  /**
   * The mocks that answered no invocation and are not lenient, as written in the test (e.g. {@code
   * mocks.onState("Charge")}), in the order they were made; empty after {@link #lenient()}.
   *
   * @return the unused mocks' descriptions
   */
  public synchronized List<String> unusedMocks() {
    if (lenient) {
      return List.of();
    }
    List<String> unused = new ArrayList<>();
    for (Stubbing s : stubs.values()) {
      if (!s.usedOrLenient()) {
        unused.add(s.describe());
      }
    }
    return unused;
  }

  // ---- verification

  /**
   * The invocations of state {@code stateName} that reached these mocks, in call order.
   *
   * @param stateName the Task state's name
   * @return the invocations, in call order
   */
  public List<TaskInvocation> invocations(String stateName) {
    List<TaskInvocation> list = calls.get(stateName);
    if (list == null) {
      return List.of();
    }
    synchronized (list) {
      return List.copyOf(list);
    }
  }

  /**
   * Assertions about the invocations of state {@code stateName}.
   *
   * @param stateName the Task state's name
   * @return assertions about its invocations
   */
  public Verification verify(String stateName) {
    KnownStates k = known;
    if (k != null) {
      k.requireTask(stateName).ifPresent(problem -> {
        throw new org.opentest4j.AssertionFailedError("mocks.verify(\"" + stateName + "\"): " + problem);
      });
    }
    List<String> invoked;
    synchronized (callOrder) {
      invoked = List.copyOf(callOrder);
    }
    return new Verification(stateName, invocations(stateName), invoked);
  }

  /** Forgets recorded invocations (mocks stay). */
  public void clearInvocations() {
    calls.clear();
    callOrder.clear();
  }

  // ---- MockConfigFile

  /**
   * The state mocks as MockConfigFile JSON with one state machine and one test case.
   *
   * @param stateMachineName the state machine name to write
   * @param testCaseName the test case name to write
   * @return the MockConfigFile JSON text
   * @throws IllegalStateException if a mock has no MockConfigFile form (computed answers, callbacks,
   *     latencies, Lambda or resource mocks, empty mocks) or two states name the same response with
   *     different contents
   */
  public String toMockConfigFile(String stateMachineName, String testCaseName) {
    Map<String, String> states = new LinkedHashMap<>();
    Map<String, ResponseSequence> responses = new LinkedHashMap<>();
    List<Stubbing> all;
    synchronized (this) {
      all = List.copyOf(stubs.values());
    }
    for (Stubbing s : all) {
      if (s.kind() != Stubbing.Kind.STATE) {
        throw new IllegalStateException(
            s.describe() + " cannot be written to a MockConfigFile, which mocks by state name only;"
                + " mock the states that call it with mocks.onState(\"<StateName>\") instead");
      }
      ResponseSequence seq = fileForm(s);
      String name = s.responseName();
      ResponseSequence previous = responses.putIfAbsent(name, seq);
      if (previous != null && !previous.equals(seq)) {
        throw new IllegalStateException(
            "two states use the response name \"" + name + "\" with different responses;"
                + " give one of them another name with .named(\"...\")");
      }
      states.put(s.key(), name);
    }
    MockConfig config =
        new MockConfig("MockConfigFile", Map.of(stateMachineName, Map.of(testCaseName, states)), responses);
    return MockConfigWriter.write(config);
  }

  private static ResponseSequence fileForm(Stubbing s) {
    ResponseSequence seq = s.sequence();
    if (seq.steps().isEmpty()) {
      throw new IllegalStateException(s.describe() + " has no response to write; add .willReturn(...) or remove it");
    }
    List<ResponseStep> out = new ArrayList<>();
    for (ResponseStep step : seq.steps()) {
      String where = s.describe() + ", invocation(s) " + (step.open() ? step.from() + " and later" : "\"" + step.key() + "\"");
      if (step.response() instanceof MockResponse.Answer) {
        throw new IllegalStateException(
            where + ": a computed answer (willAnswer) cannot be written to a MockConfigFile, which holds"
                + " only fixed Return/Throw responses; use willReturn(...) with the value instead");
      }
      if (step.response() instanceof MockResponse.Callback) {
        throw new IllegalStateException(
            where + ": willWaitForCallback has no MockConfigFile form (Step Functions Local answers a"
                + " mocked .waitForTaskToken task at once with its Return); use willReturn(<callback output>)");
      }
      if (!step.latency().isZero()) {
        throw new IllegalStateException(
            where + ": withLatency(" + step.latency() + ") has no MockConfigFile form; remove it to write the file");
      }
      out.add(step.open() ? new ResponseStep(step.from(), step.from(), step.response(), Duration.ZERO) : step);
    }
    return new ResponseSequence(out);
  }

  /**
   * The lambda event of a {@code lambda:invoke} task ({@code Parameters.Payload}), or the
   * parameters of a bare Lambda ARN task.
   *
   * @param invocation a Lambda task's invocation
   * @return the event the function receives
   */
  public static JsonNode lambdaEvent(TaskInvocation invocation) {
    if (LambdaTargets.isInvokeIntegration(invocation.resource())) {
      JsonNode payload = invocation.parameters().get("Payload");
      return payload == null ? io.github.sfntest.internal.json.Json.NODES.nullNode() : payload;
    }
    return invocation.parameters();
  }
}

package io.github.sfntest.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.internal.mock.LambdaHandlerAnswers;
import io.github.sfntest.internal.mock.LambdaTargets;
import io.github.sfntest.internal.mock.MockResponse;
import io.github.sfntest.internal.mock.ResponseSequence;
import io.github.sfntest.internal.mock.ResponseStep;
import io.github.sfntest.internal.mock.Responder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The responses of one mock target (a state, a Lambda function or a resource), in invocation
 * order. Obtained from {@link MockedResponses#onState}, {@link MockedResponses#onLambda} or {@link
 * MockedResponses#onResource}; every method returns this stubbing for chaining.
 *
 * <p>Sequence semantics: {@code willX} starts the sequence over, {@code thenX} appends; each
 * response answers once, or {@link #times(int) n} times; <b>the last response repeats</b> for every
 * later invocation unless {@code times(n)} was called on it, in which case invocations past the end
 * fail the execution with {@code States.Runtime} — exactly what a MockConfigFile does past its last
 * key. Responses loaded from a MockConfigFile keep the file's keys (gaps included) and never repeat.
 */
public final class Stubbing {

  enum Kind {
    STATE,
    LAMBDA,
    RESOURCE
  }

  private final Kind kind;
  private final String key;
  private final LambdaTargets.Target lambda;
  private final List<ResponseStep> steps = new ArrayList<>();
  private final ConcurrentHashMap<String, AtomicInteger> counters = new ConcurrentHashMap<>();
  private String responseName;
  private volatile boolean used;
  private volatile boolean lenient;

  Stubbing(Kind kind, String key) {
    this.kind = kind;
    this.key = key;
    this.lambda = kind == Kind.LAMBDA ? LambdaTargets.parse(key) : null;
    this.responseName = "Mock_" + key;
  }

  // ---- strictness

  /**
   * Lets this mock go unused: a test run by {@code @StateMachineTest} otherwise fails when a mock
   * answered no invocation (strict mocks, as Mockito's strict stubs). Use it for a mock shared by
   * tests that take different paths; say in a comment why.
   *
   * @return this stubbing
   */
  public Stubbing lenient() {
    lenient = true;
    return this;
  }

  void markUsed() {
    used = true;
  }

  /** True if the mock answered at least one invocation, or is {@link #lenient()}. */
  boolean usedOrLenient() {
    return used || lenient;
  }

  // ---- returns

  /**
   * Starts over with: return {@code json} (JSON text; for a JSON string write {@code "\"text\""}).
   *
   * @param json the result as JSON text
   * @return this stubbing, to add more responses
   */
  public Stubbing willReturn(String json) {
    return restart().thenReturn(json);
  }

  /**
   * Starts over with: return {@code value} (a {@link JsonNode}, {@code Map}, {@code List},
   * number...).
   *
   * @param value the result
   * @return this stubbing, to add more responses
   */
  public Stubbing willReturn(Object value) {
    return restart().thenReturn(value);
  }

  /**
   * Then: return {@code json} (JSON text).
   *
   * @param json the result as JSON text
   * @return this stubbing, to add more responses
   */
  public Stubbing thenReturn(String json) {
    return append(new MockResponse.Return(json == null ? Json.NODES.nullNode() : Json.parse(json)));
  }

  /**
   * Then: return {@code value}.
   *
   * @param value the result
   * @return this stubbing, to add more responses
   */
  public Stubbing thenReturn(Object value) {
    return append(new MockResponse.Return(Responder.toJson(value)));
  }

  // ---- failures

  /**
   * Starts over with: fail with {@code error} and {@code cause} (either may be {@code null}).
   *
   * @param error the error name, matched by Retry and Catch
   * @param cause the cause text
   * @return this stubbing, to add more responses
   */
  public Stubbing willThrow(String error, String cause) {
    return restart().thenThrow(error, cause);
  }

  /**
   * Starts over with: fail with {@code error} and no cause.
   *
   * @param error the error name, matched by Retry and Catch
   * @return this stubbing, to add more responses
   */
  public Stubbing willThrow(String error) {
    return willThrow(error, null);
  }

  /**
   * Then: fail with {@code error} and {@code cause}.
   *
   * @param error the error name, matched by Retry and Catch
   * @param cause the cause text
   * @return this stubbing, to add more responses
   */
  public Stubbing thenThrow(String error, String cause) {
    return append(new MockResponse.Throw(error, cause));
  }

  /**
   * Then: fail with {@code error} and no cause.
   *
   * @param error the error name, matched by Retry and Catch
   * @return this stubbing, to add more responses
   */
  public Stubbing thenThrow(String error) {
    return thenThrow(error, null);
  }

  // ---- computed answers

  /**
   * Starts over with: answer computed from the invocation (see {@link TaskAnswer}).
   *
   * @param answer computes the result from the invocation
   * @return this stubbing, to add more responses
   */
  public Stubbing willAnswer(TaskAnswer answer) {
    return restart().thenAnswer(answer);
  }

  /**
   * Then: answer computed from the invocation.
   *
   * @param answer computes the result from the invocation
   * @return this stubbing, to add more responses
   */
  public Stubbing thenAnswer(TaskAnswer answer) {
    return append(new MockResponse.Answer(Objects.requireNonNull(answer, "answer")));
  }

  // ---- real Lambda handlers

  /**
   * Starts over with: the user's own Lambda handler answers, in-process, as Lambda would run it.
   * {@code handlerClass} implements {@code RequestHandler<I, O>} or {@code RequestStreamHandler}
   * (aws-lambda-java-core, which the test classpath must hold); it is created once with its public
   * no-argument constructor and kept, like a warm execution environment.
   *
   * <p>The handler gets the task's {@code Payload} ({@code arn:aws:states:::lambda:invoke}) or its
   * parameters (a bare {@code arn:aws:lambda:...:function:NAME} resource), deserialised with Jackson
   * into its input type as the Lambda Java runtime does (unknown properties ignored), and a {@code
   * Context} with a reproducible request id. Its result is the {@code Payload} of the {@code
   * lambda:invoke} response ({@link IntegrationResults#lambdaPayload}) or, for a bare ARN, the task's
   * result. An exception fails the task as an unhandled exception fails a Java function: error = the
   * exception's fully qualified class name, cause = {@code {"errorMessage", "errorType",
   * "stackTrace"}} (plus {@code "cause"} for a chained exception). An event the input type cannot
   * take fails with {@code java.lang.RuntimeException}, "An error occurred during JSON parsing",
   * as on AWS.
   *
   * <pre>{@code
   * mocks.onLambda("price-calculator").willInvokeHandler(PriceCalculator.class);
   * }</pre>
   *
   * @param handlerClass the handler's class
   * @return this stubbing
   * @throws IllegalArgumentException if the class implements neither handler interface, cannot be
   *     created, or aws-lambda-java-core is missing (the message says which)
   */
  public Stubbing willInvokeHandler(Class<?> handlerClass) {
    return willAnswer(LambdaHandlerAnswers.of(handlerClass, describe() + ".willInvokeHandler(...)"));
  }

  /**
   * Starts over with: {@code handler}, an instance of a {@code RequestHandler} or {@code
   * RequestStreamHandler}, answers (for a handler built with test doubles); see {@link
   * #willInvokeHandler(Class)}.
   *
   * @param handler the handler instance
   * @return this stubbing
   * @throws IllegalArgumentException if it implements neither handler interface
   */
  public Stubbing willInvokeHandler(Object handler) {
    return willAnswer(LambdaHandlerAnswers.of(handler, describe() + ".willInvokeHandler(...)"));
  }

  /**
   * Starts over with: the handler named as a SAM/CloudFormation template names it, {@code
   * com.example.PriceCalculator::handleRequest} or {@code com.example.PriceCalculator}, loaded from
   * the test classpath; see {@link #willInvokeHandler(Class)}.
   *
   * @param handler the template's {@code Handler} value
   * @return this stubbing
   * @throws IllegalArgumentException if the class is not on the classpath, names another method
   *     than {@code handleRequest}, or is no handler
   */
  public Stubbing willInvokeHandler(String handler) {
    return willAnswer(LambdaHandlerAnswers.of(handler, describe() + ".willInvokeHandler(\"" + handler + "\")"));
  }

  // ---- callbacks

  /**
   * Starts over with: the task is accepted and waits until the test sends its token ({@code
   * .waitForTaskToken} tasks and activities).
   *
   * @return this stubbing, to add more responses
   */
  public Stubbing willWaitForCallback() {
    return willWaitForCallback(null);
  }

  /**
   * Like {@link #willWaitForCallback()}, the service call itself having returned {@code
   * submitOutput}.
   *
   * @param submitOutput what the service call returned (recorded in TaskSubmitted)
   * @return this stubbing, to add more responses
   */
  public Stubbing willWaitForCallback(Object submitOutput) {
    return restart().thenWaitForCallback(submitOutput);
  }

  /**
   * Then: wait for the test to send the token.
   *
   * @return this stubbing, to add more responses
   */
  public Stubbing thenWaitForCallback() {
    return thenWaitForCallback(null);
  }

  /**
   * Then: wait for the test to send the token, the call having returned {@code submitOutput}.
   *
   * @param submitOutput what the service call returned (recorded in TaskSubmitted)
   * @return this stubbing, to add more responses
   */
  public Stubbing thenWaitForCallback(Object submitOutput) {
    return append(new MockResponse.Callback(submitOutput == null ? null : Responder.toJson(submitOutput)));
  }

  // ---- modifiers of the last response

  /**
   * The last response answers exactly {@code n} invocations (and no longer repeats).
   *
   * @param n how many invocations the last response answers
   * @return this stubbing, to add more responses
   */
  public synchronized Stubbing times(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("times(" + n + "): a response answers at least once");
    }
    ResponseStep last = last("times(" + n + ")");
    steps.set(steps.size() - 1, new ResponseStep(last.from(), last.from() + n - 1, last.response(), last.latency()));
    return this;
  }

  /**
   * The last response takes {@code latency} of virtual time before it completes.
   *
   * @param latency virtual time the response takes
   * @return this stubbing, to add more responses
   */
  public synchronized Stubbing withLatency(Duration latency) {
    Objects.requireNonNull(latency, "latency");
    if (latency.isNegative()) {
      throw new IllegalArgumentException("withLatency(" + latency + "): latency cannot be negative");
    }
    ResponseStep last = last("withLatency(" + latency + ")");
    steps.set(steps.size() - 1, new ResponseStep(last.from(), last.to(), last.response(), latency));
    return this;
  }

  /**
   * The response name used by {@link MockedResponses#toMockConfigFile}; default {@code
   * Mock_<target>}.
   *
   * @param responseName the name in the MockConfigFile form
   * @return this stubbing
   */
  public synchronized Stubbing named(String responseName) {
    this.responseName = Objects.requireNonNull(responseName, "responseName");
    return this;
  }

  // ---- internals

  private synchronized Stubbing restart() {
    steps.clear();
    counters.clear();
    return this;
  }

  private synchronized Stubbing append(MockResponse response) {
    int from = 0;
    if (!steps.isEmpty()) {
      ResponseStep last = steps.get(steps.size() - 1);
      if (last.open()) {
        last = new ResponseStep(last.from(), last.from(), last.response(), last.latency());
        steps.set(steps.size() - 1, last);
      }
      from = last.to() + 1;
    }
    steps.add(new ResponseStep(from, ResponseStep.OPEN, response, Duration.ZERO));
    return this;
  }

  private ResponseStep last(String call) {
    if (steps.isEmpty()) {
      throw new IllegalStateException(
          call + " applies to the last response, but " + describe() + " has none yet; call willReturn(...) first");
    }
    return steps.get(steps.size() - 1);
  }

  synchronized void load(String name, ResponseSequence sequence) {
    steps.clear();
    steps.addAll(sequence.steps());
    responseName = name;
  }

  synchronized ResponseSequence sequence() {
    return new ResponseSequence(steps);
  }

  synchronized String responseName() {
    return responseName;
  }

  synchronized boolean isEmpty() {
    return steps.isEmpty();
  }

  synchronized Optional<ResponseStep> at(int index) {
    return sequence().at(index);
  }

  /** The index of this invocation for this target: the engine's for states, our own otherwise. */
  int indexFor(TaskInvocation invocation) {
    if (kind == Kind.STATE) {
      return invocation.invocationIndex();
    }
    String execution = invocation.executionArn() == null ? "" : invocation.executionArn();
    return counters.computeIfAbsent(execution, e -> new AtomicInteger()).getAndIncrement();
  }

  boolean matchesLambda(LambdaTargets.Target invoked) {
    return invoked != null && lambda.matches(invoked);
  }

  Kind kind() {
    return kind;
  }

  String key() {
    return key;
  }

  /** How a test would have written this target, e.g. {@code mocks.onState("Charge")}. */
  String describe() {
    String method = switch (kind) {
      case STATE -> "onState";
      case LAMBDA -> "onLambda";
      case RESOURCE -> "onResource";
    };
    return "mocks." + method + "(\"" + key + "\")";
  }
}

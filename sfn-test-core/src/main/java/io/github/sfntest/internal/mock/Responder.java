package io.github.sfntest.internal.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.engine.StatesErrors;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.internal.lambda.LambdaErrors;
import io.github.sfntest.mock.TaskInvocation;
import io.github.sfntest.mock.TaskOutcome;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** Turns a resolved response step into the engine's {@link TaskOutcome}. */
public final class Responder {

  private Responder() {}

  /**
   * The outcome of {@code step} for {@code invocation}; {@code wrapResult} shapes successful
   * results (identity, or wrapping a Lambda function's payload into the {@code lambda:invoke}
   * result).
   */
  public static TaskOutcome outcome(
      ResponseStep step, TaskInvocation invocation, UnaryOperator<JsonNode> wrapResult) {
    Duration latency = step.latency();
    MockResponse r = step.response();
    if (r instanceof MockResponse.Return ret) {
      return new TaskOutcome.Success(wrapResult.apply(ret.value()), latency);
    }
    if (r instanceof MockResponse.Throw t) {
      return new TaskOutcome.Failure(t.error(), t.cause(), latency);
    }
    if (r instanceof MockResponse.Callback c) {
      return new TaskOutcome.AwaitCallback(c.submitOutput());
    }
    MockResponse.Answer a = (MockResponse.Answer) r;
    Object value;
    try {
      value = a.answer().answer(invocation);
    } catch (Exception | AssertionError e) {
      return new TaskOutcome.Failure(LambdaErrors.errorName(e), Json.write(LambdaErrors.document(e, null)), latency);
    }
    if (value instanceof TaskOutcome outcome) {
      return outcome;
    }
    return new TaskOutcome.Success(wrapResult.apply(toJson(value)), latency);
  }

  /** Any Java value as JSON: nodes as they are, the rest through the project's mapper. */
  public static JsonNode toJson(Object value) {
    if (value instanceof JsonNode node) {
      return node;
    }
    return Json.MAPPER.valueToTree(value);
  }

  /** The failure when no response covers the invocation index (Step Functions Local: States.Runtime). */
  public static TaskOutcome noResponseFor(String cause) {
    return new TaskOutcome.Failure(StatesErrors.RUNTIME, cause, Duration.ZERO);
  }
}

package io.github.sfntest.internal.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.internal.mock.LambdaTargets;
import io.github.sfntest.mock.IntegrationResults;
import io.github.sfntest.mock.TaskAnswer;
import io.github.sfntest.mock.TaskInvocation;
import io.github.sfntest.mock.TaskOutcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Runs one handler for a Lambda Task, as the Lambda Java runtime would: the event is the task's
 * {@code Payload} ({@code lambda:invoke}) or its parameters (a bare function ARN), deserialised with
 * Jackson into the handler's input type; the result is serialised back and becomes the {@code
 * lambda:invoke} envelope or, for a bare ARN, the task's result; an exception becomes the error
 * Lambda reports for it ({@link LambdaErrors}).
 */
final class HandlerBridge implements TaskAnswer {

  /** Configured as the runtime's POJO serializer: unknown properties ignored, nulls left out. */
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonParser.Feature.ALLOW_COMMENTS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
      .build();

  /** Frames from here down are sfn-test's, not the function's: the stack trace stops there. */
  private static final String OUR_FRAMES = HandlerBridge.class.getName();

  private final Object handler;
  private final JavaType inputType; // null for a RequestStreamHandler
  private final String where;

  private HandlerBridge(Object handler, JavaType inputType, String where) {
    this.handler = handler;
    this.inputType = inputType;
    this.where = where;
  }

  static HandlerBridge of(Object handler, String where) {
    if (handler instanceof RequestStreamHandler) {
      return new HandlerBridge(handler, null, where);
    }
    JavaType[] params = TypeFactory.defaultInstance()
        .constructType(handler.getClass())
        .findTypeParameters(RequestHandler.class);
    JavaType input = params.length == 2 ? params[0] : TypeFactory.defaultInstance().constructType(Object.class);
    return new HandlerBridge(handler, input, where);
  }

  @Override
  public Object answer(TaskInvocation invocation) {
    LambdaTargets.Target target = LambdaTargets.target(invocation);
    if (target == null) {
      return new TaskOutcome.NotHandled(where + " runs a Lambda handler, but state '" + invocation.stateName()
          + "' calls " + invocation.resource() + ", which invokes no Lambda function; a handler answers only"
          + " arn:aws:states:::lambda:invoke (with Parameters.FunctionName) or a Lambda function ARN");
    }
    boolean invokeIntegration = LambdaTargets.isInvokeIntegration(invocation.resource());
    JsonNode event = invokeIntegration ? invocation.parameters().path("Payload") : invocation.parameters();
    if (event.isMissingNode()) {
      event = Json.NODES.nullNode();
    }
    JsonNode result;
    try {
      result = run(event, InvocationContext.of(invocation, target));
    } catch (Throwable e) {
      if (e instanceof VirtualMachineError vm) {
        throw vm;
      }
      return new TaskOutcome.Failure(
          LambdaErrors.errorName(e), Json.write(LambdaErrors.document(e, OUR_FRAMES)), Duration.ZERO);
    }
    if (!invokeIntegration) {
      return TaskOutcome.success(result);
    }
    JsonNode envelope = IntegrationResults.lambdaPayload(result);
    return invocation.resource().endsWith(".waitForTaskToken")
        ? new TaskOutcome.AwaitCallback(envelope) // the function ran; the task waits for its token
        : TaskOutcome.success(envelope);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private JsonNode run(JsonNode event, InvocationContext context) throws IOException {
    if (inputType == null) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ((RequestStreamHandler) handler).handleRequest(
          new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)), out, context);
      return streamResult(out.toString(StandardCharsets.UTF_8));
    }
    Object input;
    try {
      input = MAPPER.readerFor(inputType).readValue(event);
    } catch (IOException e) {
      // The runtime's own words for an event that does not fit the handler's input type.
      throw new RuntimeException("An error occurred during JSON parsing", new UncheckedIOException(e));
    }
    Object output = ((RequestHandler) handler).handleRequest(input, context);
    return output == null ? Json.NODES.nullNode() : MAPPER.valueToTree(output);
  }

  /** A stream handler's bytes: JSON as it is, anything else as a string (Step Functions keeps it so). */
  private static JsonNode streamResult(String text) {
    if (text.isBlank()) {
      return Json.NODES.nullNode();
    }
    try {
      return Json.readTree(text);
    } catch (IOException e) {
      return Json.NODES.textNode(text);
    }
  }
}

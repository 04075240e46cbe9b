package io.github.sfntest.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Real Java Lambda handlers answer Lambda tasks in-process, with AWS's payload and error shapes. */
class LambdaHandlerTest {

  /** The function's input, a POJO the runtime's serializer fills (unknown properties ignored). */
  public record Order(String sku, int quantity) {}

  public static final class PriceHandler implements RequestHandler<Order, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Order order, Context context) {
      context.getLogger().log("pricing " + order.sku());
      return Map.of("sku", order.sku(), "total", order.quantity() * 5);
    }
  }

  public static final class FailingHandler implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
      throw new IllegalArgumentException("no price for " + input.get("sku"));
    }
  }

  public static final class ContextHandler implements RequestHandler<Object, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Object input, Context context) {
      return Map.of(
          "requestId", context.getAwsRequestId(),
          "function", context.getFunctionName(),
          "arn", context.getInvokedFunctionArn(),
          "version", context.getFunctionVersion(),
          "remainingMillis", context.getRemainingTimeInMillis(),
          "memory", context.getMemoryLimitInMB(),
          "logGroup", context.getLogGroupName());
    }
  }

  public static final class EchoStreamHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
      String event = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      out.write(("{\"received\":" + event + "}").getBytes(StandardCharsets.UTF_8));
    }
  }

  public static final class NotAHandler {}

  public static final class NoDefaultConstructor implements RequestHandler<String, String> {
    public NoDefaultConstructor(String prefix) {}

    @Override
    public String handleRequest(String input, Context context) {
      return input;
    }
  }

  private static final String INVOKE = """
      {"StartAt": "Price", "States": {
        "Price": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Parameters": {"FunctionName": "price-calculator", "Payload.$": "$"}, "Next": "Notify"},
        "Notify": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage",
          "Parameters": {"QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/q", "MessageBody.$": "$.Payload"},
          "ResultPath": null, "End": true}}}""";

  private static final String BARE_ARN = """
      {"StartAt": "Price", "States": {
        "Price": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:price-calculator",
          "End": true}}}""";

  private final Engine engine = Engine.inProcess();

  private ExecutionResult run(String definition, String input, MockedResponses mocks) {
    return engine.run(StartRequest.of(StateMachineDefinition.of("Orders", definition), input).withTaskHandler(mocks));
  }

  @Test
  void a_handler_answers_lambda_invoke_with_the_payload_in_the_invoke_envelope_beside_a_mocked_state() {
    MockedResponses mocks = MockedResponses.create();
    mocks.onLambda("price-calculator").willInvokeHandler(PriceHandler.class);
    mocks.onState("Notify").willReturn(IntegrationResults.sqsSendMessage("{}"));

    ExecutionResult result = run(INVOKE, "{\"sku\": \"s-1\", \"quantity\": 3, \"note\": \"ignored\"}", mocks);

    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode output = result.output().orElseThrow();
    assertThat(output).isEqualTo(IntegrationResults.lambdaPayload(Map.of("sku", "s-1", "total", 15)));
    assertThat(output.get("StatusCode").intValue()).isEqualTo(200);
    assertThat(output.get("ExecutedVersion").textValue()).isEqualTo("$LATEST");
    assertThat(mocks.verify("Notify").times(1).withParameters(
        "{\"QueueUrl\": \"https://sqs.us-east-1.amazonaws.com/123456789012/q\", \"MessageBody\": {\"sku\": \"s-1\", \"total\": 15}}"))
        .isNotNull();
    assertThat(mocks.unusedMocks()).isEmpty();
  }

  @Test
  void a_bare_function_arn_gets_the_handlers_result_itself() {
    MockedResponses mocks = MockedResponses.create();
    mocks.onState("Price").willInvokeHandler(new PriceHandler());

    ExecutionResult result = run(BARE_ARN, "{\"sku\": \"s-2\", \"quantity\": 2}", mocks);

    assertThat(result.output()).contains(Json.parse("{\"sku\": \"s-2\", \"total\": 10}"));
  }

  @Test
  void a_thrown_exception_fails_the_task_with_the_java_runtimes_error_document() {
    MockedResponses mocks = MockedResponses.create();
    mocks.onLambda("price-calculator").willInvokeHandler(FailingHandler.class);
    mocks.onState("Notify").willReturn("{}").lenient(); // the failing path never notifies

    ExecutionResult result = run(INVOKE, "{\"sku\": \"s-9\"}", mocks);

    assertThat(result.error()).contains("java.lang.IllegalArgumentException");
    JsonNode cause = Json.parse(result.cause().orElseThrow());
    assertThat(cause.get("errorMessage").textValue()).isEqualTo("no price for s-9");
    assertThat(cause.get("errorType").textValue()).isEqualTo("java.lang.IllegalArgumentException");
    // The stack trace is the function's own frames (the method and its generic bridge), as the runtime writes them.
    assertThat(cause.get("stackTrace")).hasSize(2);
    assertThat(cause.get("stackTrace")).allSatisfy(frame -> assertThat(frame.textValue())
        .startsWith("io.github.sfntest.mock.LambdaHandlerTest$FailingHandler.handleRequest(LambdaHandlerTest.java:"));
  }

  @Test
  void an_event_the_input_type_cannot_take_fails_as_the_runtime_fails_json_parsing() {
    MockedResponses mocks = MockedResponses.create();
    mocks.onLambda("price-calculator").willInvokeHandler(PriceHandler.class);
    mocks.onState("Notify").willReturn("{}").lenient(); // the failing path never notifies

    ExecutionResult result = run(INVOKE, "{\"sku\": \"s-1\", \"quantity\": \"three\"}", mocks);

    assertThat(result.error()).contains("java.lang.RuntimeException");
    JsonNode cause = Json.parse(result.cause().orElseThrow());
    assertThat(cause.get("errorMessage").textValue()).isEqualTo("An error occurred during JSON parsing");
    assertThat(cause.get("stackTrace")).isEmpty();
    assertThat(cause.at("/cause/errorType").textValue()).isEqualTo("java.io.UncheckedIOException");
    assertThat(cause.at("/cause/cause/errorType").textValue())
        .isEqualTo("com.fasterxml.jackson.databind.exc.InvalidFormatException");
    assertThat(cause.at("/cause/cause/errorMessage").textValue())
        .startsWith("Cannot deserialize value of type `int` from String \"three\"");
  }

  @Test
  void the_context_is_reproducible_and_names_the_function() {
    MockedResponses mocks = MockedResponses.create();
    mocks.onState("Price").willInvokeHandler(ContextHandler.class);

    ExecutionResult result = run(BARE_ARN, "{}", mocks);
    JsonNode first = result.output().orElseThrow();

    assertThat(first.get("function").textValue()).isEqualTo("price-calculator");
    assertThat(first.get("arn").textValue()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:price-calculator");
    assertThat(first.get("version").textValue()).isEqualTo("$LATEST");
    assertThat(first.get("remainingMillis").intValue()).isEqualTo(3000);
    assertThat(first.get("memory").intValue()).isEqualTo(128);
    assertThat(first.get("logGroup").textValue()).isEqualTo("/aws/lambda/price-calculator");
    // A name-based UUID of execution, state and invocation index: the same run gives the same id.
    assertThat(first.get("requestId").textValue()).isEqualTo(UUID.nameUUIDFromBytes(
        (result.executionArn() + "/Price/0").getBytes(StandardCharsets.UTF_8)).toString());
  }

  @Test
  void a_stream_handler_reads_the_event_bytes_and_writes_the_result() {
    MockedResponses mocks = MockedResponses.create();
    mocks.onLambda("price-calculator").willInvokeHandler(EchoStreamHandler.class);
    mocks.onState("Notify").willReturn("{}");

    ExecutionResult result = run(INVOKE, "{\"sku\": \"s-3\"}", mocks);

    assertThat(result.output().orElseThrow().get("Payload")).isEqualTo(Json.parse("{\"received\": {\"sku\": \"s-3\"}}"));
  }

  @Test
  void handlers_from_a_template_are_found_by_function_name_on_first_use() {
    MockedResponses mocks = MockedResponses.create();
    mocks.invokeHandlers(Map.of(
        "price-calculator", PriceHandler.class.getName() + "::handleRequest",
        "other-function", "com.example.NotOnTheClasspath::handleRequest"));
    mocks.onState("Notify").willReturn("{}");

    ExecutionResult result = run(INVOKE, "{\"sku\": \"s-4\", \"quantity\": 1}", mocks);

    assertThat(result.output().orElseThrow().get("Payload")).isEqualTo(Json.parse("{\"sku\": \"s-4\", \"total\": 5}"));
    assertThat(mocks.unusedMocks()).as("template functions are lenient").isEmpty();
  }

  @Test
  void a_template_function_whose_class_is_missing_says_so_when_a_task_reaches_it() {
    MockedResponses mocks = MockedResponses.create();
    mocks.invokeHandlers(Map.of("price-calculator", "com.example.NotOnTheClasspath::handleRequest"));

    TaskOutcome outcome = mocks.invoke(Invocations.lambda("Price", "price-calculator", 0));

    assertThat(outcome).isEqualTo(new TaskOutcome.NotHandled(
        "mocks.onLambda(\"price-calculator\").willInvokeHandler(\"com.example.NotOnTheClasspath::handleRequest\"):"
            + " the handler class com.example.NotOnTheClasspath is not on the test classpath; add the module holding"
            + " the function's code as a test dependency, or mock the function instead"));
  }

  @Test
  void a_handler_on_a_state_that_invokes_no_lambda_function_is_refused_when_the_task_runs() {
    MockedResponses mocks = MockedResponses.create();
    mocks.onState("Notify").willInvokeHandler(PriceHandler.class);

    TaskOutcome outcome = mocks.invoke(Invocations.call("Notify", "arn:aws:states:::sqs:sendMessage", "{}", 0));

    assertThat(outcome).isEqualTo(new TaskOutcome.NotHandled(
        "mocks.onState(\"Notify\").willInvokeHandler(...) runs a Lambda handler, but state 'Notify' calls"
            + " arn:aws:states:::sqs:sendMessage, which invokes no Lambda function; a handler answers only"
            + " arn:aws:states:::lambda:invoke (with Parameters.FunctionName) or a Lambda function ARN"));
  }

  @Test
  void a_class_that_is_no_handler_is_refused_at_once() {
    MockedResponses mocks = MockedResponses.create();
    assertThatThrownBy(() -> mocks.onLambda("f").willInvokeHandler(NotAHandler.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("mocks.onLambda(\"f\").willInvokeHandler(...): io.github.sfntest.mock.LambdaHandlerTest$NotAHandler"
            + " implements neither RequestHandler<I, O> nor RequestStreamHandler (com.amazonaws.services.lambda.runtime);"
            + " only those handlers can run in-process");
    assertThatThrownBy(() -> mocks.onLambda("f").willInvokeHandler(List.of()))
        .hasMessageContaining("java.util.ImmutableCollections$ListN implements neither RequestHandler<I, O>");
  }

  @Test
  void a_handler_without_a_no_argument_constructor_is_refused_at_once() {
    assertThatThrownBy(() -> MockedResponses.create().onLambda("f").willInvokeHandler(NoDefaultConstructor.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("mocks.onLambda(\"f\").willInvokeHandler(...): io.github.sfntest.mock.LambdaHandlerTest$NoDefaultConstructor"
            + " has no public no-argument constructor, which the Lambda runtime needs to create it; add one, or pass"
            + " an instance instead of the class");
  }

  @Test
  void a_handler_name_is_loaded_from_the_classpath_and_must_name_handle_request() {
    MockedResponses mocks = MockedResponses.create();
    assertThatThrownBy(() -> mocks.onLambda("f").willInvokeHandler("com.example.Missing::handleRequest"))
        .hasMessage("mocks.onLambda(\"f\").willInvokeHandler(\"com.example.Missing::handleRequest\"): the handler class"
            + " com.example.Missing is not on the test classpath; add the module holding the function's code as a test"
            + " dependency, or mock the function instead");
    assertThatThrownBy(() -> mocks.onLambda("f").willInvokeHandler(PriceHandler.class.getName() + "::price"))
        .hasMessage("mocks.onLambda(\"f\").willInvokeHandler(\"" + PriceHandler.class.getName() + "::price\"): handler \""
            + PriceHandler.class.getName() + "::price\" names method price; sfn-test runs RequestHandler and"
            + " RequestStreamHandler classes, whose method is handleRequest (implement one of them, or mock the function"
            + " instead)");
  }

  @Test
  void an_exception_from_a_java_answer_has_one_name_in_error_and_error_type() {
    MockedResponses mocks = MockedResponses.create();
    mocks.onState("Price").willAnswer(inv -> {
      throw new IllegalStateException("closed");
    });

    ExecutionResult result = run(BARE_ARN, "{}", mocks);

    assertThat(result.error()).contains("java.lang.IllegalStateException");
    assertThat(Json.parse(result.cause().orElseThrow()).get("errorType").textValue())
        .isEqualTo("java.lang.IllegalStateException");
  }
}

package io.github.sfntest.internal.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.internal.teststate.TestStateWire;
import io.github.sfntest.teststate.TestStateException;
import io.github.sfntest.teststate.TestStateRequest;
import io.github.sfntest.teststate.TestStateResult;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.MockErrorOutput;
import software.amazon.awssdk.services.sfn.model.MockInput;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.TestStateConfiguration;
import software.amazon.awssdk.services.sfn.model.TestStateResponse;

/**
 * TestState through the AWS SDK: a request body (the API's members, as the wire carries them) to
 * the SDK's request, the SDK's response back to the wire document and to a {@link TestStateResult},
 * and the service's refusal to a {@link TestStateException} with its code and message.
 */
public final class SdkTestState {

  private SdkTestState() {}

  /** Sends {@code request} to {@code sfn}'s TestState. */
  public static TestStateResult call(SfnClient sfn, TestStateRequest request) {
    JsonNode answer = send(sfn, TestStateWire.body(request));
    if (answer.has("__type")) {
      throw new TestStateException(answer.get("__type").asText(), answer.path("message").asText());
    }
    return TestStateWire.result(answer);
  }

  /**
   * Sends a TestState request body through the SDK and returns the response document the SDK read
   * (every member under its wire name), or {@code {"__type", "message"}} when the service refused it.
   */
  public static ObjectNode send(SfnClient sfn, JsonNode body) {
    try {
      return SdkJson.toJson(sfn.testState(request(body)));
    } catch (SfnException e) {
      ObjectNode error = io.github.sfntest.internal.json.Json.NODES.objectNode();
      String code = e.awsErrorDetails() != null ? e.awsErrorDetails().errorCode() : null;
      error.put("__type", code != null ? code : "ValidationException");
      error.put("message", e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
          ? e.awsErrorDetails().errorMessage() : e.getMessage());
      return error;
    }
  }

  /** The SDK request for a TestState request body; members the API does not have are left out. */
  public static software.amazon.awssdk.services.sfn.model.TestStateRequest request(JsonNode body) {
    var b = software.amazon.awssdk.services.sfn.model.TestStateRequest.builder()
        .definition(text(body, "definition"))
        .stateName(text(body, "stateName"))
        .roleArn(text(body, "roleArn"))
        .input(text(body, "input"))
        .inspectionLevel(text(body, "inspectionLevel"))
        .variables(text(body, "variables"))
        .context(text(body, "context"));
    if (body.get("revealSecrets") != null && body.get("revealSecrets").isBoolean()) {
      b.revealSecrets(body.get("revealSecrets").asBoolean());
    }
    JsonNode mock = body.get("mock");
    if (mock != null && mock.isObject()) {
      MockInput.Builder m = MockInput.builder()
          .result(text(mock, "result"))
          .fieldValidationMode(text(mock, "fieldValidationMode"));
      JsonNode err = mock.get("errorOutput");
      if (err != null && err.isObject()) {
        m.errorOutput(MockErrorOutput.builder().error(text(err, "error")).cause(text(err, "cause")).build());
      }
      b.mock(m.build());
    }
    JsonNode config = body.get("stateConfiguration");
    if (config != null && config.isObject()) {
      b.stateConfiguration(TestStateConfiguration.builder()
          .retrierRetryCount(integer(config, "retrierRetryCount"))
          .errorCausedByState(text(config, "errorCausedByState"))
          .mapIterationFailureCount(integer(config, "mapIterationFailureCount"))
          .mapItemReaderData(text(config, "mapItemReaderData"))
          .build());
    }
    return b.build();
  }

  /** The response document of an SDK response. */
  public static ObjectNode response(TestStateResponse response) {
    return SdkJson.toJson(response);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  private static Integer integer(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isIntegralNumber() ? v.asInt() : null;
  }
}

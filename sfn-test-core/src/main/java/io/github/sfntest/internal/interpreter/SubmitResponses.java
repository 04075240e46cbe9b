package io.github.sfntest.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.mock.IntegrationResults;
import java.time.Instant;
import java.util.UUID;

/**
 * What the service call of a {@code .waitForTaskToken} or {@code .sync} task returned before the
 * task started waiting (recorded in TaskSubmitted) when a mock only gives the final result: the
 * shapes real services answer with, derived from the parameters so reruns are identical.
 */
public final class SubmitResponses {
  private SubmitResponses() {}

  public static JsonNode forTask(TaskResource resource, JsonNode params, RunSettings settings, Instant now) {
    String action = resource.resource();
    String type = resource.resourceType();
    if ("sqs".equals(type) && action.startsWith("sendMessage")) {
      return IntegrationResults.sqsSendMessage(text(params.get("MessageBody")));
    }
    if ("sns".equals(type) && action.startsWith("publish")) {
      return IntegrationResults.snsPublish(text(params.get("Message")));
    }
    if ("events".equals(type) && action.startsWith("putEvents")) {
      JsonNode entries = params.get("Entries");
      return IntegrationResults.eventBridgePutEvents(entries != null && entries.isArray() ? entries.size() : 1);
    }
    if ("states".equals(type) && action.startsWith("startExecution")) {
      String machineArn = params.path("StateMachineArn").asText("");
      String machineName = machineArn.substring(machineArn.lastIndexOf(':') + 1);
      String name = params.hasNonNull("Name")
          ? params.get("Name").asText()
          : UUID.nameUUIDFromBytes(Json.write(params).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
      return IntegrationResults.stepFunctionsStartExecution(
          "arn:aws:states:" + settings.region() + ":" + settings.account() + ":execution:" + machineName + ":" + name,
          AwsTime.FORMAT.format(now));
    }
    return Json.NODES.objectNode();
  }

  private static String text(JsonNode node) {
    return node == null ? "" : node.isTextual() ? node.asText() : Json.write(node);
  }
}

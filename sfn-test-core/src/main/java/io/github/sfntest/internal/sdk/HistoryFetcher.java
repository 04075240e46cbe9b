package io.github.sfntest.internal.sdk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Fetches the whole {@code GetExecutionHistory} of an execution (every page) as the JSON document
 * {@code aws stepfunctions get-execution-history} prints: {@code {"events": [...]}}.
 */
public final class HistoryFetcher {

  private HistoryFetcher() {}

  public static ObjectNode fetch(SfnClient sfn, String executionArn) {
    List<ObjectNode> events = new ArrayList<>();
    for (HistoryEvent event : sfn.getExecutionHistoryPaginator(b -> b.executionArn(executionArn).maxResults(1000))
        .events()) {
      events.add(SdkJson.toJson(event));
    }
    ObjectNode document = Json.NODES.objectNode();
    document.putArray("events").addAll(events);
    return document;
  }
}

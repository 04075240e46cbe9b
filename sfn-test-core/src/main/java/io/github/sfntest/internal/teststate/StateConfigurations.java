package io.github.sfntest.internal.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.StatesException;
import io.github.sfntest.internal.distributed.ItemReaders;
import io.github.sfntest.internal.distributed.S3Port;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.mock.TaskHandler;
import io.github.sfntest.mock.TaskOutcome;
import io.github.sfntest.teststate.TestStateException;
import io.github.sfntest.teststate.TestStateRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * TestState's {@code errorCausedByState} and {@code mapItemReaderData} (API reference,
 * {@code TestStateConfiguration}): the child state a mocked error of a Map or Parallel comes from,
 * and the data a Distributed Map's ItemReader reads "as found in its original source" instead of
 * reading S3. The reader data is read with the Map's own {@code ReaderConfig} (JSON, JSONL, CSV;
 * {@code listObjectsV2} takes a JSON array of objects) and {@code MaxItems}, so it fixes the number
 * of iterations a mocked Map reports failures against; an unmocked Map run in-process iterates over it.
 */
final class StateConfigurations {

  private StateConfigurations() {}

  /** Refuses a configuration that cannot apply to the tested state, saying which field and why. */
  static void check(TestStateRequest request, TestedState tested) {
    if (request.errorCausedByState().isPresent()) {
      String child = request.errorCausedByState().get();
      if (!tested.isMapOrParallel()) {
        throw validation("stateConfiguration.errorCausedByState names the state a mocked error of a Map or Parallel"
            + " state comes from, but state '" + tested.name + "' is a " + tested.type + " state: leave it out");
      }
      Set<String> children = new LinkedHashSet<>();
      collect(tested.state, children);
      if (!children.contains(child)) {
        throw validation("stateConfiguration.errorCausedByState '" + child + "' is not a state inside " + tested.type
            + " state '" + tested.name + "'; its states are " + children);
      }
    }
    if (request.mapItemReaderData().isPresent() && !(tested.type.equals("Map") && tested.state.has("ItemReader"))) {
      throw validation("stateConfiguration.mapItemReaderData is the data a Map state's ItemReader reads, but state '"
          + tested.name + "' is a " + tested.type + " state without an ItemReader: leave it out");
    }
  }

  /** The number of items the reader data holds, read as the Map's ItemReader reads; -1 without reader data. */
  static int itemCount(TestStateRequest request, TestedState tested) {
    if (request.mapItemReaderData().isEmpty()) {
      return -1;
    }
    return items(tested, request.mapItemReaderData().get()).size();
  }

  /** {@code inner}, with the tested Map's ItemReader calls answered from the reader data. */
  static TaskHandler readerAnswering(TaskHandler inner, TestStateRequest request, TestedState tested) {
    if (request.mapItemReaderData().isEmpty()) {
      return inner;
    }
    String data = request.mapItemReaderData().get();
    String resource = tested.state.path("ItemReader").path("Resource").asText("");
    return invocation -> {
      if (invocation.stateName().equals(TestStateRunner.TESTED) && invocation.resource().equals(resource)) {
        return TaskOutcome.success(resource.contains("listObjectsV2") ? parsed(data) : Json.NODES.textNode(data));
      }
      return inner.invoke(invocation);
    };
  }

  private static List<JsonNode> items(TestedState tested, String data) {
    JsonNode reader = tested.state.get("ItemReader");
    JsonNode config = reader.get("ReaderConfig");
    JsonNode max = config == null ? null : config.get("MaxItems");
    JsonNode params = Json.NODES.objectNode().put("Bucket", "mapItemReaderData").put("Key", "mapItemReaderData")
        .put("Prefix", "");
    try {
      return ItemReaders.read(reader.path("Resource").asText(""), params, config,
          max != null && max.isIntegralNumber() ? max.asLong() : null, port(data));
    } catch (StatesException e) {
      throw validation("stateConfiguration.mapItemReaderData cannot be read as the ItemReader of state '" + tested.name
          + "' reads its source (" + e.getMessage() + ")");
    }
  }

  private static S3Port port(String data) {
    return new S3Port() {
      @Override
      public byte[] getObject(String bucket, String key) {
        return data.getBytes(StandardCharsets.UTF_8);
      }

      @Override
      public List<Listed> listObjects(String bucket, String prefix) {
        List<Listed> listed = new ArrayList<>();
        for (JsonNode o : parsed(data)) {
          listed.add(new Listed(o.path("Key").asText(), o.path("Size").asLong(0), o.path("Etag").asText(""),
              o.hasNonNull("LastModified") ? Instant.parse(o.get("LastModified").asText()) : Instant.EPOCH));
        }
        return listed;
      }

      @Override
      public void putObject(String bucket, String key, String body) {
        throw new UnsupportedOperationException("the reader data is read, never written");
      }
    };
  }

  private static JsonNode parsed(String data) {
    try {
      return Json.parse(data);
    } catch (IllegalArgumentException e) {
      throw validation("stateConfiguration.mapItemReaderData must be JSON for an s3:listObjectsV2 ItemReader: "
          + e.getMessage());
    }
  }

  private static void collect(JsonNode state, Set<String> names) {
    List<JsonNode> scopes = new ArrayList<>();
    scopes.add(state.path("ItemProcessor"));
    scopes.add(state.path("Iterator"));
    state.path("Branches").forEach(scopes::add);
    for (JsonNode scope : scopes) {
      scope.path("States").properties().forEach(e -> {
        names.add(e.getKey());
        collect(e.getValue(), names);
      });
    }
  }

  private static TestStateException validation(String message) {
    return new TestStateException("ValidationException", message);
  }
}

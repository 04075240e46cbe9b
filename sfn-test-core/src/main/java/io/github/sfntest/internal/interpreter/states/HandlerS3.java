package io.github.sfntest.internal.interpreter.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.internal.distributed.S3Port;
import io.github.sfntest.internal.interpreter.StateEntry;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.mock.TaskInvocation;
import io.github.sfntest.mock.TaskOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Without an S3 fixture the task handler answers the reader's S3 call, like a Task with the
 * reader's Resource: a mock returns the object body (text, JSON, or {"Body": ...}) for
 * getObject, and {"Contents": [...]} (or an array) for listObjectsV2.
 */
final class HandlerS3 implements S3Port {

  /** Thrown when an ItemReader has neither an S3 fixture nor a mock to read from. */
  static final class MissingS3Mock extends RuntimeException {
    MissingS3Mock(String message) {
      super(message, null, false, false);
    }
  }

  private final StateContext ctx;
  private final StateEntry entry;
  private final String resource;

  HandlerS3(StateContext ctx, StateEntry entry, String resource) {
    this.ctx = ctx;
    this.entry = entry;
    this.resource = resource;
  }

  private JsonNode call(ObjectNode params) {
    String stateName = entry.state.name();
    int invocation = ctx.nextInvocation(stateName);
    TaskOutcome outcome;
    try {
      outcome = ctx.invoke(new TaskInvocation(ctx.settings().stateMachineName(), ctx.settings().executionArn(),
          stateName, resource, params, invocation, entry.retryCount, java.util.Optional.empty(), ctx.now()));
    } catch (RuntimeException e) {
      throw new S3Error(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    if (outcome instanceof TaskOutcome.Success success) {
      return success.output();
    }
    if (outcome instanceof TaskOutcome.Failure failure) {
      throw new S3Error(failure.cause() != null ? failure.cause() : String.valueOf(failure.error()));
    }
    throw new MissingS3Mock("The ItemReader of Distributed Map state '" + stateName + "' calls " + resource
        + " with " + Json.write(params) + ", but no S3 fixture was given (StartRequest.withS3(InMemoryS3)) and no "
        + "mock answers that call"
        + (outcome instanceof TaskOutcome.NotHandled nh && nh.reason() != null ? ": " + nh.reason() : "."));
  }

  @Override
  public byte[] getObject(String bucket, String key) {
    ObjectNode params = Json.NODES.objectNode();
    params.put("Bucket", bucket);
    params.put("Key", key);
    JsonNode out = call(params);
    JsonNode body = out.isObject() && out.has("Body") ? out.get("Body") : out;
    String text = body.isTextual() ? body.asText() : Json.write(body);
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public List<Listed> listObjects(String bucket, String prefix) {
    ObjectNode params = Json.NODES.objectNode();
    params.put("Bucket", bucket);
    if (prefix != null && !prefix.isEmpty()) {
      params.put("Prefix", prefix);
    }
    JsonNode out = call(params);
    JsonNode contents = out.isArray() ? out : out.path("Contents");
    List<Listed> listed = new ArrayList<>();
    for (JsonNode o : contents) {
      Instant modified = null;
      if (o.hasNonNull("LastModified")) {
        try {
          modified = Instant.parse(o.get("LastModified").asText());
        } catch (DateTimeParseException e) {
          modified = null;
        }
      }
      listed.add(new Listed(o.path("Key").asText(), o.path("Size").asLong(0),
          o.path("ETag").asText(o.path("Etag").asText("")), modified));
    }
    return listed;
  }

  @Override
  public void putObject(String bucket, String key, String body) {
    throw new UnsupportedOperationException("readers do not write");
  }
}

package io.github.sfntest.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.history.HistoryEvent;
import io.github.sfntest.internal.json.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/** Shapes of the AWS JSON 1.0 answers shared by the actions: objects, timestamps, pages, events. */
final class Wire {

  private static final String TOKEN_PREFIX = "sfn-test:";
  private static final String KEY_TOKEN_PREFIX = "sfn-test:below:";

  private Wire() {}

  static ObjectNode obj() {
    return Json.NODES.objectNode();
  }

  /** Epoch seconds with millisecond precision, as the AWS JSON protocols send timestamps. */
  static JsonNode epoch(Instant instant) {
    return Json.NODES.numberNode(BigDecimal.valueOf(instant.toEpochMilli(), 3));
  }

  /** {@code {"included": true}}, the details of a payload sent in full. */
  static ObjectNode included() {
    ObjectNode node = obj();
    node.put("included", true);
    return node;
  }

  /** The page size a list action uses: {@code maxResults}, where 0 (absent) means AWS's 100. */
  static int pageSize(int maxResults) {
    return maxResults == 0 ? 100 : maxResults;
  }

  /** Writes one page of {@code items} (nextToken = base64 offset) and the next token if any. */
  /**
   * One page of a state machine's versions or aliases, as ListStateMachineVersions/Aliases answer:
   * {@code {listName: [{arnField, creationDate}], nextToken}}.
   */
  static <T> ObjectNode pageOfMachine(Req r, ServiceContext ctx, java.util.function.Function<StateMachineRecord, List<T>> items,
      String listName, String arnField, java.util.function.Function<T, String> arn,
      java.util.function.Function<T, java.time.Instant> created) {
    String machineArn = r.required("stateMachineArn", 256);
    int max = r.integer("maxResults", 0, 1000, 0);
    String nextToken = r.str("nextToken", 1024);
    StateMachineRecord machine = ctx.machines().get(machineArn);
    ObjectNode out = obj();
    com.fasterxml.jackson.databind.node.ArrayNode list = out.putArray(listName);
    page(items.apply(machine), nextToken, pageSize(max), out, item -> {
      ObjectNode entry = list.addObject();
      entry.put(arnField, arn.apply(item));
      entry.set("creationDate", epoch(created.apply(item)));
    });
    return out;
  }

  static <T> void page(List<T> items, String nextToken, int pageSize, ObjectNode out, Consumer<T> write) {
    int from = nextToken == null ? 0 : offset(nextToken, items.size());
    int to = Math.min(items.size(), from + pageSize);
    for (int i = from; i < to; i++) {
      write.accept(items.get(i));
    }
    if (to < items.size()) {
      out.put("nextToken", Base64.getUrlEncoder().withoutPadding()
          .encodeToString((TOKEN_PREFIX + to).getBytes(StandardCharsets.UTF_8)));
    }
  }

  /**
   * Writes one page of {@code items}, listed by descending {@code key} (newest first), and the
   * next token: the key of the last item written. The next page starts below that key, so items
   * added meanwhile (with higher keys) neither repeat nor shift the rest.
   */
  static <T> void pageByKey(List<T> items, String nextToken, int pageSize, ObjectNode out, ToLongFunction<T> key,
      Consumer<T> write) {
    long below = nextToken == null ? Long.MAX_VALUE : keyOf(nextToken);
    int written = 0;
    T last = null;
    boolean more = false;
    for (T item : items) {
      if (key.applyAsLong(item) >= below) {
        continue;
      }
      if (written == pageSize) {
        more = true;
        break;
      }
      write.accept(item);
      last = item;
      written++;
    }
    if (more) {
      out.put("nextToken", Base64.getUrlEncoder().withoutPadding()
          .encodeToString((KEY_TOKEN_PREFIX + key.applyAsLong(last)).getBytes(StandardCharsets.UTF_8)));
    }
  }

  private static long keyOf(String nextToken) {
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(nextToken), StandardCharsets.UTF_8);
      if (!decoded.startsWith(KEY_TOKEN_PREFIX)) {
        throw new IllegalArgumentException();
      }
      return Long.parseLong(decoded.substring(KEY_TOKEN_PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new ApiException("InvalidToken", "Invalid Token: 'Invalid pagination token'");
    }
  }

  private static int offset(String nextToken, int size) {
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(nextToken), StandardCharsets.UTF_8);
      if (!decoded.startsWith(TOKEN_PREFIX)) {
        throw new IllegalArgumentException();
      }
      int from = Integer.parseInt(decoded.substring(TOKEN_PREFIX.length()));
      if (from < 0 || from > size) {
        throw new IllegalArgumentException();
      }
      return from;
    } catch (IllegalArgumentException e) {
      throw new ApiException("InvalidToken", "Invalid Token: 'Invalid pagination token'");
    }
  }

  /** One history event on the wire: epoch-seconds timestamp, payloads dropped without execution data. */
  static ObjectNode eventJson(HistoryEvent event, boolean includeData) {
    ObjectNode node = event.toJson();
    node.set("timestamp", epoch(event.timestamp()));
    if (!includeData) {
      event.type().detailsKey().ifPresent(key -> {
        JsonNode details = node.get(key);
        if (details instanceof ObjectNode d) {
          ObjectNode copy = d.deepCopy();
          copy.remove(List.of("input", "output"));
          node.set(key, copy);
        }
      });
    }
    return node;
  }

  /** Waits between two polls; an interrupted wait answers 503, as a server going away does. */
  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException("ServiceUnavailable", 503, "Interrupted");
    }
  }
}

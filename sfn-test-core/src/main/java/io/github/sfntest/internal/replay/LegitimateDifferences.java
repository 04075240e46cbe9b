package io.github.sfntest.internal.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.internal.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a recorded and a replayed value are the same up to what may differ legitimately
 * between a real execution and its replay, in the spirit of the conformance corpus's {@code
 * compare.py}:
 *
 * <ul>
 *   <li>ISO-8601 timestamps anywhere in strings: the replay runs on a virtual clock and tasks take
 *       no time, so entered times and dates inside payloads differ;
 *   <li>task tokens (string values under a key containing {@code token}) and UUIDs: generated;
 *   <li>ARNs: partition, region and account may differ (anonymised recordings, another account),
 *       and the names in Step Functions ARNs (execution, state machine, Map Run, activity) are
 *       the replay's own;
 *   <li>placeholders a recording was anonymised with ({@code <ExecArn>}, {@code <uuid:1>}): each
 *       {@code <...>} token of a recorded string stands for any text;
 *   <li>form: a payload printed as a JSON string equals the parsed value, {@code 1} equals {@code
 *       1.0}, and object key order never matters;
 *   <li>fields the user names with {@code ignoring}: a bare name ({@code requestId}) at any depth,
 *       or a path from the payload root ({@code $.order.createdAt}).
 * </ul>
 */
public final class LegitimateDifferences {

  private static final Pattern TIMESTAMP =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:?\\d{2})");
  private static final Pattern UUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final String SEGMENT = "(?:<[^>]*>|[A-Za-z0-9-]*)";
  private static final Pattern ARN = Pattern.compile(
      "arn:" + SEGMENT + ":(" + SEGMENT + "):" + SEGMENT + ":" + SEGMENT + ":([^\\s\"]*)");
  private static final java.util.Set<String> NAMED_STATES_RESOURCES =
      java.util.Set.of("execution", "express", "stateMachine", "mapRun", "activity");
  private static final Pattern PLACEHOLDER = Pattern.compile("<[^<>\\s]+>");

  private final List<String> ignoredNames = new ArrayList<>();
  private final List<List<String>> ignoredPaths = new ArrayList<>();
  private final List<Pattern> placeholders = new ArrayList<>();

  public LegitimateDifferences(List<String> ignoredFields) {
    this(ignoredFields, List.of());
  }

  /**
   * @param placeholders literal stand-ins an anonymised recording used (e.g. {@code sqs_queue_url}):
   *     wherever one appears in a recorded string, as the whole value or as a word inside it, it
   *     stands for any text
   */
  public LegitimateDifferences(List<String> ignoredFields, java.util.Collection<String> placeholders) {
    placeholders.stream().filter(p -> !p.isBlank()).sorted((a, b) -> b.length() - a.length())
        .forEach(p -> this.placeholders.add(Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(p) + "(?![A-Za-z0-9_])")));
    for (String field : ignoredFields) {
      String f = field.strip();
      if (f.startsWith("$.")) {
        ignoredPaths.add(List.of(f.substring(2).split("\\.")));
      } else if (f.contains(".")) {
        ignoredPaths.add(List.of(f.split("\\.")));
      } else if (!f.isEmpty() && !f.equals("$")) {
        ignoredNames.add(f);
      }
    }
  }

  /** {@code value} without the ignored fields. */
  public JsonNode withoutIgnored(JsonNode value) {
    if (value == null || (ignoredNames.isEmpty() && ignoredPaths.isEmpty())) {
      return value;
    }
    JsonNode copy = value.deepCopy();
    for (List<String> path : ignoredPaths) {
      removePath(copy, path, 0);
    }
    removeNames(copy);
    return copy;
  }

  private static void removePath(JsonNode node, List<String> path, int at) {
    if (!(node instanceof ObjectNode object)) {
      return;
    }
    if (at == path.size() - 1) {
      object.remove(path.get(at));
    } else {
      removePath(object.get(path.get(at)), path, at + 1);
    }
  }

  private void removeNames(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove(ignoredNames);
      object.forEach(this::removeNames);
    } else if (node instanceof ArrayNode array) {
      array.forEach(this::removeNames);
    }
  }

  /** True when {@code replayed} is the {@code recorded} value up to legitimate differences. */
  public boolean same(JsonNode recorded, JsonNode replayed) {
    return matches(withoutIgnored(recorded), withoutIgnored(replayed), null);
  }

  private boolean matches(JsonNode recorded, JsonNode replayed, String key) {
    if (recorded == null || replayed == null) {
      return recorded == replayed || (recorded != null && recorded.isNull()) || (replayed != null && replayed.isNull());
    }
    if (recorded.isTextual() && replayed.isTextual()) {
      return strings(recorded.asText(), replayed.asText(), key);
    }
    if (recorded.isTextual() != replayed.isTextual()) {
      // A recording may hold a payload as a JSON string or parsed, or a bare placeholder for a value.
      if (recorded.isTextual() && isBarePlaceholder(recorded.asText())) {
        return true;
      }
      JsonNode r = recorded.isTextual() ? Events.parseOrText(recorded.asText()) : recorded;
      JsonNode p = replayed.isTextual() ? Events.parseOrText(replayed.asText()) : replayed;
      return r.isTextual() == p.isTextual() && !r.isTextual() && matches(r, p, key);
    }
    if (recorded.isNumber() && replayed.isNumber()) {
      return recorded.decimalValue().compareTo(replayed.decimalValue()) == 0;
    }
    if (recorded.isObject() && replayed.isObject()) {
      if (recorded.size() != replayed.size()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = recorded.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        JsonNode other = replayed.get(field.getKey());
        if (other == null || !matches(field.getValue(), other, field.getKey())) {
          return false;
        }
      }
      return true;
    }
    if (recorded.isArray() && replayed.isArray()) {
      if (recorded.size() != replayed.size()) {
        return false;
      }
      for (int i = 0; i < recorded.size(); i++) {
        if (!matches(recorded.get(i), replayed.get(i), null)) {
          return false;
        }
      }
      return true;
    }
    return recorded.equals(replayed);
  }

  private boolean strings(String recorded, String replayed, String key) {
    if (recorded.equals(replayed)) {
      return true;
    }
    if (key != null && key.toLowerCase(Locale.ROOT).contains("token")) {
      return true;
    }
    if ((recorded.startsWith("{") || recorded.startsWith("[")) && (replayed.startsWith("{") || replayed.startsWith("["))) {
      JsonNode r = Events.parseOrText(recorded);
      JsonNode p = Events.parseOrText(replayed);
      if (!r.isTextual() && !p.isTextual()) {
        return matches(r, p, key);
      }
    }
    String r = canonical(withPlaceholders(recorded));
    String p = canonical(replayed);
    if (r.equals(p)) {
      return true;
    }
    return PLACEHOLDER.matcher(r).find() && wildcard(r).matcher(p).matches();
  }

  private boolean isBarePlaceholder(String text) {
    return PLACEHOLDER.matcher(text).matches() || PLACEHOLDER.matcher(withPlaceholders(text)).matches();
  }

  /** The recorded text with the configured stand-ins written as {@code <...>} tokens. */
  private String withPlaceholders(String recorded) {
    String out = recorded;
    for (Pattern p : placeholders) {
      out = p.matcher(out).replaceAll("<placeholder>");
    }
    return out;
  }

  /** The string with timestamps, UUIDs and the variable parts of ARNs replaced by placeholders. */
  static String canonical(String text) {
    String out = TIMESTAMP.matcher(text).replaceAll("<timestamp>");
    Matcher arn = ARN.matcher(out);
    StringBuilder sb = new StringBuilder();
    while (arn.find()) {
      String service = arn.group(1);
      String resource = arn.group(2);
      String replacement;
      if (service.equals("states")) {
        int colon = resource.indexOf(':');
        String kind = colon < 0 ? resource : resource.substring(0, colon);
        replacement = "arn:<partition>:states:<region>:<account>:"
            + (NAMED_STATES_RESOURCES.contains(kind) ? kind + ":<name>" : resource);
      } else {
        replacement = "arn:<partition>:" + service + ":<region>:<account>:" + resource;
      }
      arn.appendReplacement(sb, Matcher.quoteReplacement(replacement));
    }
    arn.appendTail(sb);
    return UUID.matcher(sb.toString()).replaceAll("<uuid>");
  }

  private static Pattern wildcard(String recorded) {
    StringBuilder regex = new StringBuilder();
    Matcher m = PLACEHOLDER.matcher(recorded);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(recorded.substring(last, m.start()))).append("(?s:.*?)");
      last = m.end();
    }
    regex.append(Pattern.quote(recorded.substring(last)));
    return Pattern.compile(regex.toString());
  }

  /** A compact rendering of {@code value} without the ignored fields, for reports. */
  public String render(JsonNode value) {
    return value == null ? "(none)" : Json.write(withoutIgnored(value));
  }
}

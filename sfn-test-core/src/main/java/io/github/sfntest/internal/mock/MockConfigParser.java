package io.github.sfntest.internal.mock;

import io.github.sfntest.internal.text.NearMiss;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.mock.MockConfigException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a MockConfigFile the way AWS Step Functions Local reads it, and rejects what it cannot mean.
 *
 * <p>Accepted: {@code {"StateMachines": {SM: {"TestCases": {Case: {State: ResponseName}}}},
 * "MockedResponses": {ResponseName: {"0": {"Return": any JSON}, "1-2": {"Throw": {"Error"?,
 * "Cause"?}}}}}}. Keys are a non-negative integer or an inclusive range {@code a-b} with {@code a <=
 * b}; gaps between keys are allowed (an invocation that falls in a gap fails at run time, as in Step
 * Functions Local); a response with no keys is allowed (it fails when used). Rejected, each with its
 * location: invalid JSON, duplicate members, a missing or non-object section, unknown members, a
 * test case naming a response that does not exist, keys that are not numbers or ranges, reversed or
 * overlapping ranges, an entry with both or neither of Return/Throw, a Throw that is not an object or
 * whose Error/Cause is not a string.
 */
public final class MockConfigParser {

  private static final Pattern KEY = Pattern.compile("(0|[1-9][0-9]{0,8})(?:-(0|[1-9][0-9]{0,8}))?");
  private static final String SHAPE =
      "a MockConfigFile is {\"StateMachines\": {\"<StateMachineName>\": {\"TestCases\": {\"<TestCaseName>\":"
          + " {\"<StateName>\": \"<ResponseName>\"}}}}, \"MockedResponses\": {\"<ResponseName>\": {\"0\":"
          + " {\"Return\": <result>}}}}";

  private final LocatedJson json;

  private MockConfigParser(LocatedJson json) {
    this.json = json;
  }

  public static MockConfig parse(String source, String text) {
    return new MockConfigParser(LocatedJson.parse(source, text)).config();
  }

  /** Parses file bytes: strict UTF-8 first, so a bad byte is reported with its line and column. */
  public static MockConfig parse(String source, byte[] bytes) {
    String text;
    try {
      text = io.github.sfntest.internal.json.Utf8.decode(bytes, "the file");
    } catch (IllegalArgumentException e) {
      java.util.regex.Matcher at = Pattern.compile("line (\\d+), column (\\d+)").matcher(e.getMessage());
      boolean found = at.find();
      throw new MockConfigException(
          source,
          "",
          found ? Integer.parseInt(at.group(1)) : 1,
          found ? Integer.parseInt(at.group(2)) : 1,
          e.getMessage(),
          "a MockConfigFile is JSON text in UTF-8; re-save it as UTF-8");
    }
    return parse(source, text);
  }

  private MockConfig config() {
    JsonNode root = json.root();
    if (!root.isObject()) {
      throw json.errorAt("", "the document is " + kind(root) + ", not an object", SHAPE);
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!name.equals("StateMachines") && !name.equals("MockedResponses")) {
        throw json.errorAtName(
            "/" + LocatedJson.escape(name),
            "unknown top-level member \"" + name + "\"",
            suggest(name, List.of("StateMachines", "MockedResponses"))
                + "the top level has only \"StateMachines\" and \"MockedResponses\"");
      }
    }
    JsonNode machines = requireObject(root, "StateMachines", "", SHAPE);
    JsonNode responses = requireObject(root, "MockedResponses", "", SHAPE);

    Map<String, ResponseSequence> parsedResponses = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = responses.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      parsedResponses.put(
          e.getKey(), response("/MockedResponses/" + LocatedJson.escape(e.getKey()), e.getValue()));
    }

    Map<String, Map<String, Map<String, String>>> parsedMachines = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = machines.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> sm = it.next();
      String smPtr = "/StateMachines/" + LocatedJson.escape(sm.getKey());
      if (!sm.getValue().isObject()) {
        throw json.errorAt(
            smPtr,
            "state machine \"" + sm.getKey() + "\" is " + kind(sm.getValue()) + ", not an object",
            "write \"" + sm.getKey() + "\": {\"TestCases\": {\"<TestCaseName>\": {\"<StateName>\": \"<ResponseName>\"}}}");
      }
      onlyMembers(sm.getValue(), smPtr, List.of("TestCases"), "in state machine \"" + sm.getKey() + "\"",
          "a state machine entry has only \"TestCases\"");
      JsonNode cases =
          requireObject(
              sm.getValue(),
              "TestCases",
              smPtr,
              "write \"" + sm.getKey() + "\": {\"TestCases\": {\"<TestCaseName>\": {\"<StateName>\": \"<ResponseName>\"}}}");
      Map<String, Map<String, String>> parsedCases = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> cit = cases.properties().iterator(); cit.hasNext(); ) {
        Map.Entry<String, JsonNode> tc = cit.next();
        String tcPtr = smPtr + "/TestCases/" + LocatedJson.escape(tc.getKey());
        if (!tc.getValue().isObject()) {
          throw json.errorAt(
              tcPtr,
              "test case \"" + tc.getKey() + "\" is " + kind(tc.getValue()) + ", not an object",
              "a test case maps state names to response names: {\"<StateName>\": \"<ResponseName>\"}");
        }
        Map<String, String> states = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> sit = tc.getValue().properties().iterator(); sit.hasNext(); ) {
          Map.Entry<String, JsonNode> st = sit.next();
          String stPtr = tcPtr + "/" + LocatedJson.escape(st.getKey());
          if (!st.getValue().isTextual()) {
            throw json.errorAt(
                stPtr,
                "state \"" + st.getKey() + "\" maps to " + kind(st.getValue()) + ", not to a response name",
                "write the name of an entry of \"MockedResponses\", e.g. \"" + st.getKey() + "\": \""
                    + firstOr(parsedResponses, "<ResponseName>") + "\"");
          }
          String responseName = st.getValue().textValue();
          if (!parsedResponses.containsKey(responseName)) {
            throw json.errorAt(
                stPtr,
                "state \"" + st.getKey() + "\" uses the response \"" + responseName
                    + "\", which \"MockedResponses\" does not define",
                suggest(responseName, parsedResponses.keySet())
                    + "defined responses: " + NearMiss.quotedList(parsedResponses.keySet()));
          }
          states.put(st.getKey(), responseName);
        }
        parsedCases.put(tc.getKey(), states);
      }
      parsedMachines.put(sm.getKey(), parsedCases);
    }
    return new MockConfig(json.source(), parsedMachines, parsedResponses);
  }

  private ResponseSequence response(String ptr, JsonNode node) {
    if (!node.isObject()) {
      throw json.errorAt(
          ptr,
          "a mocked response is " + kind(node) + ", not an object keyed by invocation index",
          "write e.g. {\"0\": {\"Return\": {...}}, \"1-2\": {\"Throw\": {\"Error\": \"...\", \"Cause\": \"...\"}}}");
    }
    List<ResponseStep> steps = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      String keyPtr = ptr + "/" + LocatedJson.escape(key);
      Matcher m = KEY.matcher(key);
      if (!m.matches()) {
        throw json.errorAtName(
            keyPtr,
            "\"" + key + "\" is not an invocation index or range",
            "keys are 0-based invocation numbers such as \"0\" or inclusive ranges such as \"1-3\""
                + " (digits only, no spaces, no leading zeros)");
      }
      int from = Integer.parseInt(m.group(1));
      int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
      if (to < from) {
        throw json.errorAtName(
            keyPtr,
            "the range \"" + key + "\" ends before it starts",
            "write the smaller number first: \"" + to + "-" + from + "\"");
      }
      ResponseStep step = new ResponseStep(from, to, entry(keyPtr, e.getValue()), Duration.ZERO);
      for (int i = 0; i < steps.size(); i++) {
        ResponseStep other = steps.get(i);
        if (from <= other.to() && other.from() <= to) {
          throw json.errorAtName(
              keyPtr,
              "the invocations of \"" + key + "\" overlap \"" + other.key() + "\"",
              "each invocation index may have only one response; make the ranges disjoint");
        }
      }
      steps.add(step);
    }
    return new ResponseSequence(steps);
  }

  private MockResponse entry(String ptr, JsonNode node) {
    if (!node.isObject()) {
      throw json.errorAt(
          ptr,
          "the response for invocation(s) " + lastToken(ptr) + " is " + kind(node) + ", not an object",
          "write {\"Return\": <result>} or {\"Throw\": {\"Error\": \"...\", \"Cause\": \"...\"}}");
    }
    boolean hasReturn = node.has("Return");
    boolean hasThrow = node.has("Throw");
    onlyMembers(node, ptr, List.of("Return", "Throw"), "in a response",
        "a response has exactly one of \"Return\" or \"Throw\"");
    if (hasReturn && hasThrow) {
      throw json.errorAt(
          ptr,
          "a response has both \"Return\" and \"Throw\"",
          "keep one of them; to return on some invocations and throw on others use separate keys,"
              + " e.g. \"0\" and \"1-2\"");
    }
    if (!hasReturn && !hasThrow) {
      throw json.errorAt(
          ptr,
          "a response has neither \"Return\" nor \"Throw\"",
          "write {\"Return\": <result>} or {\"Throw\": {\"Error\": \"...\", \"Cause\": \"...\"}}");
    }
    if (hasReturn) {
      return new MockResponse.Return(node.get("Return"));
    }
    String throwPtr = ptr + "/Throw";
    JsonNode t = node.get("Throw");
    if (!t.isObject()) {
      throw json.errorAt(
          throwPtr,
          "\"Throw\" is " + kind(t) + ", not an object",
          "write \"Throw\": {\"Error\": \"MyError\", \"Cause\": \"why it failed\"}");
    }
    onlyMembers(t, throwPtr, List.of("Error", "Cause"), "in \"Throw\"", "\"Throw\" has only \"Error\" and \"Cause\"");
    return new MockResponse.Throw(text(t, "Error", throwPtr), text(t, "Cause", throwPtr));
  }

  private String text(JsonNode obj, String name, String ptr) {
    JsonNode v = obj.get(name);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      throw json.errorAt(
          ptr + "/" + name,
          "\"" + name + "\" is " + kind(v) + ", not a string",
          "Step Functions error names and causes are strings; to pass JSON as the cause, write it as"
              + " a string, e.g. \"Cause\": \"{\\\"code\\\": 42}\"");
    }
    return v.textValue();
  }

  private JsonNode requireObject(JsonNode parent, String name, String parentPtr, String hint) {
    JsonNode v = parent.get(name);
    if (v == null) {
      throw json.errorAt(parentPtr, "the member \"" + name + "\" is missing", hint);
    }
    if (!v.isObject()) {
      throw json.errorAt(parentPtr + "/" + name, "\"" + name + "\" is " + kind(v) + ", not an object", hint);
    }
    return v;
  }

  /** Fails at the first member of {@code node} that is not one of {@code allowed}. */
  private void onlyMembers(JsonNode node, String ptr, List<String> allowed, String where, String rule) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        throw json.errorAtName(ptr + "/" + LocatedJson.escape(name), "unknown member \"" + name + "\" " + where,
            suggest(name, allowed) + rule);
      }
    }
  }

  private static String suggest(String name, java.util.Collection<String> known) {
    String best = NearMiss.best(name, known).orElse(null);
    return best == null ? "" : "did you mean \"" + best + "\"? ";
  }

  private static String firstOr(Map<String, ?> map, String fallback) {
    return map.isEmpty() ? fallback : map.keySet().iterator().next();
  }

  private static String lastToken(String ptr) {
    return "\"" + ptr.substring(ptr.lastIndexOf('/') + 1) + "\"";
  }

  static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      case OBJECT -> "an object";
      default -> "a " + node.getNodeType().name().toLowerCase();
    };
  }
}

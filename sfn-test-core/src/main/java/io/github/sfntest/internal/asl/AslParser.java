package io.github.sfntest.internal.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.jsonpath.PathFields;
import io.github.sfntest.internal.query.Condition;
import io.github.sfntest.internal.query.Query;
import io.github.sfntest.internal.query.ValueExpr;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a definition's JSON tree into the immutable model, compiling every expression once.
 *
 * <p>It runs only on definitions the validator ({@code internal.validation}) has accepted, and
 * trusts it: required fields are present, types and query languages are valid, arrays are
 * non-empty. It refuses (naming the JSON pointer) only an expression it cannot compile.
 */
public final class AslParser {

  private AslParser() {}

  public static StateMachineModel parse(JsonNode root) {
    QueryLanguage language = language(root, QueryLanguage.JSONPATH);
    Branch branch = branch(root, "", language);
    JsonNode timeoutNode = root.get("TimeoutSeconds");
    Integer timeout = timeoutNode != null && timeoutNode.isNumber() ? timeoutNode.asInt() : null;
    return new StateMachineModel(
        text(root, "Comment"), branch, timeout, text(root, "Version"), language, root);
  }

  static Branch branch(JsonNode node, String pointer, QueryLanguage language) {
    String startAt = text(node, "StartAt");
    JsonNode states = node.get("States");
    Map<String, State> parsed = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = states.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String statePointer = pointer + "/States/" + escape(e.getKey());
      parsed.put(e.getKey(), state(e.getKey(), e.getValue(), statePointer, language));
    }
    return new Branch(startAt, Map.copyOf(parsed));
  }

  private static State state(String name, JsonNode node, String pointer, QueryLanguage inherited) {
    StateType type = StateType.of(text(node, "Type"));
    QueryLanguage language = language(node, inherited);
    boolean jsonata = language == QueryLanguage.JSONATA;
    State.Common common =
        new State.Common(
            name,
            type,
            language,
            text(node, "Next"),
            node.path("End").asBoolean(false),
            selector(node, "InputPath", pointer),
            selector(node, "OutputPath", pointer),
            resultPath(node, pointer),
            template(node.get("Parameters")),
            template(node.get("ResultSelector")),
            assign(node.get("Assign"), jsonata),
            jsonata(node.get("Arguments"), "Arguments"),
            jsonata(node.get("Output"), "Output"),
            retriers(node.get("Retry")),
            catchers(node.get("Catch"), pointer + "/Catch", jsonata));
    return switch (type) {
      case PASS -> new State.Pass(common, node.get("Result"));
      case SUCCEED -> new State.Succeed(common);
      case TASK -> task(common, node);
      case CHOICE -> choice(common, node, pointer, jsonata);
      case WAIT -> wait(common, node, pointer, jsonata);
      case FAIL -> fail(common, node, jsonata);
      case PARALLEL -> parallel(common, node, pointer, language);
      case MAP -> map(common, node, pointer, language);
    };
  }

  private static State task(State.Common common, JsonNode node) {
    boolean jsonata = common.jsonata();
    JsonNode timeout = node.get("TimeoutSeconds");
    JsonNode heartbeat = node.get("HeartbeatSeconds");
    return new State.Task(
        common,
        text(node, "Resource"),
        timeout != null && timeout.isIntegralNumber() ? timeout.asInt() : null,
        text(node, "TimeoutSecondsPath"),
        jsonata && timeout != null && timeout.isTextual() ? Query.jsonata(timeout, "TimeoutSeconds") : null,
        heartbeat != null && heartbeat.isIntegralNumber() ? heartbeat.asInt() : null,
        text(node, "HeartbeatSecondsPath"),
        jsonata && heartbeat != null && heartbeat.isTextual() ? Query.jsonata(heartbeat, "HeartbeatSeconds") : null,
        node.get("Credentials"));
  }

  private static State choice(State.Common common, JsonNode node, String pointer, boolean jsonata) {
    JsonNode choices = node.get("Choices");
    List<State.ChoiceBranch> branches = new ArrayList<>();
    for (int i = 0; i < choices.size(); i++) {
      JsonNode rule = choices.get(i);
      String rulePointer = pointer + "/Choices/" + i;
      Condition condition;
      try {
        condition = jsonata ? Query.jsonataCondition(rule.get("Condition")) : Query.choiceRule(rule);
      } catch (IllegalArgumentException e) {
        throw new AslParseException(rulePointer, e.getMessage());
      }
      branches.add(
          new State.ChoiceBranch(
              condition,
              text(rule, "Next"),
              assign(rule.get("Assign"), jsonata),
              jsonata(rule.get("Output"), "Output")));
    }
    return new State.Choice(common, List.copyOf(branches), text(node, "Default"));
  }

  private static State wait(State.Common common, JsonNode node, String pointer, boolean jsonata) {
    JsonNode seconds = node.get("Seconds");
    JsonNode timestamp = node.get("Timestamp");
    boolean secondsIsExpr = jsonata && seconds != null && seconds.isTextual();
    boolean timestampIsExpr = jsonata && timestamp != null && isJsonataString(timestamp);
    return new State.Wait(
        common,
        seconds != null && seconds.isIntegralNumber() ? seconds.asLong() : null,
        timestamp != null && timestamp.isTextual() && !timestampIsExpr ? timestamp.asText() : null,
        text(node, "SecondsPath"),
        text(node, "TimestampPath"),
        secondsIsExpr ? Query.jsonata(seconds, "Seconds") : null,
        timestampIsExpr ? Query.jsonata(timestamp, "Timestamp") : null);
  }

  private static State fail(State.Common common, JsonNode node, boolean jsonata) {
    JsonNode error = node.get("Error");
    JsonNode cause = node.get("Cause");
    return new State.Fail(
        common,
        error != null && !(jsonata && isJsonataString(error)) ? error.asText() : null,
        cause != null && !(jsonata && isJsonataString(cause)) ? cause.asText() : null,
        text(node, "ErrorPath"),
        text(node, "CausePath"),
        jsonata && error != null && isJsonataString(error) ? Query.jsonata(error, "Error") : null,
        jsonata && cause != null && isJsonataString(cause) ? Query.jsonata(cause, "Cause") : null);
  }

  private static State parallel(State.Common common, JsonNode node, String pointer, QueryLanguage language) {
    JsonNode branches = node.get("Branches");
    List<Branch> parsed = new ArrayList<>();
    for (int i = 0; i < branches.size(); i++) {
      parsed.add(branch(branches.get(i), pointer + "/Branches/" + i, language));
    }
    return new State.Parallel(common, List.copyOf(parsed));
  }

  private static State map(State.Common common, JsonNode node, String pointer, QueryLanguage language) {
    boolean jsonata = common.jsonata();
    String processorField = node.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
    JsonNode processor = node.get(processorField);
    JsonNode config = processor.path("ProcessorConfig");
    boolean distributed = "DISTRIBUTED".equals(config.path("Mode").asText("INLINE"));
    JsonNode items = node.get("Items");
    JsonNode maxConcurrency = node.get("MaxConcurrency");
    // Legacy "Parameters" on a Map state is the ItemSelector.
    ValueExpr itemSelector;
    if (jsonata) {
      itemSelector = jsonata(node.get("ItemSelector"), "ItemSelector");
    } else {
      itemSelector = node.has("ItemSelector") ? template(node.get("ItemSelector")) : common.parameters();
    }
    return new State.Map(
        common,
        node.has("ItemsPath") ? selector(node, "ItemsPath", pointer) : null,
        jsonata && items != null ? Query.jsonata(items, "Items", io.github.sfntest.internal.jsonata.JsonataType.ARRAY) : null,
        itemSelector,
        branch(processor, pointer + "/" + processorField, language),
        distributed,
        config.path("ExecutionType").asText(null),
        maxConcurrency != null && maxConcurrency.isIntegralNumber() ? maxConcurrency.asInt() : null,
        text(node, "MaxConcurrencyPath"),
        jsonata && maxConcurrency != null && maxConcurrency.isTextual()
            ? Query.jsonata(maxConcurrency, "MaxConcurrency")
            : null,
        node.get("ItemReader"),
        node.get("ItemBatcher"),
        node.get("ResultWriter"),
        node.get("ToleratedFailureCount"),
        text(node, "ToleratedFailureCountPath"),
        node.get("ToleratedFailurePercentage"),
        text(node, "ToleratedFailurePercentagePath"),
        text(node, "Label"));
  }

  private static List<Retrier> retriers(JsonNode retry) {
    if (retry == null) {
      return List.of();
    }
    List<Retrier> result = new ArrayList<>();
    for (int i = 0; i < retry.size(); i++) {
      JsonNode r = retry.get(i);
      JsonNode backoff = r.get("BackoffRate");
      result.add(
          new Retrier(
              errorEquals(r),
              r.path("IntervalSeconds").asInt(1),
              r.path("MaxAttempts").asInt(3),
              backoff != null && backoff.isNumber() ? backoff.decimalValue() : BigDecimal.valueOf(2),
              r.hasNonNull("MaxDelaySeconds") ? r.get("MaxDelaySeconds").asInt() : null,
              "FULL".equals(r.path("JitterStrategy").asText("NONE"))));
    }
    return List.copyOf(result);
  }

  private static List<Catcher> catchers(JsonNode catchNode, String pointer, boolean jsonata) {
    if (catchNode == null) {
      return List.of();
    }
    List<Catcher> result = new ArrayList<>();
    for (int i = 0; i < catchNode.size(); i++) {
      JsonNode c = catchNode.get(i);
      result.add(
          new Catcher(
              errorEquals(c),
              text(c, "Next"),
              resultPath(c, pointer + "/" + i),
              c.get("Assign"),
              c.get("Output"),
              assign(c.get("Assign"), jsonata),
              jsonata(c.get("Output"), "Output")));
    }
    return List.copyOf(result);
  }

  private static List<String> errorEquals(JsonNode node) {
    JsonNode errors = node.get("ErrorEquals");
    List<String> names = new ArrayList<>();
    errors.forEach(e -> names.add(e.asText()));
    return List.copyOf(names);
  }

  private static PathFields.Selector selector(JsonNode node, String field, String pointer) {
    try {
      return PathFields.selector(node.get(field));
    } catch (IllegalArgumentException e) {
      throw new AslParseException(pointer + "/" + field, e.getMessage());
    }
  }

  private static PathFields.ResultPlacement resultPath(JsonNode node, String pointer) {
    try {
      return PathFields.resultPath(node.get("ResultPath"));
    } catch (IllegalArgumentException e) {
      throw new AslParseException(pointer + "/ResultPath", e.getMessage());
    }
  }

  private static ValueExpr template(JsonNode node) {
    return node == null ? null : Query.template(node);
  }

  private static ValueExpr assign(JsonNode node, boolean jsonata) {
    if (node == null) {
      return null;
    }
    return jsonata ? Query.jsonata(node, "Assign") : Query.template(node);
  }

  private static ValueExpr jsonata(JsonNode node, String field) {
    return node == null ? null : Query.jsonata(node, field);
  }

  static boolean isJsonataString(JsonNode node) {
    if (!node.isTextual()) {
      return false;
    }
    String s = node.asText().strip();
    return s.startsWith("{%") && s.endsWith("%}");
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** The QueryLanguage a state machine or state sets, else the inherited one. */
  private static QueryLanguage language(JsonNode node, QueryLanguage inherited) {
    QueryLanguage declared = QueryLanguage.of(node.path("QueryLanguage").asText(""));
    return declared != null ? declared : inherited;
  }

  static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}

package io.github.sfntest.internal.validation;

import io.github.sfntest.internal.asl.QueryLanguage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which fields each state type accepts, and in which query language. */
final class FieldSpecs {

  private FieldSpecs() {}

  enum Lang {
    BOTH,
    JSONPATH,
    JSONATA;

    boolean allows(QueryLanguage q) {
      return this == BOTH
          || (this == JSONPATH && q == QueryLanguage.JSONPATH)
          || (this == JSONATA && q == QueryLanguage.JSONATA);
    }
  }

  /**
   * The state types, in a fixed order: "belongs to X states" hints name the first type that has a
   * field, and must not depend on a hash order that changes from one JVM run to the next.
   */
  static final Set<String> TYPES = Collections.unmodifiableSet(new LinkedHashSet<>(
      List.of("Task", "Pass", "Wait", "Choice", "Succeed", "Fail", "Parallel", "Map")));

  static final Map<String, Map<String, Lang>> STATE_FIELDS = new LinkedHashMap<>();

  private static Map<String, Lang> fields(String type) {
    Map<String, Lang> m = new LinkedHashMap<>();
    m.put("Type", Lang.BOTH);
    m.put("Comment", Lang.BOTH);
    m.put("QueryLanguage", Lang.BOTH);
    if (!type.equals("Fail")) {
      m.put("InputPath", Lang.JSONPATH);
      m.put("OutputPath", Lang.JSONPATH);
      m.put("Output", Lang.JSONATA);
    }
    if (!type.equals("Fail") && !type.equals("Succeed")) {
      m.put("Assign", Lang.BOTH);
    }
    if (Set.of("Task", "Pass", "Wait", "Map", "Parallel").contains(type)) {
      m.put("Next", Lang.BOTH);
      m.put("End", Lang.BOTH);
    }
    if (Set.of("Task", "Pass", "Map", "Parallel").contains(type)) {
      m.put("Parameters", Lang.JSONPATH);
      m.put("ResultPath", Lang.JSONPATH);
    }
    if (Set.of("Task", "Map", "Parallel").contains(type)) {
      m.put("ResultSelector", Lang.JSONPATH);
      m.put("Retry", Lang.BOTH);
      m.put("Catch", Lang.BOTH);
    }
    if (Set.of("Task", "Parallel").contains(type)) {
      m.put("Arguments", Lang.JSONATA);
    }
    switch (type) {
      case "Task" -> {
        m.put("Resource", Lang.BOTH);
        m.put("TimeoutSeconds", Lang.BOTH);
        m.put("TimeoutSecondsPath", Lang.JSONPATH);
        m.put("HeartbeatSeconds", Lang.BOTH);
        m.put("HeartbeatSecondsPath", Lang.JSONPATH);
        m.put("Credentials", Lang.BOTH);
      }
      case "Pass" -> m.put("Result", Lang.JSONPATH);
      case "Wait" -> {
        m.put("Seconds", Lang.BOTH);
        m.put("Timestamp", Lang.BOTH);
        m.put("SecondsPath", Lang.JSONPATH);
        m.put("TimestampPath", Lang.JSONPATH);
      }
      case "Choice" -> {
        m.put("Choices", Lang.BOTH);
        m.put("Default", Lang.BOTH);
      }
      case "Fail" -> {
        m.put("Error", Lang.BOTH);
        m.put("Cause", Lang.BOTH);
        m.put("ErrorPath", Lang.JSONPATH);
        m.put("CausePath", Lang.JSONPATH);
      }
      case "Parallel" -> m.put("Branches", Lang.BOTH);
      case "Map" -> {
        m.put("Iterator", Lang.BOTH);
        m.put("ItemProcessor", Lang.BOTH);
        m.put("ItemsPath", Lang.JSONPATH);
        m.put("Items", Lang.JSONATA);
        m.put("ItemSelector", Lang.BOTH);
        m.put("MaxConcurrency", Lang.BOTH);
        m.put("MaxConcurrencyPath", Lang.JSONPATH);
        m.put("ItemReader", Lang.BOTH);
        m.put("ItemBatcher", Lang.BOTH);
        m.put("ResultWriter", Lang.BOTH);
        m.put("ToleratedFailurePercentage", Lang.BOTH);
        m.put("ToleratedFailurePercentagePath", Lang.JSONPATH);
        m.put("ToleratedFailureCount", Lang.BOTH);
        m.put("ToleratedFailureCountPath", Lang.JSONPATH);
        m.put("Label", Lang.BOTH);
      }
      default -> {}
    }
    return m;
  }

  static {
    for (String t : TYPES) {
      STATE_FIELDS.put(t, fields(t));
    }
  }

  /** What to use instead of a field that the other query language owns. */
  static String replacement(String field, QueryLanguage mode) {
    if (mode == QueryLanguage.JSONATA) {
      return switch (field) {
        case "Parameters" -> "use Arguments (or ItemSelector in a Map state) with {% %} expressions";
        case "InputPath" -> "read the input with {% $states.input %} in Arguments";
        case "ResultSelector", "OutputPath" -> "use Output with {% $states.result %}";
        case "ResultPath" -> "use Assign or Output to combine input and result";
        case "Result" -> "use Output";
        case "ItemsPath" -> "use Items with a {% %} expression";
        case "TimeoutSecondsPath", "HeartbeatSecondsPath", "SecondsPath", "TimestampPath",
            "MaxConcurrencyPath", "ToleratedFailurePercentagePath", "ToleratedFailureCountPath",
            "ErrorPath", "CausePath" ->
            "use " + field.substring(0, field.length() - 4) + " with a {% %} expression";
        default -> "";
      };
    }
    return switch (field) {
      case "Arguments" -> "use Parameters with \".$\" keys";
      case "Output" -> "use ResultSelector, ResultPath or OutputPath";
      case "Items" -> "use ItemsPath";
      default -> "";
    };
  }

  static final Map<String, Lang> RETRIER =
      Map.of(
          "ErrorEquals", Lang.BOTH,
          "IntervalSeconds", Lang.BOTH,
          "MaxAttempts", Lang.BOTH,
          "BackoffRate", Lang.BOTH,
          "MaxDelaySeconds", Lang.BOTH,
          "JitterStrategy", Lang.BOTH,
          "Comment", Lang.BOTH);

  static final Map<String, Lang> CATCHER =
      Map.of(
          "ErrorEquals", Lang.BOTH,
          "Next", Lang.BOTH,
          "ResultPath", Lang.JSONPATH,
          "Output", Lang.JSONATA,
          "Assign", Lang.BOTH,
          "Comment", Lang.BOTH);

  /** Error names of the States.* namespace that exist. */
  static final Set<String> STATES_ERRORS =
      Set.of(
          "States.ALL",
          "States.HeartbeatTimeout",
          "States.Timeout",
          "States.TaskFailed",
          "States.Permissions",
          "States.ResultPathMatchFailure",
          "States.ParameterPathFailure",
          "States.QueryEvaluationError",
          "States.BranchFailed",
          "States.NoChoiceMatched",
          "States.IntrinsicFailure",
          "States.ExceedToleratedFailureThreshold",
          "States.ItemReaderFailed",
          "States.ResultWriterFailed",
          "States.Runtime",
          "States.DataLimitExceeded",
          "States.Http.Socket");

  /** Kind of literal a Choice comparison operator takes. */
  enum Operand {
    STRING,
    NUMBER,
    BOOLEAN,
    TIMESTAMP,
    PATH,
    TRUE_FALSE
  }

  static final Map<String, Operand> COMPARATORS = new LinkedHashMap<>();

  static {
    for (String op : new String[] {"Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals"}) {
      COMPARATORS.put("String" + op, Operand.STRING);
      COMPARATORS.put("String" + op + "Path", Operand.PATH);
      COMPARATORS.put("Numeric" + op, Operand.NUMBER);
      COMPARATORS.put("Numeric" + op + "Path", Operand.PATH);
      COMPARATORS.put("Timestamp" + op, Operand.TIMESTAMP);
      COMPARATORS.put("Timestamp" + op + "Path", Operand.PATH);
    }
    COMPARATORS.put("StringMatches", Operand.STRING);
    COMPARATORS.put("BooleanEquals", Operand.BOOLEAN);
    COMPARATORS.put("BooleanEqualsPath", Operand.PATH);
    for (String is : new String[] {"IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp"}) {
      COMPARATORS.put(is, Operand.TRUE_FALSE);
    }
  }
}

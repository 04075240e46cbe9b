package io.github.sfntest.internal.validation;

import static io.github.sfntest.internal.validation.LocatedDocument.child;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.definition.Diagnostic;
import io.github.sfntest.definition.Severity;
import io.github.sfntest.internal.validation.FieldSpecs.Lang;
import io.github.sfntest.internal.validation.FieldSpecs.Operand;
import io.github.sfntest.internal.validation.FieldSpecs.QueryLanguage;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The AWS rules, applied to one parsed definition. */
final class Checker {

  static final String SCHEMA = "SCHEMA_VALIDATION_FAILED";
  static final String TRANSITION = "MISSING_TRANSITION_TARGET";

  private static final long MAX_SECONDS = 99_999_999L;
  private static final int MAX_STATE_NAME = 80;
  private static final int MAX_LABEL = 40;
  private static final Pattern LABEL_FORBIDDEN =
      Pattern.compile("[\\s{}\\[\\]*?\"#%\\\\^|~`$&,;:/\\p{Cntrl}]");
  private static final Pattern ARN =
      Pattern.compile("^arn:[^:\\s]+:[^:\\s]+:[^:\\s]*:[^:\\s]*:\\S+$");

  private enum Scope {
    TOP,
    BRANCH,
    ITERATOR,
    ITEM_PROCESSOR
  }

  private final LocatedDocument doc;
  private final List<Diagnostic> out = new ArrayList<>();
  private QueryLanguage top = QueryLanguage.JSONPATH;
  /** A "QueryLanguage" entry was found inside States, where it does not set the language. */
  private boolean misplacedQueryLanguage;
  /** State name -> pointers of the States objects (scopes) that define it. */
  private final Map<String, List<String>> scopesByName = new HashMap<>();

  Checker(LocatedDocument doc) {
    this.doc = doc;
  }

  List<Diagnostic> run() {
    JsonNode root = doc.root();
    if (!root.isObject()) {
      error("", "a definition must be a JSON object with StartAt and States; found " + kind(root));
      return out;
    }
    collectScopes(root, "", 0);
    JsonNode ql = root.get("QueryLanguage");
    if (ql != null && ql.isTextual() && QueryLanguage.of(ql.asText()) != null) {
      top = QueryLanguage.of(ql.asText());
    }
    machine(root, "", Scope.TOP);
    variableScopes(root, "", Map.of());
    return out;
  }

  // ---------------------------------------------------------------- variable scopes

  /**
   * A Parallel branch or Map iteration reads the variables of the scopes around it but cannot
   * assign them: AWS rejects an inner Assign of a name an enclosing scope assigns.
   */
  private void variableScopes(JsonNode machine, String ptr, Map<String, String> outer) {
    JsonNode states = machine.get("States");
    if (states == null || !states.isObject() || ptr.split("/").length > 200) {
      return;
    }
    String statesPtr = child(ptr, "States");
    Map<String, String> here = new java.util.LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = states.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String sp = child(statesPtr, e.getKey());
      JsonNode s = e.getValue();
      if (!s.isObject()) {
        continue;
      }
      assigned(s.get("Assign"), child(sp, "Assign"), outer, here);
      for (String list : new String[] {"Catch", "Choices"}) {
        JsonNode items = s.get(list);
        if (items != null && items.isArray()) {
          for (int i = 0; i < items.size(); i++) {
            assigned(items.get(i).get("Assign"), child(child(child(sp, list), i), "Assign"), outer, here);
          }
        }
      }
    }
    Map<String, String> visible = new java.util.HashMap<>(outer);
    here.forEach(visible::putIfAbsent);
    for (Iterator<Map.Entry<String, JsonNode>> it = states.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String sp = child(statesPtr, e.getKey());
      JsonNode s = e.getValue();
      if (!s.isObject()) {
        continue;
      }
      JsonNode branches = s.get("Branches");
      if (branches != null && branches.isArray()) {
        for (int i = 0; i < branches.size(); i++) {
          variableScopes(branches.get(i), child(child(sp, "Branches"), i), visible);
        }
      }
      for (String f : new String[] {"ItemProcessor", "Iterator"}) {
        if (s.get(f) != null && s.get(f).isObject()) {
          variableScopes(s.get(f), child(sp, f), visible);
        }
      }
    }
  }

  private void assigned(JsonNode assign, String ptr, Map<String, String> outer, Map<String, String> here) {
    if (assign == null || !assign.isObject()) {
      return;
    }
    for (Iterator<String> names = assign.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      String name = key.endsWith(".$") ? key.substring(0, key.length() - 2) : key;
      String keyPtr = child(ptr, key);
      String outerPtr = outer.get(name);
      if (outerPtr != null) {
        keyError(keyPtr, "Variable \"" + name + "\" is assigned in an enclosing scope (" + outerPtr
            + "): a Parallel branch or Map iteration can read the variables around it but cannot assign them;"
            + " use another name, or pass the value out through the state's output");
      }
      here.putIfAbsent(name, keyPtr);
    }
  }

  // ---------------------------------------------------------------- diagnostics

  private void add(String code, Severity severity, String pointer, SourceLocation at, String message) {
    out.add(new Diagnostic(code, severity, pointer, at.line(), at.column(), message));
  }

  private void error(String pointer, String message) {
    add(SCHEMA, Severity.ERROR, pointer, doc.valueAt(pointer), message);
  }

  private void error(String code, String pointer, String message) {
    add(code, Severity.ERROR, pointer, doc.valueAt(pointer), message);
  }

  private void keyError(String pointer, String message) {
    add(SCHEMA, Severity.ERROR, pointer, doc.keyAt(pointer), message);
  }

  private void warning(String code, String pointer, String message) {
    add(code, Severity.WARNING, pointer, doc.valueAt(pointer), message);
  }

  private static String kind(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "nothing";
    }
    if (n.isObject()) {
      return "an object";
    }
    if (n.isArray()) {
      return "an array";
    }
    if (n.isTextual()) {
      return "the string \"" + PathSyntax.abbreviate(n.asText()) + "\"";
    }
    if (n.isNull()) {
      return "null";
    }
    return n.isNumber() ? "the number " + n.asText() : n.isBoolean() ? "the boolean " + n.asText() : n.getNodeType().toString();
  }

  private static String placeholderHint(JsonNode n) {
    if (n != null && n.isTextual() && n.asText().contains("${")) {
      return "; the value looks like an unsubstituted ${...} placeholder: a DefinitionSubstitution"
          + " may be missing";
    }
    return "";
  }

  private static String jsonataHint(JsonNode n, QueryLanguage q) {
    if (q == QueryLanguage.JSONPATH && n != null && n.isTextual() && n.asText().startsWith("{%")) {
      return "; {% %} expressions need \"QueryLanguage\": \"JSONata\"";
    }
    return "";
  }

  // ---------------------------------------------------------------- scopes

  private void collectScopes(JsonNode machine, String ptr, int depth) {
    if (depth > SourceParser.MAX_DEPTH || !machine.isObject()) {
      return;
    }
    JsonNode states = machine.get("States");
    if (states == null || !states.isObject()) {
      return;
    }
    String statesPtr = child(ptr, "States");
    for (Iterator<Map.Entry<String, JsonNode>> it = states.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      scopesByName.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(statesPtr);
      JsonNode s = e.getValue();
      if (!s.isObject()) {
        continue;
      }
      String sp = child(statesPtr, e.getKey());
      for (String f : new String[] {"Iterator", "ItemProcessor"}) {
        if (s.has(f)) {
          collectScopes(s.get(f), child(sp, f), depth + 1);
        }
      }
      JsonNode branches = s.get("Branches");
      if (branches != null && branches.isArray()) {
        for (int i = 0; i < branches.size(); i++) {
          collectScopes(branches.get(i), child(child(sp, "Branches"), i), depth + 1);
        }
      }
    }
  }

  // ---------------------------------------------------------------- machines

  private void machine(JsonNode m, String ptr, Scope scope) {
    Set<String> allowed = new LinkedHashSet<>(List.of("Comment", "StartAt", "States"));
    if (scope == Scope.TOP) {
      allowed.addAll(List.of("TimeoutSeconds", "Version", "QueryLanguage"));
    }
    if (scope == Scope.ITEM_PROCESSOR || scope == Scope.ITERATOR) {
      allowed.add("ProcessorConfig");
    }
    String what =
        switch (scope) {
          case TOP -> "the state machine";
          case BRANCH -> "a Parallel branch";
          case ITERATOR -> "a Map Iterator";
          case ITEM_PROCESSOR -> "a Map ItemProcessor";
        };
    for (Iterator<String> it = m.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        String hint = NearMiss.hint(f, allowed);
        if (hint.isEmpty() && f.equals("QueryLanguage")) {
          hint = "; QueryLanguage is set at the top level of the definition or on each state";
        } else if (hint.isEmpty() && FieldSpecs.STATE_FIELDS.get("Task").containsKey(f)) {
          hint = "; it looks like a state field: states go inside \"States\"";
        }
        keyError(child(ptr, f), "unknown field \"" + f + "\" in " + what + hint);
      }
    }
    if (scope == Scope.TOP) {
      JsonNode ql = m.get("QueryLanguage");
      if (ql != null) {
        queryLanguageValue(ql, child(ptr, "QueryLanguage"));
      }
      JsonNode version = m.get("Version");
      if (version != null && !(version.isTextual() && version.asText().equals("1.0"))) {
        error(child(ptr, "Version"), "Version must be the string \"1.0\" (was " + kind(version) + ")");
      }
      JsonNode timeout = m.get("TimeoutSeconds");
      if (timeout != null) {
        integer(child(ptr, "TimeoutSeconds"), "TimeoutSeconds", timeout, 0, MAX_SECONDS, QueryLanguage.JSONPATH);
      }
    }
    if (scope == Scope.ITEM_PROCESSOR || scope == Scope.ITERATOR) {
      processorConfig(m.get("ProcessorConfig"), child(ptr, "ProcessorConfig"));
    }
    JsonNode comment = m.get("Comment");
    if (comment != null && !comment.isTextual()) {
      error(child(ptr, "Comment"), "Comment must be a string (was " + kind(comment) + ")");
    }

    JsonNode states = m.get("States");
    String statesPtr = child(ptr, "States");
    Map<String, JsonNode> valid = new LinkedHashMap<>();
    if (states == null) {
      error(ptr, "missing required field \"States\" in " + what);
    } else if (!states.isObject()) {
      error(statesPtr, "States must be an object of named states (was " + kind(states) + ")");
    } else if (states.isEmpty()) {
      error(statesPtr, "States must contain at least one state");
    } else {
      for (Iterator<Map.Entry<String, JsonNode>> it = states.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String name = e.getKey();
        String sp = child(statesPtr, name);
        stateName(name, sp);
        JsonNode s = e.getValue();
        if (!s.isObject()) {
          String hint = "";
          if (name.equals("QueryLanguage") || name.equals("TimeoutSeconds") || name.equals("Version")
              || name.equals("Comment") || name.equals("StartAt")) {
            hint = "; \"" + name + "\" is a field of the state machine: move it out of \"States\" to the"
                + (scope == Scope.TOP ? " top level of the definition" : " enclosing object");
          }
          error(sp, "state \"" + name + "\" must be an object with a Type (was " + kind(s) + ")" + hint);
          if (name.equals("QueryLanguage")) {
            misplacedQueryLanguage = true;
          }
          continue;
        }
        valid.put(name, s);
      }
      Set<String> names = new LinkedHashSet<>();
      states.fieldNames().forEachRemaining(names::add);
      for (Map.Entry<String, JsonNode> e : valid.entrySet()) {
        state(e.getKey(), e.getValue(), child(statesPtr, e.getKey()), names, statesPtr);
      }
    }

    JsonNode startAt = m.get("StartAt");
    String startPtr = child(ptr, "StartAt");
    boolean startOk = false;
    if (startAt == null) {
      error(ptr, "missing required field \"StartAt\" in " + what);
    } else if (!startAt.isTextual()) {
      error(startPtr, "StartAt must be a state name (was " + kind(startAt) + ")");
    } else if (states != null && states.isObject() && !states.isEmpty()) {
      Set<String> names = new LinkedHashSet<>();
      states.fieldNames().forEachRemaining(names::add);
      startOk = target(startPtr, "StartAt", startAt.asText(), names, statesPtr);
    }

    if (states != null && states.isObject() && !valid.isEmpty()) {
      boolean terminal = false;
      for (JsonNode s : valid.values()) {
        String type = s.path("Type").asText("");
        if (type.equals("Succeed") || type.equals("Fail") || s.path("End").asBoolean(false)) {
          terminal = true;
          break;
        }
      }
      if (!terminal) {
        error("MISSING_END_STATE", statesPtr,
            what.substring(0, 1).toUpperCase() + what.substring(1)
                + " has no terminal state: no state has \"End\": true and none is a Succeed or Fail state");
      }
      if (startOk) {
        reachability(startAt.asText(), states, statesPtr);
      }
    }
  }

  private void reachability(String start, JsonNode states, String statesPtr) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.push(start);
    while (!todo.isEmpty()) {
      String n = todo.pop();
      if (!seen.add(n)) {
        continue;
      }
      JsonNode s = states.get(n);
      if (s == null || !s.isObject()) {
        continue;
      }
      pushText(todo, s.get("Next"));
      pushText(todo, s.get("Default"));
      for (String list : new String[] {"Choices", "Catch"}) {
        JsonNode arr = s.get(list);
        if (arr != null && arr.isArray()) {
          for (JsonNode r : arr) {
            if (r.isObject()) {
              pushText(todo, r.get("Next"));
            }
          }
        }
      }
    }
    for (Iterator<String> it = states.fieldNames(); it.hasNext(); ) {
      String n = it.next();
      if (!seen.contains(n) && states.get(n).isObject()) {
        add(TRANSITION, Severity.ERROR, child(statesPtr, n), doc.keyAt(child(statesPtr, n)),
            "State \"" + n + "\" is not reachable: no StartAt, Next, Default or Catch Next in this"
                + " scope leads to it");
      }
    }
  }

  private static void pushText(Deque<String> todo, JsonNode n) {
    if (n != null && n.isTextual()) {
      todo.push(n.asText());
    }
  }

  /** Checks that a transition names a state of the same scope; true when it does. */
  private boolean target(String ptr, String field, String name, Set<String> names, String statesPtr) {
    if (names.contains(name)) {
      return true;
    }
    String hint = NearMiss.hint(name, names);
    List<String> elsewhere = scopesByName.getOrDefault(name, List.of());
    if (!elsewhere.isEmpty()) {
      String where = elsewhere.get(0);
      hint += "; \"" + name + "\" is defined in " + (where.equals("/States") ? "the top-level States" : where)
          + ", a different scope: transitions cannot cross into or out of a Parallel branch or Map"
          + " iteration";
    }
    error(TRANSITION, ptr, "Missing '" + field + "' target: no state named \"" + name + "\" in this scope" + hint);
    return false;
  }

  private void stateName(String name, String ptr) {
    int length = name.codePointCount(0, name.length());
    if (length == 0) {
      add("INVALID_STATE_NAME", Severity.ERROR, ptr, doc.keyAt(ptr), "state names must not be empty");
    } else if (length > MAX_STATE_NAME) {
      add("INVALID_STATE_NAME", Severity.ERROR, ptr, doc.keyAt(ptr),
          "state name is " + length + " characters long; AWS allows at most " + MAX_STATE_NAME);
    }
    if (name.codePoints().anyMatch(Character::isISOControl)) {
      add("INVALID_STATE_NAME", Severity.ERROR, ptr, doc.keyAt(ptr),
          "state name \"" + PathSyntax.abbreviate(name.replaceAll("\\p{Cntrl}", "?"))
              + "\" contains control characters");
    }
  }

  private QueryLanguage queryLanguageValue(JsonNode ql, String ptr) {
    if (ql.isTextual() && QueryLanguage.of(ql.asText()) != null) {
      return QueryLanguage.of(ql.asText());
    }
    String hint = ql.isTextual() ? NearMiss.hint(ql.asText(), List.of("JSONPath", "JSONata")) : "";
    error(ptr, "QueryLanguage must be \"JSONPath\" or \"JSONata\" (was " + kind(ql) + ")" + hint);
    return null;
  }

  private void processorConfig(JsonNode pc, String ptr) {
    if (pc == null) {
      return;
    }
    if (!pc.isObject()) {
      error(ptr, "ProcessorConfig must be an object (was " + kind(pc) + ")");
      return;
    }
    unknownFields(pc, ptr, Set.of("Mode", "ExecutionType"), "ProcessorConfig");
    JsonNode mode = pc.get("Mode");
    if (mode != null && !(mode.isTextual() && Set.of("INLINE", "DISTRIBUTED").contains(mode.asText()))) {
      error(child(ptr, "Mode"), "Mode must be \"INLINE\" or \"DISTRIBUTED\" (was " + kind(mode) + ")"
          + (mode.isTextual() ? NearMiss.hint(mode.asText(), List.of("INLINE", "DISTRIBUTED")) : ""));
    }
    JsonNode type = pc.get("ExecutionType");
    if (type != null && !(type.isTextual() && Set.of("STANDARD", "EXPRESS").contains(type.asText()))) {
      error(child(ptr, "ExecutionType"), "ExecutionType must be \"STANDARD\" or \"EXPRESS\" (was "
          + kind(type) + ")");
    }
    if (mode != null && mode.asText().equals("DISTRIBUTED") && type == null) {
      error(ptr, "a DISTRIBUTED ItemProcessor needs \"ExecutionType\": \"STANDARD\" or \"EXPRESS\"");
    }
  }

  private void unknownFields(JsonNode obj, String ptr, Set<String> allowed, String what) {
    for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        keyError(child(ptr, f), "unknown field \"" + f + "\" in " + what + NearMiss.hint(f, allowed));
      }
    }
  }

  // ---------------------------------------------------------------- states

  private void state(String name, JsonNode s, String ptr, Set<String> scopeNames, String statesPtr) {
    JsonNode typeNode = s.get("Type");
    if (typeNode == null) {
      error(ptr, "state \"" + name + "\" is missing required field \"Type\" (one of "
          + String.join(", ", FieldSpecs.TYPES.stream().sorted().toList()) + ")");
      return;
    }
    if (!typeNode.isTextual() || !FieldSpecs.TYPES.contains(typeNode.asText())) {
      String hint = typeNode.isTextual() ? NearMiss.hint(typeNode.asText(), FieldSpecs.TYPES) : "";
      error(child(ptr, "Type"), "unknown state Type " + kind(typeNode) + "; expected one of "
          + String.join(", ", FieldSpecs.TYPES.stream().sorted().toList()) + hint);
      return;
    }
    String type = typeNode.asText();
    QueryLanguage q = top;
    JsonNode ql = s.get("QueryLanguage");
    if (ql != null) {
      QueryLanguage declared = queryLanguageValue(ql, child(ptr, "QueryLanguage"));
      if (declared != null) {
        if (top == QueryLanguage.JSONATA && declared == QueryLanguage.JSONPATH) {
          error(child(ptr, "QueryLanguage"), "a JSONPath state cannot be used in a state machine whose"
              + " top-level QueryLanguage is JSONata; only a JSONPath machine can mix in JSONata states");
        }
        q = declared;
      }
    }
    String label = type + " state \"" + name + "\"";
    Map<String, Lang> spec = FieldSpecs.STATE_FIELDS.get(type);
    for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      String fp = child(ptr, f);
      Lang lang = spec.get(f);
      if (lang == null) {
        String hint = NearMiss.hint(f, spec.keySet());
        if (hint.isEmpty() && type.equals("Choice") && (f.equals("Next") || f.equals("End"))) {
          hint = "; a Choice state moves on through its Choices and Default, never Next or End";
        } else if (hint.isEmpty() && (type.equals("Succeed") || type.equals("Fail")) && (f.equals("Next") || f.equals("End"))) {
          hint = "; a " + type + " state always ends its scope";
        } else if (hint.isEmpty() && f.endsWith(".$")) {
          hint = "; \".$\" keys belong inside Parameters, ResultSelector, ItemSelector or Assign";
        } else if (hint.isEmpty()) {
          for (Map.Entry<String, Map<String, Lang>> other : FieldSpecs.STATE_FIELDS.entrySet()) {
            if (other.getValue().containsKey(f)) {
              hint = "; \"" + f + "\" belongs to " + other.getKey() + " states";
              break;
            }
          }
        }
        keyError(fp, "unknown field \"" + f + "\" in " + label + hint);
      } else if (!lang.allows(q)) {
        String instead = FieldSpecs.replacement(f, q);
        keyError(fp, "field \"" + f + "\" is only valid in "
            + (lang == Lang.JSONPATH ? "JSONPath" : "JSONata") + " states, but " + label + " uses "
            + q.aslName + (instead.isEmpty() ? "" : "; " + instead)
            + (misplacedQueryLanguage && lang == Lang.JSONATA
                ? " (the \"QueryLanguage\" inside States does not set the language: move it to the top level)"
                : ""));
      }
    }

    // common fields
    JsonNode comment = s.get("Comment");
    if (comment != null && !comment.isTextual()) {
      error(child(ptr, "Comment"), "Comment must be a string (was " + kind(comment) + ")");
    }
    if (q == QueryLanguage.JSONPATH) {
      nullablePath(s, ptr, "InputPath");
      nullablePath(s, ptr, "OutputPath");
      if (s.has("ResultPath") && spec.containsKey("ResultPath")) {
        JsonNode rp = s.get("ResultPath");
        if (!rp.isNull()) {
          if (!rp.isTextual()) {
            error(child(ptr, "ResultPath"), "ResultPath must be a reference path string or null (was " + kind(rp) + ")");
          } else {
            String p = PathSyntax.referencePathProblem(rp.asText());
            if (p != null) {
              error(child(ptr, "ResultPath"), "ResultPath " + p);
            }
          }
        }
      }
      if (s.has("Parameters") && spec.containsKey("Parameters")) {
        template(s.get("Parameters"), child(ptr, "Parameters"), "Parameters", true);
      }
      if (s.has("ResultSelector") && spec.containsKey("ResultSelector")) {
        template(s.get("ResultSelector"), child(ptr, "ResultSelector"), "ResultSelector", true);
      }
    } else {
      jsonataStrings(s, ptr, 0);
      for (String f : new String[] {"Arguments", "Output"}) {
        if (s.has(f) && spec.containsKey(f)) {
          noDollarKeys(s.get(f), child(ptr, f), f);
        }
      }
    }
    if (s.has("Assign") && spec.containsKey("Assign")) {
      assign(s.get("Assign"), child(ptr, "Assign"), q);
    }
    if (spec.containsKey("Next")) {
      transitions(s, ptr, label, scopeNames, statesPtr);
    }
    if (s.has("Retry") && spec.containsKey("Retry")) {
      retry(s.get("Retry"), child(ptr, "Retry"));
    }
    if (s.has("Catch") && spec.containsKey("Catch")) {
      catchers(s.get("Catch"), child(ptr, "Catch"), q, scopeNames, statesPtr);
    }
    switch (type) {
      case "Task" -> task(s, ptr, q);
      case "Pass" -> pass(s, ptr);
      case "Wait" -> waitState(s, ptr, q, label);
      case "Choice" -> choice(s, ptr, q, label, statesPtr, scopeNames);
      case "Fail" -> fail(s, ptr, q);
      case "Parallel" -> parallel(s, ptr);
      case "Map" -> map(s, ptr, q, label);
      default -> {}
    }
  }

  private void transitions(JsonNode s, String ptr, String label, Set<String> names, String statesPtr) {
    JsonNode next = s.get("Next");
    JsonNode end = s.get("End");
    if (end != null && !end.isBoolean()) {
      error(child(ptr, "End"), "End must be true or false (was " + kind(end) + ")");
    }
    boolean ends = end != null && end.asBoolean(false) && end.isBoolean();
    if (next != null && !next.isTextual()) {
      error(child(ptr, "Next"), "Next must be a state name (was " + kind(next) + ")");
    }
    if (next != null && ends) {
      error(child(ptr, "End"), label + " has both \"Next\" and \"End\": true; use exactly one");
    } else if (next == null && !ends) {
      error(ptr, label + " has neither \"Next\" nor \"End\": true; every " + label.substring(0, label.indexOf(' '))
          + " state must say where to go");
    }
    if (next != null && next.isTextual()) {
      target(child(ptr, "Next"), "Next", next.asText(), names, statesPtr);
    }
  }

  /** InputPath and OutputPath: a path, or JSON null (which selects {}). */
  private void nullablePath(JsonNode s, String ptr, String field) {
    JsonNode v = s.get(field);
    if (v != null && !v.isNull()) {
      checkPath(v, child(ptr, field), field, false, " or null");
    }
  }

  private void pathField(JsonNode s, String ptr, String field, boolean allowIntrinsic) {
    JsonNode v = s.get(field);
    if (v != null) {
      checkPath(v, child(ptr, field), field, allowIntrinsic, "");
    }
  }

  private void checkPath(JsonNode v, String fp, String field, boolean allowIntrinsic, String alsoAllowed) {
    if (!v.isTextual()) {
      error(fp, field + " must be a path string" + alsoAllowed + " (was " + kind(v) + ")");
      return;
    }
    String p = PathSyntax.pathProblem(v.asText(), allowIntrinsic);
    if (p != null) {
      error(fp, field + " " + p);
    }
  }

  /**
   * An integer field; in JSONata states a {% %} string is also accepted. Returns the value when it
   * is a literal in range.
   */
  private Long integer(String ptr, String field, JsonNode v, long min, long max, QueryLanguage q) {
    if (v.isTextual() && q == QueryLanguage.JSONATA && isExpression(v.asText())) {
      return null;
    }
    if (!v.isNumber() || !isIntegral(v)) {
      error(ptr, field + " must be an integer" + (q == QueryLanguage.JSONATA ? " or a {% %} expression" : "")
          + " (was " + kind(v) + ")" + placeholderHint(v) + jsonataHint(v, q)
          + (v.isTextual() && q == QueryLanguage.JSONPATH && PathSyntax.looksLikePath(v.asText())
              ? "; to read it from the input use " + field + "Path" : ""));
      return null;
    }
    BigDecimal d = v.decimalValue();
    if (d.compareTo(BigDecimal.valueOf(min)) < 0) {
      error(ptr, field + " must be >= " + min + " (was " + v.asText() + ")");
      return null;
    }
    if (d.compareTo(BigDecimal.valueOf(max)) > 0) {
      error(ptr, field + " must be <= " + max + " (was " + v.asText() + ")");
      return null;
    }
    return d.longValue();
  }

  private BigDecimal number(String ptr, String field, JsonNode v, BigDecimal min, BigDecimal max, QueryLanguage q) {
    if (v.isTextual() && q == QueryLanguage.JSONATA && isExpression(v.asText())) {
      return null;
    }
    if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
      error(ptr, field + " must be a number (was " + kind(v) + ")" + placeholderHint(v) + jsonataHint(v, q));
      return null;
    }
    BigDecimal d = v.decimalValue();
    if (min != null && d.compareTo(min) < 0) {
      error(ptr, field + " must be >= " + min.toPlainString() + " (was " + v.asText() + ")");
      return null;
    }
    if (max != null && d.compareTo(max) > 0) {
      error(ptr, field + " must be <= " + max.toPlainString() + " (was " + v.asText() + ")");
      return null;
    }
    return d;
  }

  private static boolean isIntegral(JsonNode v) {
    if (v.isIntegralNumber()) {
      return true;
    }
    if (!Double.isFinite(v.asDouble())) {
      return false;
    }
    BigDecimal d = v.decimalValue();
    return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
  }

  private static boolean isExpression(String s) {
    return s.startsWith("{%") && s.endsWith("%}") && s.length() >= 4;
  }

  private void exclusive(JsonNode s, String ptr, String a, String b) {
    if (s.has(a) && s.has(b)) {
      keyError(child(ptr, b), "\"" + a + "\" and \"" + b + "\" cannot both be set; use one");
    }
  }

  // ---------------------------------------------------------------- state types

  private void task(JsonNode s, String ptr, QueryLanguage q) {
    JsonNode resource = s.get("Resource");
    if (resource == null) {
      error(ptr, "Task state is missing required field \"Resource\" (an ARN such as"
          + " \"arn:aws:states:::lambda:invoke\")");
    } else if (!resource.isTextual()) {
      error("INVALID_RESOURCE", child(ptr, "Resource"), "Resource must be an ARN string (was " + kind(resource) + ")");
    } else {
      String r = resource.asText();
      if (!r.contains("${") && !(q == QueryLanguage.JSONATA && isExpression(r)) && !ARN.matcher(r).matches()) {
        error("INVALID_RESOURCE", child(ptr, "Resource"), "Resource \"" + PathSyntax.abbreviate(r)
            + "\" is not an ARN; expected e.g. \"arn:aws:states:::lambda:invoke\" or"
            + " \"arn:aws:lambda:us-east-1:123456789012:function:name\"");
      }
    }
    Long timeout = null;
    Long heartbeat = null;
    if (s.has("TimeoutSeconds")) {
      timeout = integer(child(ptr, "TimeoutSeconds"), "TimeoutSeconds", s.get("TimeoutSeconds"), 1, MAX_SECONDS, q);
    }
    if (s.has("HeartbeatSeconds")) {
      heartbeat = integer(child(ptr, "HeartbeatSeconds"), "HeartbeatSeconds", s.get("HeartbeatSeconds"), 1, MAX_SECONDS, q);
    }
    if (timeout != null && heartbeat != null && heartbeat >= timeout) {
      error(child(ptr, "HeartbeatSeconds"), "HeartbeatSeconds must be smaller than TimeoutSeconds (was "
          + heartbeat + " with TimeoutSeconds " + timeout + ")");
    }
    exclusive(s, ptr, "TimeoutSeconds", "TimeoutSecondsPath");
    exclusive(s, ptr, "HeartbeatSeconds", "HeartbeatSecondsPath");
    if (q == QueryLanguage.JSONPATH) {
      pathField(s, ptr, "TimeoutSecondsPath", false);
      pathField(s, ptr, "HeartbeatSecondsPath", false);
    }
    JsonNode creds = s.get("Credentials");
    if (creds != null) {
      if (!creds.isObject()) {
        error(child(ptr, "Credentials"), "Credentials must be an object with RoleArn (was " + kind(creds) + ")");
      } else if (q == QueryLanguage.JSONPATH) {
        template(creds, child(ptr, "Credentials"), "Credentials", false);
      }
    }
    JsonNode args = s.get("Arguments");
    if (args != null && q == QueryLanguage.JSONATA && !args.isObject() && !(args.isTextual() && isExpression(args.asText()))) {
      error(child(ptr, "Arguments"), "Arguments must be an object or a {% %} expression (was " + kind(args) + ")");
    }
  }

  private void pass(JsonNode s, String ptr) {
    JsonNode result = s.get("Result");
    if (result != null) {
      String dollar = firstDollarKey(result, child(ptr, "Result"), 0);
      if (dollar != null) {
        warning("PASS_RESULT_IS_STATIC", dollar,
            "Result is used as is: \".$\" keys are not evaluated here; use Parameters to select from"
                + " the input");
      }
    }
  }

  private String firstDollarKey(JsonNode n, String ptr, int depth) {
    if (depth > SourceParser.MAX_DEPTH) {
      return null;
    }
    if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().endsWith(".$")) {
          return child(ptr, e.getKey());
        }
        String inner = firstDollarKey(e.getValue(), child(ptr, e.getKey()), depth + 1);
        if (inner != null) {
          return inner;
        }
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        String inner = firstDollarKey(n.get(i), child(ptr, i), depth + 1);
        if (inner != null) {
          return inner;
        }
      }
    }
    return null;
  }

  private void waitState(JsonNode s, String ptr, QueryLanguage q, String label) {
    List<String> present = new ArrayList<>();
    for (String f : new String[] {"Seconds", "Timestamp", "SecondsPath", "TimestampPath"}) {
      if (s.has(f)) {
        present.add(f);
      }
    }
    if (present.isEmpty()) {
      error(ptr, label + " needs exactly one of " + (q == QueryLanguage.JSONATA
          ? "\"Seconds\" or \"Timestamp\"" : "\"Seconds\", \"Timestamp\", \"SecondsPath\" or \"TimestampPath\""));
    } else if (present.size() > 1) {
      keyError(child(ptr, present.get(1)), label + " has " + String.join(" and ", present)
          + "; a Wait state takes exactly one of them");
    }
    if (s.has("Seconds")) {
      integer(child(ptr, "Seconds"), "Seconds", s.get("Seconds"), 0, MAX_SECONDS, q);
    }
    JsonNode ts = s.get("Timestamp");
    if (ts != null) {
      if (ts.isTextual() && q == QueryLanguage.JSONATA && isExpression(ts.asText())) {
        // evaluated at run time
      } else if (!ts.isTextual()) {
        error(child(ptr, "Timestamp"), "Timestamp must be an ISO-8601 string such as"
            + " \"2016-03-14T01:59:00Z\" (was " + kind(ts) + ")");
      } else if (!ts.asText().contains("${") && !isTimestamp(ts.asText())) {
        error(child(ptr, "Timestamp"), "Timestamp must be an ISO-8601 date-time with an upper-case T"
            + " and a time zone, such as \"2016-03-14T01:59:00Z\" (was \""
            + PathSyntax.abbreviate(ts.asText()) + "\")"
            + (PathSyntax.looksLikePath(ts.asText()) ? "; to read it from the input use TimestampPath" : ""));
      }
    }
    if (q == QueryLanguage.JSONPATH) {
      pathField(s, ptr, "SecondsPath", false);
      pathField(s, ptr, "TimestampPath", false);
    }
  }

  static boolean isTimestamp(String s) {
    if (s.indexOf('T') < 0) {
      return false;
    }
    try {
      OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private void fail(JsonNode s, String ptr, QueryLanguage q) {
    exclusive(s, ptr, "Error", "ErrorPath");
    exclusive(s, ptr, "Cause", "CausePath");
    for (String f : new String[] {"Error", "Cause"}) {
      JsonNode v = s.get(f);
      if (v == null) {
        continue;
      }
      if (!v.isTextual()) {
        error(child(ptr, f), f + " must be a string (was " + kind(v) + ")");
      } else if (q == QueryLanguage.JSONPATH && PathSyntax.looksLikePath(v.asText())) {
        warning("NO_PATH", child(ptr, f), f + " \"" + PathSyntax.abbreviate(v.asText())
            + "\" looks like a path but is used as literal text; did you mean " + f + "Path?");
      }
    }
    if (q == QueryLanguage.JSONPATH) {
      pathField(s, ptr, "ErrorPath", true);
      pathField(s, ptr, "CausePath", true);
    }
  }

  private void parallel(JsonNode s, String ptr) {
    JsonNode branches = s.get("Branches");
    String bp = child(ptr, "Branches");
    if (branches == null) {
      error(ptr, "Parallel state is missing required field \"Branches\" (an array of state machines)");
    } else if (!branches.isArray()) {
      error(bp, "Branches must be an array of state machines (was " + kind(branches) + ")");
    } else if (branches.isEmpty()) {
      error(bp, "Branches must contain at least one branch");
    } else {
      for (int i = 0; i < branches.size(); i++) {
        JsonNode b = branches.get(i);
        if (!b.isObject()) {
          error(child(bp, i), "a branch must be an object with StartAt and States (was " + kind(b) + ")");
        } else {
          machine(b, child(bp, i), Scope.BRANCH);
        }
      }
    }
  }

  private void map(JsonNode s, String ptr, QueryLanguage q, String label) {
    JsonNode iterator = s.get("Iterator");
    JsonNode processor = s.get("ItemProcessor");
    boolean distributed = false;
    if (iterator == null && processor == null) {
      error(ptr, label + " is missing required field \"ItemProcessor\" (the state machine run for each item)");
    } else if (iterator != null && processor != null) {
      keyError(child(ptr, "Iterator"), "\"Iterator\" and \"ItemProcessor\" cannot both be set; Iterator is"
          + " the legacy name of ItemProcessor");
    }
    if (processor != null) {
      if (!processor.isObject()) {
        error(child(ptr, "ItemProcessor"), "ItemProcessor must be an object with StartAt and States (was " + kind(processor) + ")");
      } else {
        distributed = processor.path("ProcessorConfig").path("Mode").asText("").equals("DISTRIBUTED");
        machine(processor, child(ptr, "ItemProcessor"), Scope.ITEM_PROCESSOR);
      }
    }
    if (iterator != null) {
      if (!iterator.isObject()) {
        error(child(ptr, "Iterator"), "Iterator must be an object with StartAt and States (was " + kind(iterator) + ")");
      } else {
        distributed |= iterator.path("ProcessorConfig").path("Mode").asText("").equals("DISTRIBUTED");
        machine(iterator, child(ptr, "Iterator"), Scope.ITERATOR);
      }
    }
    exclusive(s, ptr, "ItemSelector", "Parameters");
    exclusive(s, ptr, "MaxConcurrency", "MaxConcurrencyPath");
    exclusive(s, ptr, "ToleratedFailurePercentage", "ToleratedFailurePercentagePath");
    exclusive(s, ptr, "ToleratedFailureCount", "ToleratedFailureCountPath");
    if (s.has("MaxConcurrency")) {
      integer(child(ptr, "MaxConcurrency"), "MaxConcurrency", s.get("MaxConcurrency"), 0, Integer.MAX_VALUE, q);
    }
    if (s.has("ToleratedFailurePercentage")) {
      number(child(ptr, "ToleratedFailurePercentage"), "ToleratedFailurePercentage",
          s.get("ToleratedFailurePercentage"), BigDecimal.ZERO, BigDecimal.valueOf(100), q);
    }
    if (s.has("ToleratedFailureCount")) {
      integer(child(ptr, "ToleratedFailureCount"), "ToleratedFailureCount", s.get("ToleratedFailureCount"), 0,
          Integer.MAX_VALUE, q);
    }
    if (q == QueryLanguage.JSONPATH) {
      for (String f : new String[] {"ItemsPath", "MaxConcurrencyPath", "ToleratedFailurePercentagePath",
          "ToleratedFailureCountPath"}) {
        pathField(s, ptr, f, false);
      }
      if (s.has("ItemSelector")) {
        template(s.get("ItemSelector"), child(ptr, "ItemSelector"), "ItemSelector", true);
      }
    } else {
      JsonNode items = s.get("Items");
      if (items != null && !items.isArray() && !(items.isTextual() && isExpression(items.asText()))) {
        error(child(ptr, "Items"), "Items must be an array or a {% %} expression (was " + kind(items) + ")");
      }
      if (s.has("ItemSelector")) {
        noDollarKeys(s.get("ItemSelector"), child(ptr, "ItemSelector"), "ItemSelector");
      }
    }
    JsonNode lbl = s.get("Label");
    if (lbl != null) {
      String lp = child(ptr, "Label");
      if (!lbl.isTextual()) {
        error(lp, "Label must be a string (was " + kind(lbl) + ")");
      } else {
        String l = lbl.asText();
        if (l.codePointCount(0, l.length()) > MAX_LABEL) {
          error(lp, "Label must be at most " + MAX_LABEL + " characters (was " + l.codePointCount(0, l.length()) + ")");
        }
        var m = LABEL_FORBIDDEN.matcher(l);
        if (m.find()) {
          error(lp, "Label must not contain whitespace, brackets, wildcards or the characters"
              + " \" # % \\ ^ | ~ ` $ & , ; : / (found \"" + m.group().replaceAll("\\p{Cntrl}", "?") + "\")");
        }
      }
    }
    for (String f : new String[] {"ItemReader", "ItemBatcher", "ResultWriter"}) {
      if (s.has(f) && !distributed) {
        keyError(child(ptr, f), f + " is only available in a Distributed Map; set \"ProcessorConfig\": {\"Mode\":"
            + " \"DISTRIBUTED\", \"ExecutionType\": \"STANDARD\"} in the ItemProcessor");
      }
    }
    itemReader(s.get("ItemReader"), child(ptr, "ItemReader"), q);
    itemBatcher(s.get("ItemBatcher"), child(ptr, "ItemBatcher"), q);
    resultWriter(s.get("ResultWriter"), child(ptr, "ResultWriter"), q);
  }

  private void resourceParameters(JsonNode obj, String ptr, QueryLanguage q, String what) {
    JsonNode r = obj.get("Resource");
    if (r == null) {
      error(ptr, what + " is missing required field \"Resource\" (e.g. \"arn:aws:states:::s3:getObject\")");
    } else if (!r.isTextual()) {
      error("INVALID_RESOURCE", child(ptr, "Resource"), "Resource must be an ARN string (was " + kind(r) + ")");
    } else if (!r.asText().contains("${") && !ARN.matcher(r.asText()).matches()) {
      error("INVALID_RESOURCE", child(ptr, "Resource"), "Resource \"" + PathSyntax.abbreviate(r.asText())
          + "\" is not an ARN; expected e.g. \"arn:aws:states:::s3:getObject\"");
    }
    if (obj.has("Parameters") && q == QueryLanguage.JSONATA) {
      keyError(child(ptr, "Parameters"), "field \"Parameters\" is only valid in JSONPath states; use Arguments");
    } else if (obj.has("Parameters")) {
      template(obj.get("Parameters"), child(ptr, "Parameters"), "Parameters", true);
    }
    if (obj.has("Arguments") && q == QueryLanguage.JSONPATH) {
      keyError(child(ptr, "Arguments"), "field \"Arguments\" is only valid in JSONata states; use Parameters");
    }
  }

  private void itemReader(JsonNode r, String ptr, QueryLanguage q) {
    if (r == null) {
      return;
    }
    if (!r.isObject()) {
      error(ptr, "ItemReader must be an object with Resource (was " + kind(r) + ")");
      return;
    }
    unknownFields(r, ptr, Set.of("Resource", "Parameters", "Arguments", "ReaderConfig"), "ItemReader");
    resourceParameters(r, ptr, q, "ItemReader");
    JsonNode rc = r.get("ReaderConfig");
    if (rc == null) {
      return;
    }
    String rp = child(ptr, "ReaderConfig");
    if (!rc.isObject()) {
      error(rp, "ReaderConfig must be an object (was " + kind(rc) + ")");
      return;
    }
    unknownFields(rc, rp, Set.of("InputType", "CSVHeaderLocation", "CSVHeaders", "CSVDelimiter", "MaxItems",
        "MaxItemsPath", "ManifestType", "Transformation"), "ReaderConfig");
    enumField(rc, rp, "InputType", Set.of("CSV", "JSON", "JSONL", "MANIFEST", "PARQUET"));
    enumField(rc, rp, "CSVHeaderLocation", Set.of("FIRST_ROW", "GIVEN"));
    enumField(rc, rp, "CSVDelimiter", Set.of("COMMA", "PIPE", "SEMICOLON", "SPACE", "TAB"));
    enumField(rc, rp, "ManifestType", Set.of("ATHENA_DATA", "S3_INVENTORY"));
    enumField(rc, rp, "Transformation", Set.of("NONE", "LOAD_AND_FLATTEN"));
    exclusive(rc, rp, "MaxItems", "MaxItemsPath");
    if (rc.has("MaxItems")) {
      integer(child(rp, "MaxItems"), "MaxItems", rc.get("MaxItems"), 0, 100_000_000, q);
    }
    if (q == QueryLanguage.JSONPATH) {
      pathField(rc, rp, "MaxItemsPath", false);
    }
    JsonNode headers = rc.get("CSVHeaders");
    if (headers != null && !(headers.isArray() || (q == QueryLanguage.JSONATA && headers.isTextual() && isExpression(headers.asText())))) {
      error(child(rp, "CSVHeaders"), "CSVHeaders must be an array of strings (was " + kind(headers) + ")");
    }
    if (rc.path("CSVHeaderLocation").asText("").equals("GIVEN") && headers == null) {
      error(rp, "CSVHeaderLocation GIVEN needs CSVHeaders");
    }
  }

  private void enumField(JsonNode obj, String ptr, String field, Set<String> values) {
    JsonNode v = obj.get(field);
    if (v != null && !(v.isTextual() && values.contains(v.asText()))) {
      error(child(ptr, field), field + " must be one of " + String.join(", ", values.stream().sorted().toList())
          + " (was " + kind(v) + ")" + (v.isTextual() ? NearMiss.hint(v.asText(), values) : ""));
    }
  }

  private void itemBatcher(JsonNode b, String ptr, QueryLanguage q) {
    if (b == null) {
      return;
    }
    if (!b.isObject()) {
      error(ptr, "ItemBatcher must be an object (was " + kind(b) + ")");
      return;
    }
    unknownFields(b, ptr, Set.of("MaxItemsPerBatch", "MaxItemsPerBatchPath", "MaxInputBytesPerBatch",
        "MaxInputBytesPerBatchPath", "BatchInput"), "ItemBatcher");
    exclusive(b, ptr, "MaxItemsPerBatch", "MaxItemsPerBatchPath");
    exclusive(b, ptr, "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath");
    if (!b.has("MaxItemsPerBatch") && !b.has("MaxItemsPerBatchPath") && !b.has("MaxInputBytesPerBatch")
        && !b.has("MaxInputBytesPerBatchPath")) {
      error(ptr, "ItemBatcher needs MaxItemsPerBatch or MaxInputBytesPerBatch (or their Path forms)");
    }
    if (b.has("MaxItemsPerBatch")) {
      integer(child(ptr, "MaxItemsPerBatch"), "MaxItemsPerBatch", b.get("MaxItemsPerBatch"), 1, Integer.MAX_VALUE, q);
    }
    if (b.has("MaxInputBytesPerBatch")) {
      integer(child(ptr, "MaxInputBytesPerBatch"), "MaxInputBytesPerBatch", b.get("MaxInputBytesPerBatch"), 1,
          262_144, q);
    }
    if (q == QueryLanguage.JSONPATH) {
      pathField(b, ptr, "MaxItemsPerBatchPath", false);
      pathField(b, ptr, "MaxInputBytesPerBatchPath", false);
      if (b.has("BatchInput")) {
        template(b.get("BatchInput"), child(ptr, "BatchInput"), "BatchInput", true);
      }
    }
  }

  private void resultWriter(JsonNode w, String ptr, QueryLanguage q) {
    if (w == null) {
      return;
    }
    if (!w.isObject()) {
      error(ptr, "ResultWriter must be an object (was " + kind(w) + ")");
      return;
    }
    unknownFields(w, ptr, Set.of("Resource", "Parameters", "Arguments", "WriterConfig"), "ResultWriter");
    if (w.has("Resource") || !w.has("WriterConfig")) {
      resourceParameters(w, ptr, q, "ResultWriter");
    }
    JsonNode wc = w.get("WriterConfig");
    if (wc != null) {
      String wp = child(ptr, "WriterConfig");
      if (!wc.isObject()) {
        error(wp, "WriterConfig must be an object (was " + kind(wc) + ")");
      } else {
        unknownFields(wc, wp, Set.of("OutputType", "Transformation"), "WriterConfig");
        enumField(wc, wp, "OutputType", Set.of("JSON", "JSONL"));
        enumField(wc, wp, "Transformation", Set.of("NONE", "COMPACT", "FLATTEN"));
      }
    }
  }

  // ---------------------------------------------------------------- Retry / Catch

  private void retry(JsonNode retry, String ptr) {
    if (!retry.isArray()) {
      error(ptr, "Retry must be an array of retriers (was " + kind(retry) + ")");
      return;
    }
    for (int i = 0; i < retry.size(); i++) {
      JsonNode r = retry.get(i);
      String rp = child(ptr, i);
      if (!r.isObject()) {
        error(rp, "a retrier must be an object with ErrorEquals (was " + kind(r) + ")");
        continue;
      }
      unknownFields(r, rp, FieldSpecs.RETRIER.keySet(), "a retrier");
      errorEquals(r, rp, i, retry.size(), "retrier");
      if (r.has("IntervalSeconds")) {
        integer(child(rp, "IntervalSeconds"), "IntervalSeconds", r.get("IntervalSeconds"), 1, MAX_SECONDS, QueryLanguage.JSONPATH);
      }
      if (r.has("MaxAttempts")) {
        integer(child(rp, "MaxAttempts"), "MaxAttempts", r.get("MaxAttempts"), 0, MAX_SECONDS, QueryLanguage.JSONPATH);
      }
      if (r.has("BackoffRate")) {
        number(child(rp, "BackoffRate"), "BackoffRate", r.get("BackoffRate"), BigDecimal.ONE, null, QueryLanguage.JSONPATH);
      }
      if (r.has("MaxDelaySeconds")) {
        integer(child(rp, "MaxDelaySeconds"), "MaxDelaySeconds", r.get("MaxDelaySeconds"), 1, 31_622_400, QueryLanguage.JSONPATH);
      }
      enumField(r, rp, "JitterStrategy", Set.of("FULL", "NONE"));
      JsonNode c = r.get("Comment");
      if (c != null && !c.isTextual()) {
        error(child(rp, "Comment"), "Comment must be a string (was " + kind(c) + ")");
      }
    }
  }

  private void catchers(JsonNode catches, String ptr, QueryLanguage q, Set<String> names, String statesPtr) {
    if (!catches.isArray()) {
      error(ptr, "Catch must be an array of catchers (was " + kind(catches) + ")");
      return;
    }
    for (int i = 0; i < catches.size(); i++) {
      JsonNode c = catches.get(i);
      String cp = child(ptr, i);
      if (!c.isObject()) {
        error(cp, "a catcher must be an object with ErrorEquals and Next (was " + kind(c) + ")");
        continue;
      }
      for (Iterator<String> it = c.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        Lang lang = FieldSpecs.CATCHER.get(f);
        if (lang == null) {
          keyError(child(cp, f), "unknown field \"" + f + "\" in a catcher" + NearMiss.hint(f, FieldSpecs.CATCHER.keySet()));
        } else if (!lang.allows(q)) {
          String instead = FieldSpecs.replacement(f, q);
          keyError(child(cp, f), "field \"" + f + "\" is only valid in a "
              + (lang == Lang.JSONPATH ? "JSONPath" : "JSONata") + " catcher, but this state uses " + q.aslName
              + (instead.isEmpty() ? "" : "; " + instead));
        }
      }
      errorEquals(c, cp, i, catches.size(), "catcher");
      JsonNode next = c.get("Next");
      if (next == null) {
        error(cp, "catcher is missing required field \"Next\"");
      } else if (!next.isTextual()) {
        error(child(cp, "Next"), "Next must be a state name (was " + kind(next) + ")");
      } else {
        target(child(cp, "Next"), "Next", next.asText(), names, statesPtr);
      }
      if (q == QueryLanguage.JSONPATH) {
        nullableReference(c, cp);
      }
      if (c.has("Assign")) {
        assign(c.get("Assign"), child(cp, "Assign"), q);
      }
    }
  }

  private void nullableReference(JsonNode obj, String ptr) {
    JsonNode rp = obj.get("ResultPath");
    if (rp == null || rp.isNull()) {
      return;
    }
    if (!rp.isTextual()) {
      error(child(ptr, "ResultPath"), "ResultPath must be a reference path string or null (was " + kind(rp) + ")");
      return;
    }
    String p = PathSyntax.referencePathProblem(rp.asText());
    if (p != null) {
      error(child(ptr, "ResultPath"), "ResultPath " + p);
    }
  }

  private void errorEquals(JsonNode r, String rp, int index, int count, String what) {
    JsonNode ee = r.get("ErrorEquals");
    String ep = child(rp, "ErrorEquals");
    if (ee == null) {
      error(rp, what + " is missing required field \"ErrorEquals\" (e.g. [\"States.ALL\"])");
      return;
    }
    if (!ee.isArray()) {
      error(ep, "ErrorEquals must be an array of error names (was " + kind(ee) + ")");
      return;
    }
    if (ee.isEmpty()) {
      error(ep, "ErrorEquals must name at least one error");
      return;
    }
    for (int j = 0; j < ee.size(); j++) {
      JsonNode e = ee.get(j);
      String p = child(ep, j);
      if (!e.isTextual()) {
        error(p, "an error name must be a string (was " + kind(e) + ")");
        continue;
      }
      String name = e.asText();
      if (name.startsWith("States.") && !FieldSpecs.STATES_ERRORS.contains(name)) {
        error(p, "\"" + PathSyntax.abbreviate(name) + "\" is not a predefined error: names starting with"
            + " \"States.\" are reserved" + NearMiss.hint(name, FieldSpecs.STATES_ERRORS));
      }
      if (name.equals("States.ALL")) {
        if (ee.size() > 1) {
          error(p, "States.ALL must appear alone in ErrorEquals");
        }
        if (index != count - 1) {
          error(p, "a " + what + " with States.ALL must be the last one (it is " + (index + 1) + " of " + count + ")");
        }
      }
    }
  }

  // ---------------------------------------------------------------- Choice

  private void choice(JsonNode s, String ptr, QueryLanguage q, String label, String statesPtr,
      Set<String> states) {
    JsonNode choices = s.get("Choices");
    String cp = child(ptr, "Choices");
    if (choices == null) {
      error(ptr, label + " is missing required field \"Choices\" (a non-empty array of rules)");
    } else if (!choices.isArray()) {
      error(cp, "Choices must be a non-empty array of rules (was " + kind(choices) + ")");
    } else if (choices.isEmpty()) {
      error(cp, "Choices must contain at least one rule");
    } else {
      for (int i = 0; i < choices.size(); i++) {
        JsonNode rule = choices.get(i);
        String rp = child(cp, i);
        if (!rule.isObject()) {
          error(rp, "a choice rule must be an object (was " + kind(rule) + ")");
          continue;
        }
        if (q == QueryLanguage.JSONATA) {
          jsonataRule(rule, rp);
        } else {
          rule(rule, rp, true, 0);
        }
        JsonNode next = rule.get("Next");
        if (next == null) {
          error(rp, "choice rule is missing required field \"Next\"");
        } else if (!next.isTextual()) {
          error(child(rp, "Next"), "Next must be a state name (was " + kind(next) + ")");
        } else {
          target(child(rp, "Next"), "Next", next.asText(), states, statesPtr);
        }
        if (rule.has("Assign")) {
          assign(rule.get("Assign"), child(rp, "Assign"), q);
        }
      }
    }
    JsonNode def = s.get("Default");
    if (def != null) {
      if (!def.isTextual()) {
        error(child(ptr, "Default"), "Default must be a state name (was " + kind(def) + ")");
      } else {
        target(child(ptr, "Default"), "Default", def.asText(), states, statesPtr);
      }
    }
  }

  private void jsonataRule(JsonNode rule, String rp) {
    Set<String> allowed = Set.of("Condition", "Next", "Assign", "Output", "Comment");
    for (Iterator<String> it = rule.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        String hint = NearMiss.hint(f, allowed);
        if (hint.isEmpty() && (f.equals("Variable") || f.equals("And") || f.equals("Or") || f.equals("Not")
            || FieldSpecs.COMPARATORS.containsKey(f))) {
          hint = "; JSONata rules use \"Condition\": \"{% ... %}\" instead of Variable, And, Or, Not and"
              + " comparison operators";
        }
        keyError(child(rp, f), "unknown field \"" + f + "\" in a JSONata choice rule" + hint);
      }
    }
    JsonNode cond = rule.get("Condition");
    if (cond == null) {
      error(rp, "JSONata choice rule is missing required field \"Condition\" (a {% %} expression)");
    } else if (!cond.isBoolean() && !(cond.isTextual() && isExpression(cond.asText()))) {
      error(child(rp, "Condition"), "Condition must be a {% %} expression or a boolean (was " + kind(cond) + ")");
    }
  }

  private void rule(JsonNode rule, String rp, boolean topLevel, int depth) {
    if (depth > SourceParser.MAX_DEPTH) {
      return;
    }
    List<String> combinators = new ArrayList<>();
    List<String> comparators = new ArrayList<>();
    for (Iterator<String> it = rule.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (f.equals("And") || f.equals("Or") || f.equals("Not")) {
        combinators.add(f);
      } else if (FieldSpecs.COMPARATORS.containsKey(f)) {
        comparators.add(f);
      } else if (f.equals("Variable") || f.equals("Comment")) {
        // checked below
      } else if (topLevel && (f.equals("Next") || f.equals("Assign"))) {
        // checked by the caller
      } else {
        Set<String> known = new LinkedHashSet<>(FieldSpecs.COMPARATORS.keySet());
        known.addAll(List.of("Variable", "And", "Or", "Not", "Comment"));
        if (topLevel) {
          known.addAll(List.of("Next", "Assign"));
        }
        String hint = NearMiss.hint(f, known);
        if (hint.isEmpty() && !topLevel && (f.equals("Next") || f.equals("Assign"))) {
          hint = "; only top-level rules of Choices have " + f;
        } else if (hint.isEmpty() && f.equals("Condition")) {
          hint = "; Condition needs \"QueryLanguage\": \"JSONata\"";
        }
        keyError(child(rp, f), "unknown field \"" + f + "\" in a choice rule" + hint);
      }
    }
    JsonNode variable = rule.get("Variable");
    if (!combinators.isEmpty()) {
      if (combinators.size() > 1 || !comparators.isEmpty() || variable != null) {
        error(rp, "a choice rule is either one of And, Or, Not or a Variable with one comparison operator;"
            + " this one has " + String.join(", ", concat(combinators, comparators, variable)));
      }
      String c = combinators.get(0);
      JsonNode v = rule.get(c);
      String cp = child(rp, c);
      if (c.equals("Not")) {
        if (!v.isObject()) {
          error(cp, "Not must be a single rule object (was " + kind(v) + ")");
        } else {
          rule(v, cp, false, depth + 1);
        }
      } else if (!v.isArray() || v.isEmpty()) {
        error(cp, c + " must be a non-empty array of rules (was " + kind(v) + ")");
      } else {
        for (int i = 0; i < v.size(); i++) {
          JsonNode r = v.get(i);
          if (!r.isObject()) {
            error(child(cp, i), "a choice rule must be an object (was " + kind(r) + ")");
          } else {
            rule(r, child(cp, i), false, depth + 1);
          }
        }
      }
      return;
    }
    if (variable == null) {
      error(rp, "choice rule needs \"Variable\" and one comparison operator, or And, Or, Not");
    } else if (!variable.isTextual()) {
      error(child(rp, "Variable"), "Variable must be a path string (was " + kind(variable) + ")");
    } else {
      String p = PathSyntax.pathProblem(variable.asText(), false);
      if (p != null) {
        error(child(rp, "Variable"), "Variable " + p);
      }
    }
    if (comparators.isEmpty()) {
      error(rp, "choice rule has no comparison operator (e.g. StringEquals, NumericGreaterThan, IsPresent)");
      return;
    }
    if (comparators.size() > 1) {
      keyError(child(rp, comparators.get(1)), "a choice rule takes exactly one comparison operator; found "
          + String.join(" and ", comparators));
    }
    for (String op : comparators) {
      comparator(rule.get(op), child(rp, op), op);
    }
  }

  private static List<String> concat(List<String> a, List<String> b, JsonNode variable) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    if (variable != null) {
      all.add("Variable");
    }
    return all;
  }

  private void comparator(JsonNode v, String ptr, String op) {
    Operand kind = FieldSpecs.COMPARATORS.get(op);
    switch (kind) {
      case STRING -> {
        if (!v.isTextual()) {
          error(ptr, op + " must be a string (was " + kind(v) + ")");
        } else if (!op.equals("StringMatches") && PathSyntax.looksLikePath(v.asText())) {
          warning("NO_PATH", ptr, op + " compares with the literal text \"" + PathSyntax.abbreviate(v.asText())
              + "\"; to compare with a path use " + op + "Path");
        }
      }
      case NUMBER -> {
        if (!v.isNumber()) {
          error(ptr, op + " must be a number (was " + kind(v) + ")" + placeholderHint(v)
              + (v.isTextual() && PathSyntax.looksLikePath(v.asText()) ? "; to compare with a path use " + op + "Path" : ""));
        }
      }
      case BOOLEAN, TRUE_FALSE -> {
        if (!v.isBoolean()) {
          error(ptr, op + " must be true or false (was " + kind(v) + ")"
              + (kind == Operand.BOOLEAN && v.isTextual() && PathSyntax.looksLikePath(v.asText())
                  ? "; to compare with a path use BooleanEqualsPath" : ""));
        }
      }
      case TIMESTAMP -> {
        if (!v.isTextual()) {
          error(ptr, op + " must be a timestamp string (was " + kind(v) + ")");
        } else if (!v.asText().contains("${") && !isTimestamp(v.asText())) {
          error(ptr, op + " must be an ISO-8601 timestamp such as \"2016-03-14T01:59:00Z\" (was \""
              + PathSyntax.abbreviate(v.asText()) + "\")"
              + (PathSyntax.looksLikePath(v.asText()) ? "; to compare with a path use " + op + "Path" : ""));
        }
      }
      case PATH -> {
        if (!v.isTextual()) {
          error(ptr, op + " must be a path string (was " + kind(v) + ")");
        } else {
          String p = PathSyntax.pathProblem(v.asText(), false);
          if (p != null) {
            error(ptr, op + " " + p);
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------- templates, Assign, JSONata

  /** A JSONPath payload template: keys ending ".$" take a path or intrinsic. */
  private void template(JsonNode t, String ptr, String field, boolean mustBeObject) {
    if (mustBeObject && !t.isObject()) {
      error(ptr, field + " must be an object (was " + kind(t) + ")");
      return;
    }
    templateValue(t, ptr, 0);
  }

  private void templateValue(JsonNode t, String ptr, int depth) {
    if (depth > SourceParser.MAX_DEPTH) {
      return;
    }
    if (t.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = t.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String k = e.getKey();
        JsonNode v = e.getValue();
        String kp = child(ptr, k);
        if (k.endsWith(".$")) {
          if (!v.isTextual()) {
            error(kp, "\"" + k + "\" ends with \".$\", so its value must be a path or intrinsic function string"
                + " (was " + kind(v) + "); drop the \".$\" for a literal value");
          } else {
            String p = PathSyntax.pathProblem(v.asText(), true);
            if (p != null) {
              error(kp, "\"" + k + "\": " + p);
            }
          }
        } else if (v.isTextual() && PathSyntax.looksLikePath(v.asText())) {
          warning("NO_DOLLAR", kp, "\"" + k + "\" holds \"" + PathSyntax.abbreviate(v.asText())
              + "\", which looks like a path or intrinsic function but is passed as literal text; name the"
              + " field \"" + k + ".$\" to evaluate it");
        } else {
          templateValue(v, kp, depth + 1);
        }
      }
    } else if (t.isArray()) {
      for (int i = 0; i < t.size(); i++) {
        templateValue(t.get(i), child(ptr, i), depth + 1);
      }
    }
  }

  private void noDollarKeys(JsonNode t, String ptr, String field) {
    String k = firstDollarKey(t, ptr, 0);
    if (k != null) {
      keyError(k, "\".$\" keys are JSONPath syntax and are not evaluated in JSONata states; write the key"
          + " without \".$\" and the value as \"{% ... %}\"");
    }
  }

  private void assign(JsonNode a, String ptr, QueryLanguage q) {
    if (!a.isObject()) {
      error(ptr, "Assign must be an object of variable names to values (was " + kind(a) + ")");
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = a.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String k = e.getKey();
      String name = q == QueryLanguage.JSONPATH && k.endsWith(".$") ? k.substring(0, k.length() - 2) : k;
      String kp = child(ptr, k);
      if (!PathSyntax.VARIABLE_NAME.matcher(name).matches()) {
        keyError(kp, "\"" + PathSyntax.abbreviate(name) + "\" is not a valid variable name: use letters, digits"
            + " and underscores, not starting with a digit");
      } else if (name.length() > 80) {
        keyError(kp, "variable name is " + name.length() + " characters long; AWS allows at most 80");
      } else if (name.equals("states")) {
        keyError(kp, "\"states\" is reserved for the $states variable and cannot be assigned");
      }
    }
    if (q == QueryLanguage.JSONPATH) {
      templateValue(a, ptr, 0);
    } else {
      noDollarKeys(a, ptr, "Assign");
    }
  }

  /** Checks every {% %} string of a JSONata state (outside nested state machines). */
  private void jsonataStrings(JsonNode n, String ptr, int depth) {
    if (depth > SourceParser.MAX_DEPTH) {
      return;
    }
    if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (depth == 0 && (e.getKey().equals("Branches") || e.getKey().equals("Iterator")
            || e.getKey().equals("ItemProcessor"))) {
          continue;
        }
        jsonataStrings(e.getValue(), child(ptr, e.getKey()), depth + 1);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        jsonataStrings(n.get(i), child(ptr, i), depth + 1);
      }
    } else if (n.isTextual()) {
      String s = n.asText();
      if (s.startsWith("{%")) {
        if (!s.endsWith("%}") || s.length() < 4) {
          error(ptr, "a JSONata expression must end with \"%}\" (was \"" + PathSyntax.abbreviate(s) + "\")");
        } else {
          String problem = jsonataProblem(s.substring(2, s.length() - 2));
          if (problem != null) {
            error(ptr, "invalid JSONata expression \"" + PathSyntax.abbreviate(s) + "\": " + problem);
          }
        }
      }
    }
  }

  static String jsonataProblem(String expression) {
    if (expression.isBlank()) {
      return "the expression is empty";
    }
    try {
      Jsonata.jsonata(expression);
      return null;
    } catch (StackOverflowError e) {
      return "the expression is nested too deeply";
    } catch (RuntimeException e) {
      String m = e.getMessage();
      return m == null ? e.getClass().getSimpleName() : PathSyntax.abbreviate(m);
    }
  }
}

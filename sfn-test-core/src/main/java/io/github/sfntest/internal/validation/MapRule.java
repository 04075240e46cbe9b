package io.github.sfntest.internal.validation;

import static io.github.sfntest.internal.validation.LocatedDocument.child;
import static io.github.sfntest.internal.validation.Values.isExpression;
import static io.github.sfntest.internal.validation.Values.kind;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.asl.QueryLanguage;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Map states: the item processor (walked as a nested state machine), concurrency, tolerated failures, items, ItemSelector and Label; the Distributed Map resources are {@link MapResources}'. */
final class MapRule extends StateRule {

  private static final int MAX_LABEL = 40;
  private static final Pattern LABEL_FORBIDDEN =
      Pattern.compile("[\\s{}\\[\\]*?\"#%\\\\^|~`$&,;:/\\p{Cntrl}]");
  private final MachineWalker walker;
  private final MapResources resources;

  MapRule(ValidationContext ctx, MachineWalker walker, MapResources resources) {
    super(ctx);
    this.walker = walker;
    this.resources = resources;
  }

  @Override
  void check(StateNode st) {
    map(st.node(), st.ptr(), st.q(), st.label());
  }

  private void map(JsonNode s, String ptr, QueryLanguage q, String label) {
    JsonNode iterator = s.get("Iterator");
    JsonNode processor = s.get("ItemProcessor");
    boolean distributed = false;
    // AWS: https://states-language.net/spec.html#map-state "A Map State MUST contain an object field named
    // ItemProcessor (or deprecated Iterator) which MUST contain fields named States and StartAt"
    if (iterator == null && processor == null) {
      out.error(ptr, label + " is missing required field \"ItemProcessor\" (the state machine run for each item)");
    } else if (iterator != null && processor != null) {
      // no AWS rejection documented or recorded: the engine runs ItemProcessor, as the spec's replacement
      out.warning("REDUNDANT_FIELD", child(ptr, "Iterator"), "\"Iterator\" and \"ItemProcessor\" are both set;"
          + " Iterator is the legacy name of ItemProcessor. AWS may accept the definition; sfn-test runs"
          + " ItemProcessor and ignores Iterator: remove one");
    }
    if (processor != null) {
      // AWS: https://states-language.net/spec.html#map-state "A Map State MUST contain an object field named
      // ItemProcessor (or deprecated Iterator)"
      if (!processor.isObject()) {
        out.error(child(ptr, "ItemProcessor"), "ItemProcessor must be an object with StartAt and States (was " + kind(processor) + ")");
      } else {
        distributed = processor.path("ProcessorConfig").path("Mode").asText("").equals("DISTRIBUTED");
        walker.machine(processor, child(ptr, "ItemProcessor"), Scope.ITEM_PROCESSOR);
      }
    }
    if (iterator != null) {
      // AWS: https://states-language.net/spec.html#map-state "A Map State MUST contain an object field named
      // ItemProcessor (or deprecated Iterator)"
      if (!iterator.isObject()) {
        out.error(child(ptr, "Iterator"), "Iterator must be an object with StartAt and States (was " + kind(iterator) + ")");
      } else {
        distributed |= iterator.path("ProcessorConfig").path("Mode").asText("").equals("DISTRIBUTED");
        walker.machine(iterator, child(ptr, "Iterator"), Scope.ITERATOR);
      }
    }
    if (s.has("ItemSelector") && s.has("Parameters")) {
      // no AWS rejection documented or recorded: the engine uses ItemSelector, which replaces the deprecated Parameters
      out.warning("REDUNDANT_FIELD", child(ptr, "Parameters"), "\"ItemSelector\" and \"Parameters\" are both set;"
          + " Parameters is the deprecated name of ItemSelector in a Map state. AWS may accept the definition;"
          + " sfn-test uses ItemSelector and ignores Parameters: remove one");
    }
    // AWS: https://states-language.net/spec.html#map-state "A Map State MUST NOT include both MaxConcurrency and
    // MaxConcurrencyPath" and "MUST NOT include both ToleratedFailureCount and ToleratedFailureCountPath or both
    // ToleratedFailurePercentage and ToleratedFailurePercentagePath"
    fields.exclusive(s, ptr, "MaxConcurrency", "MaxConcurrencyPath");
    fields.exclusive(s, ptr, "ToleratedFailurePercentage", "ToleratedFailurePercentagePath");
    fields.exclusive(s, ptr, "ToleratedFailureCount", "ToleratedFailureCountPath");
    // AWS: https://states-language.net/spec.html#map-state "A Map State MAY have a non-negative integer MaxConcurrency
    // field" and "a ToleratedFailurePercentage field whose value MUST be a number between zero and 100" and "a
    // non-negative integer ToleratedFailureCount field"; AWS answers the same bounds: recording:
    // https://github.com/floci-io/floci/issues/3733 ("Minimum value is 0.0 and also has Maximum value is 100.0")
    if (s.has("MaxConcurrency")) {
      fields.integer(child(ptr, "MaxConcurrency"), "MaxConcurrency", s.get("MaxConcurrency"), 0, Integer.MAX_VALUE, q);
    }
    // AWS: https://states-language.net/spec.html#map-state "A Map State MAY have a ToleratedFailurePercentage field
    // whose value MUST be a number between zero and 100"
    if (s.has("ToleratedFailurePercentage")) {
      fields.number(child(ptr, "ToleratedFailurePercentage"), "ToleratedFailurePercentage",
          s.get("ToleratedFailurePercentage"), BigDecimal.ZERO, BigDecimal.valueOf(100), q);
    }
    // AWS: https://states-language.net/spec.html#map-state "A Map State MAY have a non-negative integer
    // ToleratedFailureCount field"
    if (s.has("ToleratedFailureCount")) {
      fields.integer(child(ptr, "ToleratedFailureCount"), "ToleratedFailureCount", s.get("ToleratedFailureCount"), 0,
          Integer.MAX_VALUE, q);
    }
    if (q == QueryLanguage.JSONPATH) {
      for (String f : new String[] {"ItemsPath", "MaxConcurrencyPath", "ToleratedFailurePercentagePath",
          "ToleratedFailureCountPath"}) {
        // AWS: https://states-language.net/spec.html#map-state "ItemsPath field, whose value MUST be a Reference Path"
        // (and MaxConcurrencyPath, ToleratedFailureCountPath, ToleratedFailurePercentagePath: "MUST be Reference Paths")
        fields.pathField(s, ptr, f, false);
      }
      if (s.has("ItemSelector")) {
        templates.template(s.get("ItemSelector"), child(ptr, "ItemSelector"), "ItemSelector", true);
      }
    } else {
      JsonNode items = s.get("Items");
      // AWS: https://states-language.net/spec.html#map-state "A JSONata Map State MAY have an Items field, whose value
      // MUST be a JSON array or a JSONata string that MUST evaluate to a JSON array"
      if (items != null && !items.isArray() && !(items.isTextual() && isExpression(items.asText()))) {
        out.error(child(ptr, "Items"), "Items must be an array or a {% %} expression (was " + kind(items) + ")");
      }
      if (s.has("ItemSelector")) {
        templates.noDollarKeys(s.get("ItemSelector"), child(ptr, "ItemSelector"), "ItemSelector");
      }
    }
    label(s.get("Label"), child(ptr, "Label"));
    resources.check(s, ptr, q, distributed);
  }

  /**
   * Label: the States Language says nothing of it, no AWS rejection of a definition for its label is recorded (the
   * public corpus skipped those cases as not recorded on AWS), and the engine runs any label, so these are warnings.
   */
  private void label(JsonNode lbl, String lp) {
    if (lbl == null) {
      return;
    }
    String may = "; AWS may accept the definition (no AWS rejection of it is recorded), but the label names the Map"
        + " Run in its ARN";
    if (!lbl.isTextual()) {
      out.warning("LABEL_FORMAT", lp, "Label should be a string (was " + kind(lbl) + ")" + may);
      return;
    }
    String l = lbl.asText();
    if (l.codePointCount(0, l.length()) > MAX_LABEL) {
      out.warning("LABEL_FORMAT", lp, "Label should be at most " + MAX_LABEL + " characters (was "
          + l.codePointCount(0, l.length()) + ")" + may);
    }
    var m = LABEL_FORBIDDEN.matcher(l);
    if (m.find()) {
      out.warning("LABEL_FORMAT", lp, "Label should not contain whitespace, brackets, wildcards or the characters"
          + " \" # % \\ ^ | ~ ` $ & , ; : / (found \"" + m.group().replaceAll("\\p{Cntrl}", "?") + "\")" + may);
    }
  }
}

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
    if (iterator == null && processor == null) {
      out.error(ptr, label + " is missing required field \"ItemProcessor\" (the state machine run for each item)");
    } else if (iterator != null && processor != null) {
      out.keyError(child(ptr, "Iterator"), "\"Iterator\" and \"ItemProcessor\" cannot both be set; Iterator is"
          + " the legacy name of ItemProcessor");
    }
    if (processor != null) {
      if (!processor.isObject()) {
        out.error(child(ptr, "ItemProcessor"), "ItemProcessor must be an object with StartAt and States (was " + kind(processor) + ")");
      } else {
        distributed = processor.path("ProcessorConfig").path("Mode").asText("").equals("DISTRIBUTED");
        walker.machine(processor, child(ptr, "ItemProcessor"), Scope.ITEM_PROCESSOR);
      }
    }
    if (iterator != null) {
      if (!iterator.isObject()) {
        out.error(child(ptr, "Iterator"), "Iterator must be an object with StartAt and States (was " + kind(iterator) + ")");
      } else {
        distributed |= iterator.path("ProcessorConfig").path("Mode").asText("").equals("DISTRIBUTED");
        walker.machine(iterator, child(ptr, "Iterator"), Scope.ITERATOR);
      }
    }
    fields.exclusive(s, ptr, "ItemSelector", "Parameters");
    fields.exclusive(s, ptr, "MaxConcurrency", "MaxConcurrencyPath");
    fields.exclusive(s, ptr, "ToleratedFailurePercentage", "ToleratedFailurePercentagePath");
    fields.exclusive(s, ptr, "ToleratedFailureCount", "ToleratedFailureCountPath");
    if (s.has("MaxConcurrency")) {
      fields.integer(child(ptr, "MaxConcurrency"), "MaxConcurrency", s.get("MaxConcurrency"), 0, Integer.MAX_VALUE, q);
    }
    if (s.has("ToleratedFailurePercentage")) {
      fields.number(child(ptr, "ToleratedFailurePercentage"), "ToleratedFailurePercentage",
          s.get("ToleratedFailurePercentage"), BigDecimal.ZERO, BigDecimal.valueOf(100), q);
    }
    if (s.has("ToleratedFailureCount")) {
      fields.integer(child(ptr, "ToleratedFailureCount"), "ToleratedFailureCount", s.get("ToleratedFailureCount"), 0,
          Integer.MAX_VALUE, q);
    }
    if (q == QueryLanguage.JSONPATH) {
      for (String f : new String[] {"ItemsPath", "MaxConcurrencyPath", "ToleratedFailurePercentagePath",
          "ToleratedFailureCountPath"}) {
        fields.pathField(s, ptr, f, false);
      }
      if (s.has("ItemSelector")) {
        templates.template(s.get("ItemSelector"), child(ptr, "ItemSelector"), "ItemSelector", true);
      }
    } else {
      JsonNode items = s.get("Items");
      if (items != null && !items.isArray() && !(items.isTextual() && isExpression(items.asText()))) {
        out.error(child(ptr, "Items"), "Items must be an array or a {% %} expression (was " + kind(items) + ")");
      }
      if (s.has("ItemSelector")) {
        templates.noDollarKeys(s.get("ItemSelector"), child(ptr, "ItemSelector"), "ItemSelector");
      }
    }
    JsonNode lbl = s.get("Label");
    if (lbl != null) {
      String lp = child(ptr, "Label");
      if (!lbl.isTextual()) {
        out.error(lp, "Label must be a string (was " + kind(lbl) + ")");
      } else {
        String l = lbl.asText();
        if (l.codePointCount(0, l.length()) > MAX_LABEL) {
          out.error(lp, "Label must be at most " + MAX_LABEL + " characters (was " + l.codePointCount(0, l.length()) + ")");
        }
        var m = LABEL_FORBIDDEN.matcher(l);
        if (m.find()) {
          out.error(lp, "Label must not contain whitespace, brackets, wildcards or the characters"
              + " \" # % \\ ^ | ~ ` $ & , ; : / (found \"" + m.group().replaceAll("\\p{Cntrl}", "?") + "\")");
        }
      }
    }
    resources.check(s, ptr, q, distributed);
  }
}

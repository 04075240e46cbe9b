package io.github.sfntest.internal.coverage;

import io.github.sfntest.internal.coverage.MachineReport.Ratio;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The minimum coverage: {@code states:80,transitions:70,errors:50} applies to every machine, {@code
 * total.states:90} to all machines together, {@code OrderFlow.transitions:100} to one machine.
 * Metrics: {@code states}, {@code transitions}, {@code errors} (Catch rules taken and Retry rules
 * fired).
 */
public final class CoverageGate {

  /** One threshold: scope null = every machine, "total" = all together, else a machine name. */
  record Threshold(String scope, String metric, double minimum) {}

  private final List<Threshold> thresholds;

  private CoverageGate(List<Threshold> thresholds) {
    this.thresholds = thresholds;
  }

  /**
   * Parses a gate specification.
   *
   * @throws IllegalArgumentException naming the bad entry and the expected form
   */
  public static CoverageGate parse(String spec) {
    List<Threshold> thresholds = new ArrayList<>();
    for (String raw : spec.split(",")) {
      String entry = raw.trim();
      if (entry.isEmpty()) {
        continue;
      }
      int colon = entry.lastIndexOf(':');
      if (colon <= 0) {
        throw bad(entry, "no ':'");
      }
      String key = entry.substring(0, colon).trim();
      String value = entry.substring(colon + 1).trim().replace("%", "");
      double minimum;
      try {
        minimum = Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw bad(entry, "\"" + value + "\" is not a number");
      }
      if (minimum < 0 || minimum > 100) {
        throw bad(entry, "the minimum must be between 0 and 100");
      }
      int dot = key.lastIndexOf('.');
      String scope = dot < 0 ? null : key.substring(0, dot);
      String metric = (dot < 0 ? key : key.substring(dot + 1)).toLowerCase(Locale.ROOT);
      if (!List.of("states", "transitions", "errors").contains(metric)) {
        throw bad(entry, "unknown metric \"" + metric + "\"");
      }
      thresholds.add(new Threshold(scope, metric, minimum));
    }
    return new CoverageGate(thresholds);
  }

  private static IllegalArgumentException bad(String entry, String why) {
    return new IllegalArgumentException("Bad coverage minimum \"" + entry + "\" (" + why + "); expected entries like"
        + " states:80, transitions:70, errors:50, total.states:90 or MachineName.transitions:100, separated by commas");
  }

  /** The violations, one paragraph each listing what is uncovered; empty if the gate passes. */
  public List<String> check(List<MachineReport> machines) {
    List<String> violations = new ArrayList<>();
    for (Threshold t : thresholds) {
      if ("total".equals(t.scope())) {
        Ratio total = new Ratio(0, 0);
        for (MachineReport m : machines) {
          total = total.plus(metric(t.metric()).apply(m));
        }
        if (total.percent() + 1e-9 < t.minimum()) {
          StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
              "all machines: %s coverage %.1f%% (%d of %d) is below the minimum %.1f%%; uncovered:",
              t.metric(), total.percent(), total.covered(), total.total(), t.minimum()));
          for (MachineReport m : machines) {
            uncovered(m, t.metric()).forEach(line -> text.append("\n    ").append(m.name()).append(": ").append(line));
          }
          violations.add(text.toString());
        }
        continue;
      }
      boolean matched = false;
      for (MachineReport m : machines) {
        if (t.scope() != null && !t.scope().equals(m.name())) {
          continue;
        }
        matched = true;
        Ratio ratio = metric(t.metric()).apply(m);
        if (ratio.percent() + 1e-9 < t.minimum()) {
          StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
              "%s (%s): %s coverage %.1f%% (%d of %d) is below the minimum %.1f%%; uncovered:",
              m.name(), m.hash(), t.metric(), ratio.percent(), ratio.covered(), ratio.total(), t.minimum()));
          uncovered(m, t.metric()).forEach(line -> text.append("\n    ").append(line));
          violations.add(text.toString());
        }
      }
      if (!matched && t.scope() != null) {
        violations.add("no coverage was recorded for state machine \"" + t.scope() + "\" named in the minimum "
            + t.scope() + "." + t.metric() + ":" + t.minimum());
      }
    }
    return violations;
  }

  private static List<String> uncovered(MachineReport m, String metric) {
    return m.uncovered().stream().filter(line -> switch (metric) {
      case "states" -> line.startsWith("state ");
      case "transitions" -> line.startsWith("transition ");
      default -> line.startsWith("retry ") || line.contains("(Catch ");
    }).toList();
  }

  private static Function<MachineReport, Ratio> metric(String metric) {
    return switch (metric) {
      case "states" -> MachineReport::states;
      case "transitions" -> MachineReport::transitions;
      default -> MachineReport::errorPaths;
    };
  }
}

package io.github.sfntest.coverage;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.internal.coverage.CoverageData;
import io.github.sfntest.internal.coverage.CoverageGate;
import io.github.sfntest.internal.coverage.CoverageReportWriter;
import io.github.sfntest.internal.coverage.CoverageRuntime;
import io.github.sfntest.internal.coverage.CoverageSettings;
import io.github.sfntest.internal.coverage.MachineReport;
import io.github.sfntest.internal.coverage.PathRenderer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Coverage of state machines by tests: which states, transitions (each Choice rule, Default, each
 * Catch rule) and Retry rules the executions of a test run reached, as an HTML report with the
 * graph of every machine and a {@code coverage.json}.
 *
 * <p>The JUnit and Spock extensions record every execution a test starts and write the report
 * when the test run ends; nothing to call. Switch it off with {@code -Dsfntest.coverage=false};
 * fail the build below a minimum with {@code -Dsfntest.coverage.minimum=states:80,transitions:70}.
 * The report goes to {@code target/sfn-test-coverage/} ({@code -Dsfntest.coverage.dir=...}).
 *
 * <pre>{@code
 * ExecutionResult result = engine.run(definition, "{}");
 * Coverage.record(definition, result, "my check");      // outside the extensions
 * Coverage.writeReport();                               // target/sfn-test-coverage/index.html
 * String svg = Coverage.renderSvg(definition, result);  // the path this execution took
 * }</pre>
 */
public final class Coverage {

  private Coverage() {}

  /** True unless switched off with {@code -Dsfntest.coverage=false} (or {@code enabled=false} in the config file). */
  public static boolean enabled() {
    return CoverageSettings.enabled();
  }

  /** The report directory ({@code target/sfn-test-coverage} unless {@code -Dsfntest.coverage.dir} says otherwise). */
  public static Path directory() {
    return CoverageSettings.directory();
  }

  /** Records what one execution of {@code definition} covered, attributed to {@code testName}. */
  public static void record(StateMachineDefinition definition, ExecutionResult result, String testName) {
    record(definition, result, testName, name -> null);
  }

  /**
   * Like {@link #record(StateMachineDefinition, ExecutionResult, String)}; child executions
   * ({@code states:startExecution}) count for the machines {@code definitions} returns by name.
   */
  public static void record(StateMachineDefinition definition, ExecutionResult result, String testName,
      Function<String, StateMachineDefinition> definitions) {
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(result, "result");
    if (enabled()) {
      CoverageRuntime.get().record(definition, result, testName, definitions);
    }
  }

  /**
   * Records what a single-state test covered (see {@link io.github.sfntest.testing.StateTester}): the
   * tested state counts as covered, and so does the transition to the next state it reported (the
   * Choice rule, Default, Catch rule or Next) and a Retry rule it reported as retriable. Does
   * nothing when coverage is off.
   *
   * @param definition the state machine the state belongs to
   * @param request the single-state request (its {@code stateName}, input and variables)
   * @param result what the test answered
   * @param testName the test, for "which tests reached this state"; null for an unnamed one
   */
  public static void recordSingleState(StateMachineDefinition definition,
      io.github.sfntest.teststate.TestStateRequest request, io.github.sfntest.teststate.TestStateResult result,
      String testName) {
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(result, "result");
    if (!enabled() || request.stateName().isEmpty()) {
      return;
    }
    var details = result.inspection().errorDetails();
    int caught = details.map(d -> d.path("catchIndex").asInt(-1)).orElse(-1);
    int retry = result.status() == io.github.sfntest.teststate.TestStateStatus.RETRIABLE
        ? details.map(d -> d.path("retryIndex").asInt(-1)).orElse(-1) : -1;
    java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> variables = new java.util.HashMap<>();
    request.variables().ifPresent(v -> v.properties().forEach(e -> variables.put(e.getKey(), e.getValue())));
    CoverageRuntime.get().recordSingleState(definition, request.stateName().get(), result.nextState().orElse(null),
        result.status() == io.github.sfntest.teststate.TestStateStatus.CAUGHT_ERROR ? result.error().orElse(null) : null,
        caught, retry, request.input().orElse(io.github.sfntest.internal.json.Json.NODES.objectNode()), variables,
        testName);
  }

  /**
   * Writes this JVM's raw file, then (re)builds the report in {@link #directory()} from every raw
   * file there (other forks' included) and applies the minimum, if one is set.
   *
   * @return the report's {@code index.html}, or null if this JVM recorded nothing new since the
   *     last report
   * @throws CoverageMinimumException if coverage is below the configured minimum
   */
  public static Path writeReport() {
    Path dir = directory();
    if (!CoverageRuntime.get().flushIfChanged(dir)) {
      return null;
    }
    return mergeReports(dir, List.of(dir), CoverageSettings.minimum());
  }

  /**
   * Builds one report in {@code output} from the raw files of several report directories (e.g. the
   * modules of a build), and applies {@code minimum} (null for none).
   *
   * @return the report's {@code index.html}
   * @throws CoverageMinimumException if coverage is below {@code minimum}
   * @throws IllegalArgumentException if an input holds no raw coverage or {@code minimum} is malformed
   */
  public static Path mergeReports(Path output, List<Path> inputs, String minimum) {
    CoverageGate gate = minimum == null ? null : CoverageGate.parse(minimum);
    CoverageData data = CoverageReportWriter.readRaw(inputs);
    List<MachineReport> machines = CoverageReportWriter.write(data, output);
    if (gate != null) {
      List<String> violations = gate.check(machines);
      if (!violations.isEmpty()) {
        throw new CoverageMinimumException("State machine coverage is below the minimum " + minimum + " (report: "
            + output.resolve("index.html").toAbsolutePath() + "):\n  " + String.join("\n  ", violations));
      }
    }
    return output.resolve("index.html");
  }

  /**
   * The SVG graph of {@code definition}, laid out like the AWS console's; with {@code result}, the
   * states and transitions that execution took are highlighted (an uncaught failure in red).
   */
  public static String renderSvg(StateMachineDefinition definition, ExecutionResult result) {
    return PathRenderer.svg(Objects.requireNonNull(definition, "definition"), result);
  }
}

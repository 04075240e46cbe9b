package io.github.sfntest.testsupport;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import io.github.sfntest.internal.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.DynamicTest;

/**
 * What every conformance corpus test shares: running the corpus's own Python judge in batch mode
 * over a folder of answers, and the shrink-only list of known failures (a listed case that passes,
 * or that is not a case of the corpus, fails the build).
 *
 * @param judge the corpus's comparer script, run as {@code python3 judge --batch --json CASES RESULTS}
 * @param knownFailuresResource classpath resource listing {@code case-id reason} lines
 * @param passed when a judge's report counts as a pass
 */
public record ConformanceHarness(Path judge, String knownFailuresResource, Predicate<JsonNode> passed) {

  /**
   * Runs the judge over {@code results}.
   *
   * @return each case's report by {@code case_id}; null when python3 cannot be run here
   */
  public Map<String, JsonNode> judge(Path cases, Path results) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder("python3", judge.toString(), "--batch", cases.toString(), results.toString(), "--json")
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
    } catch (IOException e) {
      return null;
    }
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(judge.getFileName() + " did not finish in 5 minutes");
    }
    String text = new String(out, StandardCharsets.UTF_8);
    // a stream of JSON reports; some judges end with a plain "summary:" line, others with a {"summary": ...} object
    int summary = text.lastIndexOf("\nsummary:");
    if (summary >= 0) {
      text = text.substring(0, summary);
    }
    Map<String, JsonNode> verdicts = new HashMap<>();
    try (MappingIterator<JsonNode> reports = Json.MAPPER.readerFor(JsonNode.class).readValues(text)) {
      while (reports.hasNext()) {
        JsonNode report = reports.next();
        if (report.has("case_id")) {
          verdicts.put(report.path("case_id").asText(), report);
        }
      }
    }
    return verdicts;
  }

  /** The known failures, case id to reason, in file order; empty when the resource is absent. */
  public Map<String, String> knownFailures() throws IOException {
    Map<String, String> known = new LinkedHashMap<>();
    try (var in = ConformanceHarness.class.getResourceAsStream(knownFailuresResource)) {
      if (in == null) {
        return known;
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        int space = line.indexOf(' ');
        known.put(space < 0 ? line : line.substring(0, space), space < 0 ? "(no reason given)" : line.substring(space + 1).strip());
      }
    }
    return known;
  }

  /** Whether the judge passed {@code id}; false when it gave no report or could not run. */
  public boolean passed(Map<String, JsonNode> verdicts, String id) {
    return verdicts != null && verdicts.containsKey(id) && passed.test(verdicts.get(id));
  }

  /**
   * Fails, aborts or returns for one case: aborts when the judge could not run or the case is a known
   * failure; fails when it differs from AWS, or when a known failure now passes.
   */
  public void check(String id, Map<String, JsonNode> verdicts, Map<String, String> known, Path resultFile) {
    assumeTrue(verdicts != null, "python3 is not available to run " + judge.getFileName() + ": results written to " + resultFile);
    JsonNode report = verdicts.get(id);
    if (report == null) {
      fail(judge.getFileName() + " gave no verdict for " + id);
    }
    boolean ok = passed.test(report);
    if (known.containsKey(id)) {
      if (ok) {
        fail(id + " passes now: remove it from src/test/resources" + knownFailuresResource);
      }
      abort("known failure: " + known.get(id));
    }
    if (!ok) {
      StringBuilder message = new StringBuilder(id + " differs from the AWS recording:");
      report.path("diffs").forEach(d -> message.append("\n  - ").append(d.asText()));
      report.path("notes").forEach(d -> message.append("\n  - ").append(d.asText()));
      message.append("\n(result: ").append(resultFile).append(")");
      fail(message.toString());
    }
  }

  /** One failing test per known failure that names no case of the corpus, so stale lines are removed. */
  public List<DynamicTest> staleKnownFailures(Map<String, String> known, Collection<String> caseIds) {
    List<DynamicTest> tests = new ArrayList<>();
    for (String id : known.keySet()) {
      if (!caseIds.contains(id)) {
        tests.add(DynamicTest.dynamicTest(id, () -> fail(
            knownFailuresResource + " lists \"" + id + "\", which is not a case of the corpus: remove the line")));
      }
    }
    return tests;
  }
}

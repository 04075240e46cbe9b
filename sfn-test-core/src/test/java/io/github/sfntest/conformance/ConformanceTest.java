package io.github.sfntest.conformance;

import static org.junit.jupiter.api.Assumptions.abort;

import io.github.sfntest.testsupport.ConformanceHarness;
import io.github.sfntest.testsupport.SharedDir;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.cli.BatchCommand;
import io.github.sfntest.internal.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case of {@code ../shared/conformance} (executions recorded on real AWS) on the
 * in-process engine, exactly as the CLI's {@code batch} does, and judges the results with the
 * corpus's own {@code compare.py}, as the independent check does. Cases the engine cannot pass
 * yet are listed with their reason in {@code conformance/known-failures.txt}; a listed case that
 * passes fails the build, so the list only shrinks.
 */
class ConformanceTest {

  @TestFactory
  Stream<DynamicTest> recorded_aws_executions() throws Exception {
    Path corpus = locateCorpus();
    if (corpus == null) {
      return Stream.of(DynamicTest.dynamicTest("conformance corpus", () -> abort(
          "../shared/conformance is not beside this checkout (set -Dsfntest.conformance.dir): conformance cases skipped")));
    }
    Path cases = corpus.resolve("cases");
    Path results = Path.of("target", "conformance-results");
    Files.createDirectories(results);
    JsonNode index = Json.parse(Files.readString(cases.resolve("index.json")));
    List<String> ids = new ArrayList<>();
    Map<String, String> areas = new HashMap<>();
    for (JsonNode c : index.get("cases")) {
      ids.add(c.get("id").asText());
      areas.put(c.get("id").asText(), c.get("category").asText() + "/" + c.get("feature_area").asText());
    }
    for (String id : ids) {
      Files.writeString(results.resolve(id + ".json"), Json.write(BatchCommand.runCase(cases.resolve(id))));
    }
    ConformanceHarness harness = harness(corpus);
    Map<String, JsonNode> verdicts = harness.judge(cases, results);
    Map<String, String> known = harness.knownFailures();
    printSummary(ids, areas, verdicts);
    List<DynamicTest> tests = new ArrayList<>();
    for (String id : ids) {
      tests.add(DynamicTest.dynamicTest(id, () -> harness.check(id, verdicts, known, results.resolve(id + ".json"))));
    }
    tests.addAll(harness.staleKnownFailures(known, areas.keySet()));
    return tests.stream();
  }

  /** compare.py judges; a report whose result starts with PASS passes. */
  static ConformanceHarness harness(Path corpus) {
    return new ConformanceHarness(corpus.resolve("compare.py"), "/conformance/known-failures.txt",
        report -> report.path("result").asText().startsWith("PASS"));
  }

  private static void printSummary(List<String> ids, Map<String, String> areas, Map<String, JsonNode> verdicts) {
    if (verdicts == null) {
      return;
    }
    Map<String, int[]> byArea = new TreeMap<>();
    for (String id : ids) {
      int[] counts = byArea.computeIfAbsent(areas.get(id), k -> new int[2]);
      JsonNode report = verdicts.get(id);
      if (report != null && report.path("result").asText().startsWith("PASS")) {
        counts[0]++;
      }
      counts[1]++;
    }
    int pass = 0;
    StringBuilder table = new StringBuilder("Conformance (compare.py, strict):\n");
    for (Map.Entry<String, int[]> e : byArea.entrySet()) {
      table.append(String.format("  %-32s %4d / %4d%n", e.getKey(), e.getValue()[0], e.getValue()[1]));
      pass += e.getValue()[0];
    }
    table.append(String.format("  %-32s %4d / %4d%n", "total", pass, ids.size()));
    System.out.print(table);
  }

  static Path locateCorpus() {
    return SharedDir.find("conformance/cases/index.json").map(p -> p.getParent().getParent()).orElse(null);
  }
}

package io.github.sfntest.conformance;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.sfntest.testsupport.SharedDir;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import io.github.sfntest.cli.BatchCommand;
import io.github.sfntest.internal.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
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
    Map<String, JsonNode> verdicts = judge(corpus, results);
    Map<String, String> known = knownFailures();
    printSummary(ids, areas, verdicts);
    List<DynamicTest> tests = new ArrayList<>();
    for (String id : ids) {
      tests.add(DynamicTest.dynamicTest(id, () -> check(id, verdicts, known)));
    }
    for (String id : known.keySet()) {
      if (!areas.containsKey(id)) {
        tests.add(DynamicTest.dynamicTest(id, () -> fail(
            "known-failures.txt lists \"" + id + "\", which is not a case of the corpus: remove the line")));
      }
    }
    return tests.stream();
  }

  private static void check(String id, Map<String, JsonNode> verdicts, Map<String, String> known) {
    assumeTrue(verdicts != null, "python3 is not available to run compare.py: results written to target/conformance-results");
    JsonNode report = verdicts.get(id);
    if (report == null) {
      fail("compare.py gave no verdict for " + id);
    }
    String result = report.path("result").asText();
    boolean passed = result.startsWith("PASS");
    if (known.containsKey(id)) {
      if (passed) {
        fail(id + " passes now (" + result + "): remove it from src/test/resources/conformance/known-failures.txt");
      }
      abort("known failure: " + known.get(id));
    }
    if (!passed) {
      StringBuilder message = new StringBuilder(id + " differs from the AWS recording:");
      report.path("diffs").forEach(d -> message.append("\n  - ").append(d.asText()));
      message.append("\n(results: target/conformance-results/").append(id).append(".json)");
      fail(message.toString());
    }
  }

  /** Runs compare.py --batch --json; null when python3 cannot be run here. */
  static Map<String, JsonNode> judge(Path corpus, Path results) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder("python3", corpus.resolve("compare.py").toString(), "--batch", "--json",
          corpus.resolve("cases").toString(), results.toString())
          .redirectErrorStream(false)
          .start();
    } catch (IOException e) {
      return null;
    }
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("compare.py did not finish in 5 minutes");
    }
    String text = new String(out, StandardCharsets.UTF_8);
    int summary = text.lastIndexOf("\nsummary:");
    if (summary >= 0) {
      text = text.substring(0, summary);
    }
    Map<String, JsonNode> verdicts = new HashMap<>();
    try (MappingIterator<JsonNode> reports = Json.MAPPER.readerFor(JsonNode.class).readValues(text)) {
      while (reports.hasNext()) {
        JsonNode report = reports.next();
        verdicts.put(report.path("case_id").asText(), report);
      }
    }
    return verdicts;
  }

  static Map<String, String> knownFailures() throws IOException {
    Map<String, String> known = new LinkedHashMap<>();
    try (var in = ConformanceTest.class.getResourceAsStream("/conformance/known-failures.txt")) {
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

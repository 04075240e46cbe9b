package io.github.sfntest.teststate;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.internal.sdk.SdkTestState;
import io.github.sfntest.internal.teststate.TestStateWire;
import io.github.sfntest.sdk.SdkEngine;
import io.github.sfntest.server.SfnServer;
import io.github.sfntest.testsupport.SharedDir;
import io.github.sfntest.testing.StateTester;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Runs every case of {@code ../shared/conformance/test-state} (TestState calls recorded on real
 * AWS) through the Java API ({@link StateTester}) and through the endpoint ({@link SfnServer}, the
 * request sent with the AWS SDK's {@code SfnClient.testState}), and judges both with the corpus's own {@code compare_test_state.py}.
 * Cases that cannot pass yet are listed with their reason in {@code teststate/known-failures.txt};
 * a listed case that passes fails the build, so the list only shrinks.
 */
class TestStateConformanceTest {

  @TestFactory
  Stream<DynamicTest> recorded_aws_test_state_calls() throws Exception {
    Path corpus = locateCorpus();
    if (corpus == null) {
      return Stream.of(DynamicTest.dynamicTest("test-state corpus", () -> abort(
          "../shared/conformance/test-state is not beside this checkout: TestState conformance cases skipped")));
    }
    Path cases = corpus.resolve("cases");
    Path apiResults = Path.of("target", "test-state-results");
    Path endpointResults = Path.of("target", "test-state-results-endpoint");
    Files.createDirectories(apiResults);
    Files.createDirectories(endpointResults);
    JsonNode index = Json.parse(Files.readString(cases.resolve("index.json")));
    List<String> ids = new ArrayList<>();
    Map<String, Boolean> offline = new HashMap<>();
    for (JsonNode c : index.get("cases")) {
      ids.add(c.get("id").asText());
      offline.put(c.get("id").asText(), c.path("runnable_offline").asBoolean(true));
    }
    // The endpoint is driven through the AWS SDK v2 (SfnClient.testState), so the real SDK's
    // serialisation of every request member and its reading of every response member are proven.
    try (SfnServer server = SfnServer.start(); SfnClient client = SdkEngine.client(server.endpoint(), "us-east-1")) {
      for (String id : ids) {
        String body = Files.readString(cases.resolve(id).resolve("request.json"));
        Files.writeString(apiResults.resolve(id + ".json"), Json.write(viaJavaApi(body)));
        Files.writeString(endpointResults.resolve(id + ".json"), Json.write(SdkTestState.send(client, Json.parse(body))));
      }
    }
    Map<String, JsonNode> apiVerdicts = judge(corpus, apiResults);
    Map<String, JsonNode> endpointVerdicts = judge(corpus, endpointResults);
    Map<String, String> known = knownFailures();
    List<DynamicTest> tests = new ArrayList<>();
    int passed = 0;
    for (String id : ids) {
      if (!offline.get(id)) {
        tests.add(DynamicTest.dynamicTest(id, () -> abort(
            "AWS invoked a real Lambda function for this case (runnable_offline: false); sfn-test calls no AWS service")));
        continue;
      }
      if (apiVerdicts != null && apiVerdicts.containsKey(id)
          && apiVerdicts.get(id).path("result").asText().startsWith("PASS")) {
        passed++;
      }
      tests.add(DynamicTest.dynamicTest(id + " (Java API)", () -> check(id, apiVerdicts, known, apiResults)));
      tests.add(DynamicTest.dynamicTest(id + " (endpoint)", () -> check(id, endpointVerdicts, known, endpointResults)));
    }
    int passedEndpoint = 0;
    for (String id : ids) {
      if (offline.get(id) && endpointVerdicts != null && endpointVerdicts.containsKey(id)
          && endpointVerdicts.get(id).path("result").asText().startsWith("PASS")) {
        passedEndpoint++;
      }
    }
    long runnable = ids.size() - offline.values().stream().filter(v -> !v).count();
    System.out.println("TestState conformance: " + passed + " / " + runnable + " offline-runnable cases pass through the"
        + " Java API, " + passedEndpoint + " / " + runnable + " through the endpoint via SfnClient.testState");
    for (String id : known.keySet()) {
      if (!offline.containsKey(id)) {
        tests.add(DynamicTest.dynamicTest(id, () -> fail(
            "teststate/known-failures.txt lists \"" + id + "\", which is not a case of the corpus: remove the line")));
      }
    }
    return tests.stream();
  }

  private static JsonNode viaJavaApi(String body) {
    try {
      return TestStateWire.response(StateTester.test(TestStateWire.request(Json.parse(body)), EngineOptions.defaults()));
    } catch (TestStateException e) {
      return TestStateWire.error(e);
    }
  }

  private static void check(String id, Map<String, JsonNode> verdicts, Map<String, String> known, Path results) {
    assumeTrue(verdicts != null, "python3 is not available to run compare_test_state.py: results written to " + results);
    JsonNode report = verdicts.get(id);
    if (report == null) {
      fail("compare_test_state.py gave no verdict for " + id);
    }
    boolean passed = report.path("result").asText().startsWith("PASS");
    if (known.containsKey(id)) {
      if (passed) {
        fail(id + " passes now: remove it from src/test/resources/teststate/known-failures.txt");
      }
      abort("known failure: " + known.get(id));
    }
    if (!passed) {
      StringBuilder message = new StringBuilder(id + " differs from the AWS recording:");
      report.path("diffs").forEach(d -> message.append("\n  - ").append(d.asText()));
      message.append("\n(result: ").append(results.resolve(id + ".json")).append(")");
      fail(message.toString());
    }
  }

  /** Runs compare_test_state.py --batch --json; null when python3 cannot be run here. */
  private static Map<String, JsonNode> judge(Path corpus, Path results) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder("python3", corpus.resolve("compare_test_state.py").toString(), "--batch", "--json",
          corpus.resolve("cases").toString(), results.toString())
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
    } catch (IOException e) {
      return null;
    }
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("compare_test_state.py did not finish in 5 minutes");
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

  private static Map<String, String> knownFailures() throws IOException {
    Map<String, String> known = new LinkedHashMap<>();
    try (var in = TestStateConformanceTest.class.getResourceAsStream("/teststate/known-failures.txt")) {
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

  static Path locateCorpus() {
    return SharedDir.find("conformance/test-state")
        .filter(p -> Files.isRegularFile(p.resolve("cases").resolve("index.json")))
        .orElse(null);
  }
}

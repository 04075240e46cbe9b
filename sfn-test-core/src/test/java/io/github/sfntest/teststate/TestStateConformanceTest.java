package io.github.sfntest.teststate;

import static org.junit.jupiter.api.Assumptions.abort;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.internal.sdk.SdkTestState;
import io.github.sfntest.internal.teststate.TestStateWire;
import io.github.sfntest.sdk.SdkEngine;
import io.github.sfntest.server.SfnServer;
import io.github.sfntest.testsupport.ConformanceHarness;
import io.github.sfntest.testsupport.SharedDir;
import io.github.sfntest.testing.StateTester;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    ConformanceHarness harness = new ConformanceHarness(corpus.resolve("compare_test_state.py"),
        "/teststate/known-failures.txt", report -> report.path("result").asText().startsWith("PASS"));
    Map<String, JsonNode> apiVerdicts = harness.judge(corpus.resolve("cases"), apiResults);
    Map<String, JsonNode> endpointVerdicts = harness.judge(corpus.resolve("cases"), endpointResults);
    Map<String, String> known = harness.knownFailures();
    List<DynamicTest> tests = new ArrayList<>();
    int passed = 0;
    for (String id : ids) {
      if (!offline.get(id)) {
        tests.add(DynamicTest.dynamicTest(id, () -> abort(
            "AWS invoked a real Lambda function for this case (runnable_offline: false); sfn-test calls no AWS service")));
        continue;
      }
      if (harness.passed(apiVerdicts, id)) {
        passed++;
      }
      tests.add(DynamicTest.dynamicTest(id + " (Java API)", () -> harness.check(id, apiVerdicts, known, apiResults.resolve(id + ".json"))));
      tests.add(DynamicTest.dynamicTest(id + " (endpoint)", () -> harness.check(id, endpointVerdicts, known, endpointResults.resolve(id + ".json"))));
    }
    int passedEndpoint = 0;
    for (String id : ids) {
      if (offline.get(id) && harness.passed(endpointVerdicts, id)) {
        passedEndpoint++;
      }
    }
    long runnable = ids.size() - offline.values().stream().filter(v -> !v).count();
    System.out.println("TestState conformance: " + passed + " / " + runnable + " offline-runnable cases pass through the"
        + " Java API, " + passedEndpoint + " / " + runnable + " through the endpoint via SfnClient.testState");
    tests.addAll(harness.staleKnownFailures(known, offline.keySet()));
    return tests.stream();
  }

  private static JsonNode viaJavaApi(String body) {
    try {
      return TestStateWire.response(StateTester.test(TestStateWire.request(Json.parse(body)), EngineOptions.defaults()));
    } catch (TestStateException e) {
      return TestStateWire.error(e);
    }
  }

  static Path locateCorpus() {
    return SharedDir.find("conformance/test-state")
        .filter(p -> Files.isRegularFile(p.resolve("cases").resolve("index.json")))
        .orElse(null);
  }
}

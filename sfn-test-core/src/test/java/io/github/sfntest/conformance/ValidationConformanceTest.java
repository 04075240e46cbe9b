package io.github.sfntest.conformance;

import static org.junit.jupiter.api.Assumptions.abort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.internal.validation.DefinitionValidator;
import io.github.sfntest.internal.validation.ValidationResponse;
import io.github.sfntest.server.SfnServer;
import io.github.sfntest.testsupport.ConformanceHarness;
import io.github.sfntest.testsupport.SharedDir;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResponse;

/**
 * Runs every case of {@code ../shared/conformance/validation} (ValidateStateMachineDefinition and
 * CreateStateMachine answers recorded on real AWS) through the Java API ({@link DefinitionValidator})
 * and through the endpoint with the AWS SDK v2, and judges both with the corpus's own {@code
 * compare_validation.py} at all three levels (verdict; severity, code and location; exact message).
 * Cases that cannot pass yet are listed with their reason in {@code validation/known-failures.txt};
 * a listed case that passes fails the build, so the list only shrinks.
 */
class ValidationConformanceTest {

  private static final String ROLE = "arn:aws:iam::111111111111:role/sfn";

  @TestFactory
  Stream<DynamicTest> recorded_aws_validation_answers() throws Exception {
    Path corpus = SharedDir.find("conformance/validation")
        .filter(p -> Files.isRegularFile(p.resolve("cases").resolve("index.json")))
        .orElse(null);
    if (corpus == null) {
      return Stream.of(DynamicTest.dynamicTest("validation corpus", () -> abort(
          "../shared/conformance/validation is not beside this checkout: validation conformance cases skipped")));
    }
    ConformanceHarness harness = new ConformanceHarness(corpus.resolve("compare_validation.py"),
        "/validation/known-failures.txt", report -> report.path("level3").asBoolean(false));
    Path cases = corpus.resolve("cases");
    Path apiResults = Path.of("target", "validation-results");
    Path endpointResults = Path.of("target", "validation-results-endpoint");
    Files.createDirectories(apiResults);
    Files.createDirectories(endpointResults);
    List<String> ids = new ArrayList<>();
    Json.parse(Files.readString(cases.resolve("index.json"))).get("cases").forEach(c -> ids.add(c.get("id").asText()));
    try (SfnServer server = SfnServer.start(); SfnClient sfn = client(server.endpoint())) {
      int n = 0;
      for (String id : ids) {
        Path dir = cases.resolve(id);
        String definition = new String(Files.readAllBytes(dir.resolve("definition.json")), StandardCharsets.UTF_8);
        JsonNode request = Json.parse(Files.readString(dir.resolve("request.json")));
        Files.writeString(apiResults.resolve(id + ".json"), Json.write(viaJavaApi(definition, request)));
        Files.writeString(endpointResults.resolve(id + ".json"), Json.write(viaEndpoint(sfn, definition, request, n++)));
      }
    }
    Map<String, JsonNode> api = harness.judge(cases, apiResults);
    Map<String, JsonNode> endpoint = harness.judge(cases, endpointResults);
    System.out.println("Validation conformance (compare_validation.py): Java API " + levels(api, ids)
        + "; endpoint " + levels(endpoint, ids));
    Map<String, String> known = harness.knownFailures();
    List<DynamicTest> tests = new ArrayList<>();
    for (String id : ids) {
      tests.add(DynamicTest.dynamicTest(id + " (Java API)",
          () -> harness.check(id, api, known, apiResults.resolve(id + ".json"))));
      tests.add(DynamicTest.dynamicTest(id + " (endpoint)",
          () -> harness.check(id, endpoint, known, endpointResults.resolve(id + ".json"))));
    }
    tests.addAll(harness.staleKnownFailures(known, ids));
    return tests.stream();
  }

  /** The ValidateStateMachineDefinition answer of the Java API, with the request's type, severity and maxResults. */
  private static JsonNode viaJavaApi(String definition, JsonNode request) {
    return ValidationResponse.of(
        DefinitionValidator.validate(definition, request.path("type").asText("STANDARD")),
        request.path("severity").asText("ERROR"),
        request.path("maxResults").asInt(100));
  }

  private static JsonNode viaEndpoint(SfnClient sfn, String definition, JsonNode request, int n) {
    String type = request.path("type").asText("STANDARD");
    String operation = request.path("operation").asText();
    try {
      if (operation.equals("validate_state_machine_definition")) {
        ValidateStateMachineDefinitionResponse r = sfn.validateStateMachineDefinition(b -> b.definition(definition)
            .type(type).severity(request.path("severity").asText("ERROR")).maxResults(request.path("maxResults").asInt(100)));
        ObjectNode out = Json.NODES.objectNode();
        out.put("result", r.resultAsString());
        out.put("truncated", r.truncated());
        ArrayNode list = out.putArray("diagnostics");
        r.diagnostics().forEach(d -> {
          ObjectNode o = list.addObject();
          o.put("severity", d.severityAsString());
          o.put("code", d.code());
          o.put("message", d.message());
          if (d.location() != null) {
            o.put("location", d.location());
          }
        });
        return out;
      }
      if (operation.equals("test_state")) {
        sfn.testState(b -> b.definition(definition).roleArn(ROLE).input("{}")
            .stateName(request.path("stateName").isTextual() ? request.path("stateName").asText() : null));
        return Json.parse("{\"status\": \"ok\"}");
      }
      String arn = sfn.createStateMachine(b -> b.name("validation-" + n).definition(definition).roleArn(ROLE).type(type))
          .stateMachineArn();
      ObjectNode out = Json.NODES.objectNode();
      out.put("stateMachineArn", arn);
      return out;
    } catch (InvalidDefinitionException e) {
      return error(e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage());
    } catch (SfnException e) {
      return error(e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage());
    }
  }

  private static JsonNode error(String code, String message) {
    ObjectNode out = Json.NODES.objectNode();
    ObjectNode error = out.putObject("error");
    error.put("code", code);
    error.put("message", message);
    return out;
  }

  private static String levels(Map<String, JsonNode> verdicts, List<String> ids) {
    if (verdicts == null) {
      return "(python3 unavailable)";
    }
    int[] pass = new int[3];
    for (String id : ids) {
      JsonNode r = verdicts.get(id);
      for (int level = 1; level <= 3; level++) {
        if (r != null && r.path("level" + level).asBoolean(false)) {
          pass[level - 1]++;
        }
      }
    }
    return "verdict " + pass[0] + "/" + ids.size() + ", code+location " + pass[1] + "/" + ids.size()
        + ", message " + pass[2] + "/" + ids.size();
  }

  private static SfnClient client(URI endpoint) {
    return SfnClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build())
        .overrideConfiguration(o -> o.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
        .build();
  }
}

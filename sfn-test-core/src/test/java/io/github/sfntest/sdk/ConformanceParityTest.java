package io.github.sfntest.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.testsupport.SharedDir;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.cli.CaseRunner;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.mock.MockConfigFile;
import io.github.sfntest.mock.TaskHandler;
import io.github.sfntest.server.SfnServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every conformance case the CLI's batch can run gives the identical result document (status,
 * output, error, cause and every history event, timestamps and ids included) in-process and
 * through SdkEngine → real AWS SDK client → HTTP → SfnServer → SDK model → our model, with the
 * mocks travelling as a MockConfigFile and {@code #TestCase}.
 */
class ConformanceParityTest {

  static SfnServer server;
  static Engine sdk;

  @BeforeAll
  static void start() {
    server = SfnServer.builder().deterministic(true).start();
    sdk = SdkEngine.builder().endpoint(server.endpoint()).handOverHandlers(false).build();
  }

  @AfterAll
  static void stop() {
    if (sdk != null) {
      sdk.close();
      server.close();
    }
  }

  static Path casesDir() {
    return SharedDir.find("conformance/cases").orElse(Path.of("../shared/conformance/cases"));
  }

  @TestFactory
  Stream<DynamicTest> identicalThroughTheEndpoint() throws IOException {
    Path cases = casesDir();
    Assumptions.assumeTrue(Files.isDirectory(cases), "no conformance corpus at " + cases);
    JsonNode index = Json.parse(Files.readString(cases.resolve("index.json")));
    List<String> ids = new ArrayList<>();
    for (JsonNode c : index.path("cases")) {
      if (c.path("runnable_by_cli_batch").asBoolean() && Files.isRegularFile(cases.resolve(c.path("id").asText()).resolve("definition.json"))) {
        ids.add(c.path("id").asText());
      }
    }
    return ids.stream().map(id -> DynamicTest.dynamicTest(id, () -> compare(cases.resolve(id))));
  }

  private static void compare(Path folder) throws IOException {
    StateMachineDefinition definition;
    try {
      definition = StateMachineDefinition.of("definition", Files.readString(folder.resolve("definition.json")));
    } catch (RuntimeException e) {
      Assumptions.abort("definition does not load in-process either: " + e.getMessage().lines().findFirst().orElse(""));
      return;
    }
    Path inputFile = folder.resolve("input.json");
    JsonNode input = Files.isRegularFile(inputFile) ? Json.parse(Files.readString(inputFile)) : Json.NODES.objectNode();
    TaskHandler handler = TaskHandler.none();
    Path mocks = folder.resolve("mocks.json");
    if (Files.isRegularFile(mocks)) {
      // parse, not load: a file pushed to the endpoint is named "MockConfigFile" in messages, not "mocks.json"
      MockConfigFile file = MockConfigFile.parse(Files.readString(mocks));
      String machine = file.stateMachineNames().contains(definition.name()) ? definition.name()
          : file.stateMachineNames().iterator().next();
      definition = definition.withName(machine);
      handler = file.testCase(machine, file.testCaseNames(machine).iterator().next());
    }
    StartRequest request = StartRequest.of(definition, input).withTaskHandler(handler).withExecutionName("c" + Integer.toHexString(folder.getFileName().toString().hashCode()));
    ObjectNode expected;
    try (Engine local = Engine.inProcess(EngineOptions.defaults())) {
      expected = CaseRunner.resultDocument(local.run(request));
    }
    ObjectNode actual = CaseRunner.resultDocument(sdk.run(request));
    // JSON equality of the wire form: the same members and values (parsed again, so an int and a
    // long of the same value are equal); member order is not part of the API
    if (!Json.parse(Json.write(actual)).equals(Json.parse(Json.write(expected)))) {
      Path out = Path.of("target", "conformance-parity");
      Files.createDirectories(out);
      Files.writeString(out.resolve(folder.getFileName() + ".inprocess.json"), Json.pretty(expected));
      Files.writeString(out.resolve(folder.getFileName() + ".endpoint.json"), Json.pretty(actual));
      assertThat(Json.pretty(actual)).as(folder.getFileName().toString()).isEqualTo(Json.pretty(expected));
    }
  }
}

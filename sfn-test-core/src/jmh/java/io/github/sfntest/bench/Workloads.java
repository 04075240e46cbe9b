package io.github.sfntest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.mock.MockConfigFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bench workloads of {@code ../shared/bench/workloads} (beside the repository), loaded as the
 * CLI's {@code run} command loads them: definition, input and, when present, the MockConfigFile.
 */
final class Workloads {

  private Workloads() {}

  /** The workloads folder: {@code -Dsfntest.bench.dir}, else {@code ../shared/bench/workloads} from the repository root. */
  static Path dir() {
    String configured = System.getProperty("sfntest.bench.dir");
    if (configured != null) {
      return Path.of(configured);
    }
    Path at = Path.of("").toAbsolutePath();
    while (at != null && !Files.exists(at.resolve("bom.xml"))) {
      at = at.getParent();
    }
    Path root = at == null ? Path.of("").toAbsolutePath() : at;
    return root.resolveSibling("shared").resolve("bench").resolve("workloads");
  }

  /** The start request of workload {@code name}; fails with the folder it looked in when absent. */
  static StartRequest request(String name) {
    Path dir = dir().resolve(name);
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("No bench workload " + name + " in " + dir.getParent()
          + ": the bench sits in ../shared/bench beside the repository, or set -Dsfntest.bench.dir");
    }
    StateMachineDefinition definition = StateMachineDefinition.of(name, read(dir.resolve("definition.json")));
    JsonNode input = Json.parse(read(dir.resolve("input.json")));
    StartRequest request = StartRequest.of(definition, input);
    Path mocks = dir.resolve("mockconfig.json");
    if (Files.exists(mocks)) {
      MockConfigFile config = MockConfigFile.load(mocks);
      String machine = config.stateMachineNames().iterator().next();
      String testCase = config.testCaseNames(machine).iterator().next();
      request = StartRequest.of(definition.withName(machine), input).withTaskHandler(config.testCase(machine, testCase));
    }
    return request;
  }

  /** The expected output of workload {@code name}. */
  static JsonNode expected(String name) {
    return Json.parse(read(dir().resolve(name).resolve("expected.json")));
  }

  /** Whether {@code output} is workload {@code name}'s expected output; numbers compare by value (2000 == 2000.0). */
  static boolean matches(String name, JsonNode output) {
    java.util.Comparator<JsonNode> byValue = (a, b) -> a.isNumber() && b.isNumber()
        ? a.decimalValue().compareTo(b.decimalValue())
        : a.equals(b) ? 0 : 1;
    return output != null && output.equals(byValue, expected(name));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

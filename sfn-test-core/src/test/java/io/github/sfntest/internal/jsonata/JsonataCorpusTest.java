package io.github.sfntest.internal.jsonata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.StatesException;
import io.github.sfntest.internal.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the JSONata parts of AWS-recorded executions: chains of JSONata Pass states (their
 * {@code Assign} and {@code Output}) ending in a Pass or in a Map's {@code Items}, compared with
 * the recorded output or {@code States.QueryEvaluationError} cause. Cases needing more of the
 * interpreter (tasks, choices, context values) are left to the interpreter's own tests.
 */
class JsonataCorpusTest {

  private static final Pattern STATE_PREFIX =
      Pattern.compile("^An error occurred while executing the state '[^']*' \\(entered at the event id #\\d+\\)\\. ");

  @TestFactory
  Stream<DynamicTest> replays_recorded_jsonata_pass_and_items_evaluations() throws IOException {
    String dir = System.getProperty("sfntest.conformance.dir");
    assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "cases")), "conformance corpus not available");
    Path cases = Path.of(dir, "cases");
    JsonNode index = Json.parse(Files.readString(cases.resolve("index.json")));
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode entry : index.get("cases")) {
      Path caseDir = cases.resolve(entry.get("id").asText());
      JsonNode definition = Json.parse(Files.readString(caseDir.resolve("definition.json")));
      if (!definition.toString().contains("{%")) {
        continue;
      }
      JsonNode input = Json.parse(Files.readString(caseDir.resolve("input.json")));
      JsonNode expected = Json.parse(Files.readString(caseDir.resolve("expected.json")));
      Replay replay = Replay.plan(definition);
      if (replay == null || !comparable(expected)) {
        continue;
      }
      tests.add(DynamicTest.dynamicTest(entry.get("id").asText(), () -> replay.check(input, expected)));
    }
    assertThat(tests).as("corpus cases replayed").hasSizeGreaterThan(20);
    return tests.stream();
  }

  private static boolean comparable(JsonNode expected) {
    String status = expected.path("status").asText();
    if ("SUCCEEDED".equals(status)) {
      return !Json.write(expected.get("output")).contains("<");
    }
    return "FAILED".equals(status) && "States.QueryEvaluationError".equals(expected.path("error").asText());
  }

  /** A straight line of JSONata Pass states, optionally ending at a Map state's Items. */
  private record Replay(JsonNode definition, List<String> path) {

    static Replay plan(JsonNode definition) {
      boolean topJsonata = "JSONata".equals(definition.path("QueryLanguage").asText());
      JsonNode states = definition.get("States");
      List<String> path = new ArrayList<>();
      String name = definition.path("StartAt").asText();
      while (true) {
        JsonNode state = states.get(name);
        if (state == null) {
          return null;
        }
        String language = state.path("QueryLanguage").asText(topJsonata ? "JSONata" : "JSONPath");
        if (!"JSONata".equals(language)) {
          return null;
        }
        String type = state.path("Type").asText();
        path.add(name);
        if ("Map".equals(type)) {
          // Only Maps whose processors pass items through unchanged: the output is the items.
          boolean passThrough =
              state.has("Items")
                  && !state.has("ItemReader")
                  && !state.has("ItemSelector")
                  && !state.has("Output")
                  && !Json.write(state.path("ItemProcessor")).contains("{%");
          return passThrough ? new Replay(definition, path) : null;
        }
        if (!"Pass".equals(type) || Json.write(state).contains("$states.context")) {
          return null;
        }
        if (state.path("End").asBoolean(false)) {
          return new Replay(definition, path);
        }
        name = state.path("Next").asText();
      }
    }

    void check(JsonNode executionInput, JsonNode expected) {
      TestScope scope = new TestScope();
      JsonNode current = executionInput;
      JsonNode result = null;
      try {
        for (String name : path) {
          JsonNode state = definition.get("States").get(name);
          JsonNode states = Json.parse("{\"input\":" + Json.write(current) + ",\"context\":{}}");
          if ("Map".equals(state.path("Type").asText())) {
            JsonNode items =
                JsonataTemplate.compile(state.get("Items"), "Items")
                    .evaluate(scope, states, TestScope.runtime(), JsonataType.ARRAY);
            // The item processors of these cases are plain Pass states: the output is the items.
            result = items;
            break;
          }
          JsonNode assigned = null;
          if (state.has("Assign")) {
            assigned = JsonataTemplate.compile(state.get("Assign"), "Assign").evaluate(scope, states, TestScope.runtime());
          }
          current =
              state.has("Output")
                  ? JsonataTemplate.compile(state.get("Output"), "Output").evaluate(scope, states, TestScope.runtime())
                  : current;
          if (assigned != null) {
            assigned.properties().iterator().forEachRemaining(e -> scope.variables.put(e.getKey(), e.getValue()));
          }
          result = current;
        }
      } catch (StatesException e) {
        assertThat(expected.path("status").asText()).as("status").isEqualTo("FAILED");
        assertThat(e.error()).isEqualTo(expected.get("error").asText());
        assertThat(e.cause()).isEqualTo(STATE_PREFIX.matcher(expected.get("cause").asText()).replaceFirst(""));
        return;
      }
      assertThat(expected.path("status").asText()).as("status").isEqualTo("SUCCEEDED");
      assertThat(Json.write(result)).isEqualTo(Json.write(expected.get("output")));
    }
  }
}

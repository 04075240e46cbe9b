package io.github.sfntest.internal.jsonpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.sfntest.testsupport.SharedDir;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.EvaluationScope;
import io.github.sfntest.internal.StatesException;
import io.github.sfntest.internal.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the first state of recorded AWS executions where that state is decided by this package
 * alone: Choice states (which branch AWS took) and Pass states (the output or failure cause).
 */
class ConformanceCorpusTest {

  private static final Path CASES = SharedDir.find("conformance/cases").orElse(null);

  @TestFactory
  Stream<DynamicTest> choice_states_take_the_branch_aws_took() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Case c : cases()) {
      JsonNode state = c.startState();
      if (!state.path("Type").asText().equals("Choice") || isJsonata(c, state) || state.has("InputPath")) {
        continue;
      }
      String expected = c.nextStateAfterFirst();
      if (expected == null) {
        continue;
      }
      tests.add(DynamicTest.dynamicTest(c.id, () -> assertThat(choose(state, c.scope())).isEqualTo(expected)));
    }
    assertThat(tests).hasSizeGreaterThan(290);
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> pass_states_produce_the_output_or_cause_aws_recorded() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Case c : cases()) {
      JsonNode state = c.startState();
      String definition = c.definition.toString();
      if (!state.path("Type").asText().equals("Pass")
          || isJsonata(c, state)
          || state.has("Assign")
          || definition.contains("States.")
          || usesContextBeyondInput(state.toString())
          || c.expected.path("events").isNull()) {
        continue;
      }
      tests.add(DynamicTest.dynamicTest(c.id, () -> {
        JsonNode exited = c.firstEvent("PassStateExited");
        JsonNode entered = c.firstEvent("PassStateEntered").path("stateEnteredEventDetails").path("input");
        assumeTrue(payload(entered).equals(c.input), "the recording masked parts of the input");
        try {
          JsonNode output = runPass(state, c.scope());
          assumeTrue(exited != null, "AWS failed where we succeeded");
          assertThat(output).isEqualTo(payload(exited.path("stateExitedEventDetails").path("output")));
        } catch (StatesException e) {
          JsonNode failed = c.firstEvent("ExecutionFailed");
          assertThat(failed).as("AWS succeeded, we failed with " + e.cause()).isNotNull();
          String cause = failed.path("executionFailedEventDetails").path("cause").asText();
          assertThat(e.error()).isEqualTo(failed.path("executionFailedEventDetails").path("error").asText());
          String ours = e.cause().replace(Json.write(c.input), "<json-input:1>");
          assertThat(cause).endsWith(ours);
        }
      }));
    }
    assertThat(tests).hasSizeGreaterThan(10);
    return tests.stream();
  }

  private static boolean usesContextBeyondInput(String stateText) {
    return stateText.replace("$$.Execution.Input", "").contains("$$");
  }

  private static boolean isJsonata(Case c, JsonNode state) {
    return state.path("QueryLanguage").asText(c.definition.path("QueryLanguage").asText("JSONPath")).equals("JSONata");
  }

  private static String choose(JsonNode state, EvaluationScope scope) {
    for (JsonNode rule : state.path("Choices")) {
      if (ChoiceRule.compile(rule).matches(scope)) {
        return rule.path("Next").asText();
      }
    }
    return state.path("Default").asText(null);
  }

  /** A Pass state's JSONPath data flow, as the interpreter will wire it. */
  private static JsonNode runPass(JsonNode state, EvaluationScope scope) {
    JsonNode raw = scope.input();
    JsonNode effective = PathFields.selector(state.get("InputPath")).apply(scope);
    JsonNode result = effective;
    if (state.has("Parameters")) {
      result = PayloadTemplate.compile(state.get("Parameters")).evaluate(scope.withInput(effective), null);
    }
    if (state.has("Result")) {
      result = state.get("Result");
    }
    JsonNode placed = PathFields.resultPath(state.get("ResultPath")).apply(raw, result);
    return PathFields.selector(state.get("OutputPath")).apply(scope.withInput(placed));
  }

  private static JsonNode payload(JsonNode recorded) {
    return recorded.isTextual() ? Json.parse(recorded.textValue()) : recorded;
  }

  private static List<Case> cases() throws IOException {
    List<Case> out = new ArrayList<>();
    if (CASES == null) {
      return out;
    }
    try (Stream<Path> dirs = Files.list(CASES)) {
      for (Path dir : (Iterable<Path>) dirs.sorted()::iterator) {
        if (Files.exists(dir.resolve("definition.json"))) {
          out.add(new Case(dir));
        }
      }
    }
    return out;
  }

  private static final class Case {
    final String id;
    final JsonNode definition;
    final JsonNode input;
    final JsonNode expected;

    Case(Path dir) throws IOException {
      id = dir.getFileName().toString();
      definition = Json.parse(Files.readString(dir.resolve("definition.json")));
      input = Json.parse(Files.readString(dir.resolve("input.json")));
      expected = Json.parse(Files.readString(dir.resolve("expected.json")));
    }

    JsonNode startState() {
      return definition.path("States").path(definition.path("StartAt").asText());
    }

    EvaluationScope scope() {
      JsonNode context = Json.NODES.objectNode().set("Execution", Json.NODES.objectNode().set("Input", input));
      return new EvaluationScope() {
        @Override
        public JsonNode input() {
          return input;
        }

        @Override
        public JsonNode contextObject() {
          return context;
        }

        @Override
        public JsonNode variable(String name) {
          return null;
        }
      };
    }

    JsonNode firstEvent(String type) {
      for (JsonNode event : expected.path("events")) {
        if (event.path("type").asText().equals(type)) {
          return event;
        }
      }
      return null;
    }

    /** The state entered right after the start state, from the history or the test's output. */
    String nextStateAfterFirst() {
      JsonNode events = expected.path("events");
      if (events.isArray()) {
        int entered = 0;
        for (JsonNode event : events) {
          if (event.path("type").asText().endsWith("StateEntered") && ++entered == 2) {
            return event.path("stateEnteredEventDetails").path("name").asText();
          }
        }
        return null;
      }
      // choice_operators cases: the reached Pass state echoes its name in "TestResult.$".
      JsonNode marker = expected.path("output").path("TestResult.$");
      return marker.isTextual() ? marker.textValue() : null;
    }
  }
}

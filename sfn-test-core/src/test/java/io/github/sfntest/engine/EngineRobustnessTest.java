package io.github.sfntest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.sfntest.testsupport.SharedDir;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.definition.InvalidDefinitionException;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.mock.TaskHandler;
import io.github.sfntest.mock.TaskOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every recorded definition, run with seeded random inputs and random task outcomes, ends in a
 * result: no Java exception escapes the engine, and nothing hangs.
 */
class EngineRobustnessTest {

  @Test
  void random_inputs_and_task_outcomes_never_escape_as_java_exceptions() throws IOException {
    Path cases = corpusCases();
    assumeTrue(cases != null, "../shared/conformance is not beside this checkout: robustness run skipped");
    Random random = new Random(20261121);
    List<String> escaped = new ArrayList<>();
    int runs = 0;
    List<Path> folders;
    try (Stream<Path> list = Files.list(cases)) {
      folders = list.filter(p -> Files.isRegularFile(p.resolve("definition.json"))).sorted().toList();
    }
    for (Path folder : folders) {
      StateMachineDefinition definition;
      try {
        definition = StateMachineDefinition.of("M", Files.readString(folder.resolve("definition.json")));
      } catch (InvalidDefinitionException e) {
        continue;
      }
      for (int i = 0; i < 3; i++) {
        JsonNode input = randomValue(random, 0, true);
        long seed = random.nextLong();
        TaskHandler handler = invocation -> randomOutcome(new Random(seed + invocation.invocationIndex()));
        runs++;
        try (Engine engine = Engine.inProcess(EngineOptions.builder().seed(seed).build())) {
          Execution execution = engine.start(StartRequest.of(definition, input).withTaskHandler(handler));
          for (int answered = 0; answered < 20 && !execution.waitingTasks().isEmpty(); answered++) {
            WaitingTask task = execution.waitingTasks().get(0);
            if (random.nextBoolean()) {
              execution.sendTaskSuccess(task.taskToken(), randomValue(random, 0, true));
            } else {
              execution.sendTaskFailure(task.taskToken(), "Random.Error", "cause " + answered);
            }
          }
          execution.advanceTime(Duration.ofDays(400));
          if (execution.waitingTasks().isEmpty()) {
            assertThat(execution.awaitCompletion().status()).isNotEqualTo(ExecutionStatus.RUNNING);
          }
        } catch (RuntimeException | StackOverflowError e) {
          escaped.add(folder.getFileName() + " #" + i + ": " + e);
        }
      }
    }
    assertThat(runs).isGreaterThan(1000);
    assertThat(escaped).as("runs whose Java exception escaped the engine").isEmpty();
  }

  private static TaskOutcome randomOutcome(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> TaskOutcome.failure("Random.Error", "boom");
      case 1 -> new TaskOutcome.AwaitCallback(null);
      default -> TaskOutcome.success(randomValue(random, 0, true));
    };
  }

  /** Random JSON: objects keyed like typical inputs so paths sometimes match. */
  private static JsonNode randomValue(Random random, int depth, boolean object) {
    int kind = object ? 0 : random.nextInt(depth > 3 ? 5 : 7);
    String[] keys = {"items", "input", "value", "FunctionName", "Payload", "a", "b", "n", "waitSeconds", "start_at"};
    return switch (kind) {
      case 0 -> {
        ObjectNode node = Json.NODES.objectNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          node.set(keys[random.nextInt(keys.length)], randomValue(random, depth + 1, false));
        }
        yield node;
      }
      case 1 -> Json.NODES.numberNode(random.nextInt(200) - 50);
      case 2 -> Json.NODES.textNode(random.nextBoolean() ? "2024-01-01T00:00:00Z" : "text" + random.nextInt(10));
      case 3 -> Json.NODES.booleanNode(random.nextBoolean());
      case 4 -> Json.NODES.nullNode();
      case 5 -> {
        ArrayNode node = Json.NODES.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          node.add(randomValue(random, depth + 1, false));
        }
        yield node;
      }
      default -> randomValue(random, depth + 1, true);
    };
  }

  private static Path corpusCases() {
    return SharedDir.find("conformance/cases").orElse(null);
  }
}

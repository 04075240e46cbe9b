package io.github.sfntest.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.sfntest.definition.InvalidDefinitionException;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.mock.MockConfigException;
import io.github.sfntest.mock.MockConfigFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated MockConfigFiles, loaded from a file like a user's and, when they load, run: every one
 * either loads (and its execution ends) or is refused with a located {@link MockConfigException};
 * nothing else escapes, nothing hangs.
 */
class MockConfigFuzzTest {

  static final long SEED = 22L;
  // A fixed count, so every run tries the same seeded inputs; sized so the four fuzzers and the
  // validator fuzz stay under a minute together on a 2-core CI machine.
  static final int MUTATIONS = 1_000;

  static final List<String> SEEDS = List.of(
      """
      {"StateMachines": {"Order": {"TestCases": {
         "Happy": {"Charge": "ChargeOk", "Ship": "ShipOk"},
         "Retry": {"Charge": "ChargeFlaky", "Ship": "ShipOk"}}}},
       "MockedResponses": {
         "ChargeOk": {"0": {"Return": {"StatusCode": 200, "Payload": {"charged": true, "amount": 12.5}}}},
         "ChargeFlaky": {"0-1": {"Throw": {"Error": "Lambda.TooManyRequestsException", "Cause": "slow down"}},
                         "2": {"Return": {"Payload": {"charged": true}}}},
         "ShipOk": {"0": {"Return": [1, "two", null, {"three": [3.0, -4e3]}]}}}}
      """,
      """
      {"StateMachines": {"M": {"TestCases": {"T": {"Charge": "R"}}}},
       "MockedResponses": {"R": {"0": {"Return": "plain"}, "1-3": {"Throw": {"Error": "E"}}, "7": {"Return": {}}}}}
      """);

  @Test
  void mutated_mock_config_files_load_or_fail_with_a_located_error(@TempDir Path dir) {
    Outcomes outcomes = new Outcomes("MockConfigFile");
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      Mutator mutator = new Mutator(SEED);
      Path file = dir.resolve("MockConfigFile.json");
      try (Engine engine = Engine.inProcess()) {
        for (int i = 0; i < MUTATIONS; i++) {
          byte[] bytes = i % 3 == 2
              ? SEEDS.get(1).replace("\"plain\"", HostileValues.pick(mutator.random())).getBytes(java.nio.charset.StandardCharsets.UTF_8)
              : mutator.mutate(SEEDS.get(i % SEEDS.size()));
          Files.write(file, bytes);
          one(engine, file, bytes, outcomes);
        }
      }
    }, "a MockConfigFile mutation hung");
    outcomes.assertNothingEscaped(MUTATIONS);
  }

  static void one(Engine engine, Path file, byte[] bytes, Outcomes outcomes) {
    String shown = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    MockConfigFile config;
    try {
      config = MockConfigFile.load(file);
    } catch (MockConfigException e) {
      if (e.getMessage() == null || !e.getMessage().contains("line ")) {
        outcomes.escape("MockConfigException without a location: " + e.getMessage(), shown, e);
      } else {
        outcomes.count("refused with a located MockConfigException");
      }
      return;
    } catch (RuntimeException | Error e) {
      outcomes.escape(Outcomes.kind(e) + " while loading", shown, e);
      return;
    }
    try {
      String machine = config.stateMachineNames().isEmpty() ? null : config.stateMachineNames().iterator().next();
      if (machine == null || config.testCaseNames(machine).isEmpty()) {
        outcomes.count("loaded, nothing to run");
        return;
      }
      String testCase = config.testCaseNames(machine).iterator().next();
      Map<String, String> states = config.mockedStates(machine, testCase);
      StateMachineDefinition definition;
      try {
        definition = StateMachineDefinition.of(machine, chain(new ArrayList<>(states.keySet())));
      } catch (InvalidDefinitionException | IllegalArgumentException e) {
        outcomes.count("loaded; its state names make no valid definition");
        return;
      }
      ExecutionResult result = engine.run(StartRequest.of(definition, "{}").withTaskHandler(config.testCase(machine, testCase)));
      outcomes.count("loaded and ran: execution " + result.status());
    } catch (RuntimeException | Error e) {
      outcomes.escape(Outcomes.kind(e) + " while running", shown, e);
    }
  }

  /** Task states named like the test case's, one after the other. */
  static String chain(List<String> names) {
    var states = Json.NODES.objectNode();
    for (int i = 0; i < names.size(); i++) {
      var state = states.putObject(names.get(i));
      state.put("Type", "Task");
      state.put("Resource", "arn:aws:states:::lambda:invoke");
      state.putObject("Arguments");
      state.put("QueryLanguage", "JSONata");
      if (i + 1 < names.size()) {
        state.put("Next", names.get(i + 1));
      } else {
        state.put("End", true);
      }
    }
    var root = Json.NODES.objectNode();
    root.put("StartAt", names.isEmpty() ? "none" : names.get(0));
    root.set("States", states);
    return Json.write(root);
  }
}

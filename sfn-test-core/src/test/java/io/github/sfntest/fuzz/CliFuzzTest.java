package io.github.sfntest.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.sfntest.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sfn-test run} on mutated definitions, inputs and MockConfigFiles: exit 0, 1 or 2 with a
 * one-line message; never exit 3 (an internal error), never a Java stack trace on stderr.
 */
class CliFuzzTest {

  static final long SEED = 222L;
  // A fixed count, so every run tries the same seeded inputs; sized so the four fuzzers and the
  // validator fuzz stay under a minute together on a 2-core CI machine.
  static final int RUNS = 150;

  static final String DEFINITION = """
      {"StartAt": "Charge", "States": {
        "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "ResultPath": "$.charge", "Next": "Wait"},
        "Wait": {"Type": "Wait", "SecondsPath": "$.delay", "Next": "Ship"},
        "Ship": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "OutputPath": "$.Payload", "End": true}}}
      """;

  @Test
  void the_cli_never_prints_a_stack_trace_or_fails_internally(@TempDir Path dir) {
    Outcomes outcomes = new Outcomes("CLI run (definition, input, MockConfigFile)");
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      Random random = new Random(SEED);
      Mutator mutator = new Mutator(SEED);
      Path definition = dir.resolve("order.asl.json");
      Path input = dir.resolve("input.json");
      Path mocks = dir.resolve("MockConfigFile.json");
      for (int i = 0; i < RUNS; i++) {
        String inputSeed = "{\"delay\": " + new String[] {"5", "1e30", "-1", "99999999", "1.5", "\"x\"", "9223372036854775807",
            "100000000000000000", "31536000"}[random.nextInt(9)] + "}";
        String mockSeed = MockConfigFuzzTest.SEEDS.get(0).replace("\"Order\"", "\"order\"")
            .replace("[1, \"two\", null, {\"three\": [3.0, -4e3]}]", "{\"Payload\": {\"shipped\": true}}");
        int target = random.nextInt(4); // 3: nothing mutated, only the hostile delay
        Files.write(definition, target == 0 ? mutator.mutate(DEFINITION) : DEFINITION.getBytes(StandardCharsets.UTF_8));
        Files.write(input, target == 1 ? mutator.mutate(inputSeed) : inputSeed.getBytes(StandardCharsets.UTF_8));
        Files.write(mocks, target == 2 ? mutator.mutate(mockSeed) : mockSeed.getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = List.of("run", "--definition", definition.toString(), "--input", input.toString(),
            "--mock-config", mocks.toString(), "--test-case", random.nextBoolean() ? "Happy" : "Retry");
        String shown = args + " target=" + new String[] {"definition", "input", "mock config", "none"}[target];
        int exit;
        try {
          exit = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        } catch (RuntimeException | Error e) {
          outcomes.escape(Outcomes.kind(e) + " out of Main.execute", shown, e);
          continue;
        }
        String stderr = err.toString(StandardCharsets.UTF_8);
        if (stderr.contains("\tat ") || stderr.contains("Exception in thread")) {
          outcomes.escape("stack trace on stderr", shown + "\n" + stderr, null);
        } else if (exit == 0 || exit == 1) {
          outcomes.count("exit " + exit + " (ran, result document on stdout)");
        } else if (exit == 2 && !stderr.isBlank()) {
          outcomes.count("exit 2 (clear error, " + new String[] {"definition", "input", "mock config", "none"}[target] + ")");
        } else {
          outcomes.escape("exit " + exit + ": " + stderr, shown, null);
        }
      }
    }, "a CLI run hung");
    outcomes.assertNothingEscaped(RUNS);
  }
}

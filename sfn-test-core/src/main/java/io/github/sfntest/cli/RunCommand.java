package io.github.sfntest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.engine.StateMachineType;
import io.github.sfntest.definition.Diagnostic;
import io.github.sfntest.internal.validation.ExpressRules;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.mock.TaskHandler;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code run --definition FILE [--input FILE] [--mock-config FILE [--test-case NAME]]
 * [--substitution K=V ...] [--type STANDARD|EXPRESS] [--max-history-events N]
 * [--warmup W --repeat N --timings FILE]}.
 */
final class RunCommand {
  private RunCommand() {}

  static final String USAGE =
      "run --definition FILE [--input FILE] [--mock-config FILE [--test-case NAME]] [--substitution K=V ...]\n"
          + "    [--type STANDARD|EXPRESS] [--max-history-events N] [--warmup W --repeat N --timings FILE]";

  /** {@code --type}: STANDARD (the default) or EXPRESS. */
  private static StateMachineType type(Args args) {
    String type = args.has("--type") ? args.get("--type") : "STANDARD";
    try {
      return StateMachineType.valueOf(type);
    } catch (IllegalArgumentException e) {
      throw new CliException("--type takes STANDARD or EXPRESS, was \"" + type + "\"");
    }
  }

  static int run(List<String> argv, PrintStream out, PrintStream err) {
    Args args = new Args(argv,
        Set.of("--definition", "--input", "--mock-config", "--test-case", "--substitution", "--type",
            "--max-history-events", "--warmup", "--repeat", "--timings"),
        Set.of());
    long loadStart = System.nanoTime();
    Path definitionFile = Path.of(args.required("--definition"));
    Map<String, String> substitutions = args.keyValues("--substitution");
    StateMachineDefinition definition = Cli.loadDefinition(definitionFile, substitutions);
    JsonNode input = args.has("--input") ? Cli.readJson(Path.of(args.get("--input")), "--input") : Json.NODES.objectNode();
    TaskHandler handler = TaskHandler.none();
    if (args.has("--mock-config")) {
      MockSelection selection = MockSelection.load(Path.of(args.get("--mock-config")), definition.name(), args.get("--test-case"));
      definition = definition.withName(selection.stateMachineName());
      handler = selection.handler();
    } else if (args.has("--test-case")) {
      throw new CliException("--test-case needs --mock-config");
    }
    EngineOptions options = EngineOptions.builder()
        .maxHistoryEvents(args.intValue("--max-history-events", EngineOptions.AWS_MAX_HISTORY_EVENTS))
        .build();
    double loadMs = (System.nanoTime() - loadStart) / 1e6;
    StartRequest request = StartRequest.of(definition, input).withTaskHandler(handler).withType(type(args));
    if (request.type() == StateMachineType.EXPRESS) {
      // what AWS refuses for EXPRESS is a definition error, reported like the others
      List<Diagnostic> refused = ExpressRules.check(Json.parse(definition.toJson()));
      if (!refused.isEmpty()) {
        throw new CliException(definitionFile + " cannot run as EXPRESS:\n"
            + String.join("\n", refused.stream().map(Diagnostic::format).toList()));
      }
    }
    ExecutionResult result;
    try (Engine engine = Engine.inProcess(options)) {
      if (args.has("--repeat")) {
        int warmup = args.intValue("--warmup", 0);
        int repeat = args.intValue("--repeat", 1);
        String timings = args.required("--timings");
        for (int i = 0; i < warmup; i++) {
          engine.run(request);
        }
        ArrayNode runs = Json.NODES.arrayNode();
        result = null;
        for (int i = 0; i < repeat; i++) {
          long t0 = System.nanoTime();
          result = engine.run(request);
          runs.add((System.nanoTime() - t0) / 1e6);
        }
        if (result == null) {
          result = engine.run(request);
        }
        ObjectNode doc = Json.NODES.objectNode();
        doc.put("engine", "sfn-test " + Version.get());
        doc.put("load_ms", loadMs);
        doc.set("runs_ms", runs);
        doc.put("transitions", result.history().enteredStateNames().size());
        try {
          Files.writeString(Path.of(timings), Json.write(doc));
        } catch (IOException e) {
          throw new CliException("cannot write --timings file " + timings + ": " + e.getMessage(), e);
        }
      } else {
        result = engine.run(request);
      }
    }
    out.println(Json.write(CaseRunner.resultDocument(result)));
    return result.status() == ExecutionStatus.SUCCEEDED ? 0 : 1;
  }
}

package io.github.sfntest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.replay.RecordedExecution;
import io.github.sfntest.replay.Replay;
import io.github.sfntest.replay.ReplayResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code replay --definition F --history H.json [--input F] [--ignore-field PATH ...]
 * [--placeholder VALUE ...] [--substitution K=V ...]}: runs the definition against the recorded
 * execution and prints the comparison; exit 0 when it matches, 1 when it diverges, 2 when it cannot run.
 */
final class ReplayCommand {
  private ReplayCommand() {}

  static final String USAGE = "replay --definition FILE --history H.json [--input FILE] [--ignore-field PATH ...]\n"
      + "    [--placeholder VALUE ...] [--substitution K=V ...]";

  static int run(List<String> argv, PrintStream out, PrintStream err) {
    Args args = new Args(argv,
        Set.of("--definition", "--history", "--input", "--ignore-field", "--placeholder", "--substitution"), Set.of());
    Path definitionFile = Path.of(args.required("--definition"));
    Path historyFile = Path.of(args.required("--history"));
    Map<String, String> substitutions = args.keyValues("--substitution");
    StateMachineDefinition definition = Cli.loadDefinition(definitionFile, substitutions);
    RecordedExecution recording = MocksFromHistoryCommand.load(historyFile);
    Replay replay = Replay.of(definition, recording)
        .ignoringFields(args.all("--ignore-field").toArray(String[]::new))
        .withPlaceholders(args.all("--placeholder"));
    if (args.has("--input")) {
      JsonNode input = Cli.readJson(Path.of(args.get("--input")), "--input");
      replay = replay.withInput(input);
    }
    ReplayResult result;
    try {
      result = replay.run();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new CliException("cannot replay " + historyFile + " on " + definitionFile + ": " + e.getMessage(), e);
    }
    out.println(result.report());
    return result.matchesRecording() ? 0 : 1;
  }
}

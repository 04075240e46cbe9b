package io.github.sfntest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.history.ExecutionHistory;
import io.github.sfntest.history.HistoryEvent;
import io.github.sfntest.internal.coverage.PathRenderer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code render --definition FILE [--execution FILE] [--output FILE.svg] [--substitution K=V ...]}:
 * the SVG graph of a state machine, and with an execution (the document {@code run} prints, or a
 * GetExecutionHistory response), the path it took.
 */
final class RenderCommand {
  private RenderCommand() {}

  static final String USAGE = "render --definition FILE [--execution RESULT.json] [--output FILE.svg] [--substitution K=V ...]";

  static int run(List<String> argv, PrintStream out, PrintStream err) {
    Args args = new Args(argv, Set.of("--definition", "--execution", "--output", "--substitution"), Set.of());
    Map<String, String> substitutions = args.keyValues("--substitution");
    StateMachineDefinition definition = Cli.loadDefinition(Path.of(args.required("--definition")), substitutions);
    ExecutionHistory history = null;
    if (args.has("--execution")) {
      history = history(Cli.readJson(Path.of(args.get("--execution")), "--execution"), args.get("--execution"));
    }
    String svg = PathRenderer.svg(definition, history, List.of());
    if (args.has("--output")) {
      Path output = Path.of(args.get("--output"));
      try {
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.writeString(output, svg);
      } catch (IOException e) {
        throw new CliException("--output: cannot write " + output + ": " + e.getMessage(), e);
      }
      err.println("sfn-test render: wrote " + output);
    } else {
      out.print(svg);
    }
    return 0;
  }

  /** The history in a {@code run} result document, a GetExecutionHistory response, or a bare event array. */
  static ExecutionHistory history(JsonNode doc, String file) {
    JsonNode events = doc.isArray() ? doc : doc.get("events");
    if (events == null || !events.isArray()) {
      throw new CliException("--execution " + file + " has no \"events\" array: expected the JSON that \"sfn-test run\""
          + " prints or a GetExecutionHistory response");
    }
    List<HistoryEvent> parsed = new ArrayList<>();
    int i = 0;
    for (JsonNode event : events) {
      try {
        parsed.add(HistoryEvent.fromJson(event));
      } catch (IllegalArgumentException e) {
        throw new CliException("--execution " + file + ": event " + i + " is not a history event: " + e.getMessage(), e);
      }
      i++;
    }
    return new ExecutionHistory(parsed);
  }
}

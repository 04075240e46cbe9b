package io.github.sfntest.cli;

import io.github.sfntest.replay.InvalidHistoryException;
import io.github.sfntest.replay.RecordedExecution;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code mocks-from-history --history H.json --state-machine NAME --test-case NAME}: prints the
 * MockConfigFile of what the recorded execution's integrations answered.
 */
final class MocksFromHistoryCommand {
  private MocksFromHistoryCommand() {}

  static final String USAGE = "mocks-from-history --history H.json --state-machine NAME --test-case NAME";

  static int run(List<String> argv, PrintStream out, PrintStream err) {
    Args args = new Args(argv, Set.of("--history", "--state-machine", "--test-case"), Set.of());
    Path history = Path.of(args.required("--history"));
    String stateMachine = args.required("--state-machine");
    String testCase = args.required("--test-case");
    RecordedExecution recording = load(history);
    if (!recording.hasTaskAnswers()) {
      err.println("mocks-from-history: " + history + " holds no integration answer (no Task, Lambda or activity"
          + " succeeded or failed); the test case mocks nothing");
    }
    out.println(recording.toMockConfigFile(stateMachine, testCase));
    return 0;
  }

  static RecordedExecution load(Path history) {
    try {
      return RecordedExecution.load(history);
    } catch (InvalidHistoryException e) {
      throw new CliException("--history: " + e.getMessage(), e);
    }
  }
}

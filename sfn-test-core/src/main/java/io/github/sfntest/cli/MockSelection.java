package io.github.sfntest.cli;

import io.github.sfntest.mock.TaskHandler;
import java.nio.file.Path;

/** A MockConfigFile test case chosen for one state machine. */
record MockSelection(String stateMachineName, String testCase, TaskHandler handler) {

  /**
   * The test case {@code testCase} (or the first one) of the state machine named like the
   * definition, or of the file's first state machine.
   */
  static MockSelection load(Path file, String definitionName, String testCase) {
    throw new CliException("--mock-config is not supported by this build yet");
  }
}

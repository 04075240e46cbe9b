package io.github.sfntest.cli;

import io.github.sfntest.mock.MockConfigFile;
import io.github.sfntest.mock.TaskHandler;
import java.nio.file.Path;
import java.util.Set;

/** A MockConfigFile test case chosen for one state machine. */
record MockSelection(String stateMachineName, String testCase, TaskHandler handler) {

  /**
   * The test case {@code testCase} (or the first one) of the state machine named like the
   * definition, or of the file's first state machine.
   */
  static MockSelection load(Path file, String definitionName, String testCase) {
    MockConfigFile config;
    try {
      config = MockConfigFile.load(file);
    } catch (java.io.UncheckedIOException e) {
      throw new CliException("--mock-config: cannot read " + file + ": " + e.getCause().getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage(), e);
    }
    Set<String> machines = config.stateMachineNames();
    if (machines.isEmpty()) {
      throw new CliException("--mock-config " + file + " defines no state machines");
    }
    String machine = machines.contains(definitionName) ? definitionName : machines.iterator().next();
    Set<String> cases = config.testCaseNames(machine);
    String chosen = testCase != null ? testCase : cases.isEmpty() ? null : cases.iterator().next();
    if (chosen == null) {
      throw new CliException("--mock-config " + file + " has no test case for state machine \"" + machine + "\"");
    }
    try {
      return new MockSelection(machine, chosen, config.testCase(machine, chosen));
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage(), e);
    }
  }
}

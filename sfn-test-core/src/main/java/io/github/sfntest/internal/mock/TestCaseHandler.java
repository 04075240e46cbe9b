package io.github.sfntest.internal.mock;

import io.github.sfntest.mock.TaskHandler;
import io.github.sfntest.mock.TaskInvocation;
import io.github.sfntest.mock.TaskOutcome;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** One MockConfigFile test case as a {@link TaskHandler}. Stateless, so thread-safe. */
public final class TestCaseHandler implements TaskHandler {

  private final MockConfig config;
  private final String stateMachine;
  private final String testCase;
  private final Map<String, String> states;

  public TestCaseHandler(MockConfig config, String stateMachine, String testCase, Map<String, String> states) {
    this.config = config;
    this.stateMachine = stateMachine;
    this.testCase = testCase;
    this.states = states;
  }

  @Override
  public TaskOutcome invoke(TaskInvocation invocation) {
    String responseName = states.get(invocation.stateName());
    if (responseName == null) {
      return new TaskOutcome.NotHandled(
          Messages.notInTestCase(invocation, config.source(), stateMachine, testCase, states.keySet()));
    }
    ResponseSequence sequence = config.responses().get(responseName);
    Optional<ResponseStep> step = sequence.at(invocation.invocationIndex());
    if (step.isEmpty()) {
      return Responder.noResponseFor(Messages.noEntry(invocation, responseName, testCase, sequence));
    }
    return Responder.outcome(step.get(), invocation, UnaryOperator.identity());
  }

  /** The state machine name of the test case in the file. */
  public String stateMachine() {
    return stateMachine;
  }

  public String testCase() {
    return testCase;
  }

  /** The whole MockConfigFile the test case comes from. */
  public MockConfig config() {
    return config;
  }

  @Override
  public String toString() {
    return "MockConfigFile test case " + stateMachine + "#" + testCase + " (" + config.source() + ")";
  }
}

package io.github.sfntest.internal.interpreter.states;

import io.github.sfntest.internal.asl.StateType;

/** One executor per state type, looked up by the type's ordinal (no map on the hot path). */
public final class StateExecutors {

  private final StateExecutor[] byType = new StateExecutor[StateType.values().length];
  private final TaskExecutor tasks = new TaskExecutor();

  public StateExecutors() {
    byType[StateType.PASS.ordinal()] = new PassExecutor();
    byType[StateType.SUCCEED.ordinal()] = new SucceedExecutor();
    byType[StateType.FAIL.ordinal()] = new FailExecutor();
    byType[StateType.CHOICE.ordinal()] = new ChoiceExecutor();
    byType[StateType.WAIT.ordinal()] = new WaitExecutor();
    byType[StateType.TASK.ordinal()] = tasks;
    byType[StateType.PARALLEL.ordinal()] = new ParallelExecutor();
    byType[StateType.MAP.ordinal()] = new MapExecutor(new DistributedMapExecutor());
  }

  public StateExecutor of(StateType type) {
    return byType[type.ordinal()];
  }

  /** The Task executor, which also completes tasks answered from outside (callbacks, child executions). */
  public TaskExecutor tasks() {
    return tasks;
  }
}

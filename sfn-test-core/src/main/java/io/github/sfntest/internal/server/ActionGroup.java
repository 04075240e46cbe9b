package io.github.sfntest.internal.server;

/**
 * A group of related actions (state machines, executions, callbacks...), registered with the
 * dispatcher by the service. A new group is a new class and one line in {@link StepFunctionsService}.
 */
interface ActionGroup {

  void registerIn(Dispatcher dispatcher);
}

package io.github.sfntest.internal.server;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the action groups share: the endpoint's settings, its stores and its mock registry.
 *
 * @param closed set once the endpoint shuts down (long polls end early then)
 */
record ServiceContext(
    ServiceConfig config,
    Arns arns,
    StateMachineStore machines,
    ExecutionStore executions,
    ActivityStore activities,
    TagStore tags,
    MockRegistry mocks,
    AtomicBoolean closed) {

  /** A context with empty stores. */
  static ServiceContext of(ServiceConfig config) {
    return new ServiceContext(config, new Arns(config.options()), new StateMachineStore(), new ExecutionStore(),
        new ActivityStore(), new TagStore(), new MockRegistry(config.mockConfig()), new AtomicBoolean());
  }

  boolean realTime() {
    return config.realTime();
  }
}

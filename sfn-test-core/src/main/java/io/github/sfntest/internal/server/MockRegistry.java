package io.github.sfntest.internal.server;

import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.mock.MockConfigFile;
import io.github.sfntest.mock.TaskHandler;
import io.github.sfntest.s3.InMemoryS3;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Where the task handler of an execution started on {@code <stateMachineArn>#<testCase>} comes
 * from, first match wins: a handler registered in this JVM, a MockConfigFile pushed through {@code
 * SfnTest.PutMockConfig}, the endpoint's MockConfigFile ({@code SFN_MOCK_CONFIG}). Thread-safe.
 */
final class MockRegistry {

  private final Supplier<MockConfigFile> mockConfig;
  private final Map<String, TaskHandler> handlers = new ConcurrentHashMap<>();
  // Options of in-JVM test clients (start time, seed): their executions are reproducible.
  private final Map<String, EngineOptions> options = new ConcurrentHashMap<>();
  private final Map<String, InMemoryS3> s3 = new ConcurrentHashMap<>();
  private final AtomicLong counter = new AtomicLong();
  private volatile MockConfigFile pushed;

  MockRegistry(Supplier<MockConfigFile> mockConfig) {
    this.mockConfig = mockConfig;
  }

  /** Registers an in-JVM handler under a new test case name, which it answers. */
  String register(TaskHandler handler) {
    String name = "sfn-test-handler-" + counter.incrementAndGet();
    handlers.put(name, handler);
    return name;
  }

  /** Like {@link #register(TaskHandler)}, with the options (and S3 objects) its executions use. */
  String register(TaskHandler handler, EngineOptions engineOptions, InMemoryS3 objects) {
    String name = register(handler);
    options.put(name, engineOptions);
    if (objects != null) {
      s3.put(name, objects);
    }
    return name;
  }

  void unregister(String testCase) {
    handlers.remove(testCase);
    options.remove(testCase);
    s3.remove(testCase);
  }

  /** Replaces the pushed MockConfigFile. */
  void push(MockConfigFile file) {
    pushed = file;
  }

  /** The options registered with an in-JVM handler, or null. */
  EngineOptions options(String testCase) {
    return testCase == null ? null : options.get(testCase);
  }

  /** The S3 objects registered with an in-JVM handler, or null. */
  InMemoryS3 s3(String testCase) {
    return testCase == null ? null : s3.get(testCase);
  }

  /** The handler of {@code testCase} (null: no test case, no mocks) with AWS-shaped errors. */
  TaskHandler handlerFor(String stateMachineName, String testCase) {
    if (testCase == null) {
      return TaskHandler.none();
    }
    if (testCase.isEmpty()) {
      throw ApiException.invalidArn(stateMachineName + "#", "Empty test case name after '#'");
    }
    TaskHandler registered = handlers.get(testCase);
    if (registered != null) {
      return registered;
    }
    MockConfigFile file = pushed;
    if (file != null && file.stateMachineNames().contains(stateMachineName)
        && file.testCaseNames(stateMachineName).contains(testCase)) {
      return file.testCase(stateMachineName, testCase);
    }
    try {
      file = mockConfig.get();
    } catch (RuntimeException e) {
      throw ApiException.validation("The MockConfigFile cannot be loaded: " + e.getMessage());
    }
    if (file == null) {
      throw ApiException.validation("Test case '" + testCase + "' requested, but no MockConfigFile is loaded: "
          + "start the endpoint with SFN_MOCK_CONFIG=<file> (or --mock-config FILE)");
    }
    try {
      return file.testCase(stateMachineName, testCase);
    } catch (IllegalArgumentException e) {
      throw ApiException.validation(e.getMessage());
    }
  }
}

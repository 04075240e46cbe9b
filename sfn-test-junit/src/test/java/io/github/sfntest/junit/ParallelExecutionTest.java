package io.github.sfntest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.sfntest.junit.examples.EmptyPlainExample;
import io.github.sfntest.junit.examples.EmptyWithExtensionExample;
import io.github.sfntest.junit.examples.ParallelExample;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * 200 test methods under JUnit's parallel execution: all green, and each test's executions
 * (rendered histories, execution ARNs, task tokens) identical across repeated parallel runs and a
 * sequential run. Prints the wall times and the extension's per-test overhead.
 */
class ParallelExecutionTest {

  static final Map<String, String> PARALLEL = Map.of(
      "junit.jupiter.execution.parallel.enabled", "true",
      "junit.jupiter.execution.parallel.mode.default", "concurrent",
      "junit.jupiter.execution.parallel.config.strategy", "fixed",
      "junit.jupiter.execution.parallel.config.fixed.parallelism", "4");

  static long runMillis(Class<?> testClass, Map<String, String> parameters, int tests) {
    long start = System.nanoTime();
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").configurationParameters(parameters)
        .selectors(selectClass(testClass)).execute();
    long millis = (System.nanoTime() - start) / 1_000_000;
    results.testEvents().assertStatistics(s -> s.started(tests).succeeded(tests).failed(0));
    return millis;
  }

  @Test
  void twoHundredTestsInParallelAreGreenAndDeterministic() {
    ParallelExample.RECORD.clear();
    long sequential = runMillis(ParallelExample.class, Map.of(), 200);
    Map<String, String> expected = new TreeMap<>(ParallelExample.RECORD);
    assertThat(expected).hasSize(200);
    for (int run = 1; run <= 3; run++) {
      ParallelExample.RECORD.clear();
      long millis = runMillis(ParallelExample.class, PARALLEL, 200);
      assertThat(new TreeMap<>(ParallelExample.RECORD)).as("parallel run %d", run).isEqualTo(expected);
      System.out.printf("sfn-test parallel suite: 200 tests, run %d: %d ms wall (sequential: %d ms)%n",
          run, millis, sequential);
    }
  }

  @Test
  void perTestOverheadOfTheExtension() {
    for (int i = 0; i < 3; i++) { // warm-up
      runMillis(EmptyPlainExample.class, Map.of(), 200);
      runMillis(EmptyWithExtensionExample.class, Map.of(), 200);
    }
    long[] plainRuns = new long[9];
    long[] withRuns = new long[9];
    for (int i = 0; i < plainRuns.length; i++) {
      plainRuns[i] = runMillis(EmptyPlainExample.class, Map.of(), 200);
      withRuns[i] = runMillis(EmptyWithExtensionExample.class, Map.of(), 200);
    }
    java.util.Arrays.sort(plainRuns);
    java.util.Arrays.sort(withRuns);
    long plain = plainRuns[plainRuns.length / 2];
    long with = withRuns[withRuns.length / 2];
    double perTest = (with - plain) / 200.0;
    System.out.printf("sfn-test overhead (medians of 9 runs): 200 empty tests take %d ms plain, %d ms with @StateMachineTest"
        + " (engine, mocks and state machine injected): %.3f ms per test%n", plain, with, perTest);
    assertThat(perTest).as("per-test overhead in ms").isLessThan(20.0);
  }
}

package io.github.sfntest.bench;

import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.engine.StartRequest;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole execution of each bench workload, as {@code compare.mjs} times it through the CLI:
 * one engine, the history limit lifted, the output checked once after the run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class WorkloadBenchmark {

  /** The workload folder's name. */
  @Param({"pass-chain", "pass-chain-5k", "map-inline", "parallel-fanout", "task-mocked", "jsonata-heavy", "wait-heavy"})
  public String workload;

  private Engine engine;
  private StartRequest request;
  private ExecutionResult last;

  /** Loads the workload and starts the engine. */
  @Setup(Level.Trial)
  public void setUp() {
    engine = Engine.inProcess(EngineOptions.builder().maxHistoryEvents(0).build());
    request = Workloads.request(workload);
  }

  /** Checks the last output, so a fast wrong engine is no result. */
  @TearDown(Level.Trial)
  public void check() {
    if (last.status() != ExecutionStatus.SUCCEEDED || !Workloads.matches(workload, last.output().orElse(null))) {
      throw new IllegalStateException(workload + " ended " + last.status() + " with an unexpected output");
    }
    engine.close();
  }

  /** One execution. */
  @Benchmark
  public ExecutionResult run() {
    last = engine.run(request);
    return last;
  }
}

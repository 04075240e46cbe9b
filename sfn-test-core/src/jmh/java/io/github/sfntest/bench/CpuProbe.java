package io.github.sfntest.bench;

import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.StartRequest;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;

/**
 * Load-independent figures for the bench workloads on a busy machine: CPU time of the running
 * thread and bytes it allocated, per execution, after {@code --warmup} untimed runs (default 2,
 * like compare.mjs). Run: {@code java -cp <test classpath> io.github.sfntest.bench.CpuProbe
 * [--warmup W] [--repeat N] [workload...]}.
 */
public final class CpuProbe {

  private CpuProbe() {}

  /**
   * Prints one line per workload: median CPU ms, median allocated MB, transitions.
   *
   * @param args {@code [--warmup W] [--repeat N] [workload...]}
   */
  public static void main(String[] args) {
    int warmup = 2;
    int repeat = 7;
    List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--repeat" -> repeat = Integer.parseInt(args[++i]);
        default -> names.add(args[i]);
      }
    }
    if (names.isEmpty()) {
      names = List.of("pass-chain", "pass-chain-5k", "map-inline", "parallel-fanout", "task-mocked", "jsonata-heavy",
          "wait-heavy");
    }
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long self = Thread.currentThread().getId();
    for (String name : names) {
      try (Engine engine = Engine.inProcess(EngineOptions.builder().maxHistoryEvents(0).build())) {
        StartRequest request = Workloads.request(name);
        ExecutionResult result = null;
        for (int i = 0; i < warmup; i++) {
          result = engine.run(request);
        }
        double[] cpu = new double[repeat];
        double[] alloc = new double[repeat];
        for (int i = 0; i < repeat; i++) {
          long c0 = threads.getCurrentThreadCpuTime();
          long a0 = threads.getThreadAllocatedBytes(self);
          result = engine.run(request);
          cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
          alloc[i] = (threads.getThreadAllocatedBytes(self) - a0) / 1e6;
        }
        boolean ok = result != null && Workloads.matches(name, result.output().orElse(null));
        System.out.printf("%-16s cpu_ms %8.2f  alloc_MB %8.2f  transitions %d  ok %s  cpu_runs %s%n", name,
            median(cpu), median(alloc), result.history().enteredStateNames().size(), ok, Arrays.toString(round(cpu)));
      }
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double[] round(double[] values) {
    return Arrays.stream(values).map(v -> Math.round(v * 10) / 10.0).toArray();
  }
}

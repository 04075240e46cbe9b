package io.github.sfntest.bench;

import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.StartRequest;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes a finished execution keeps reachable, with the FULL history (the default): what its
 * events, their details and the JSON they reference cost while the run goes on and after it.
 * Runs each workload, then measures the used heap after full collections with the result held
 * and again with it dropped. Run: {@code java -cp <test classpath> io.github.sfntest.bench.RetainedProbe
 * [--warmup W] [--histogram N] [workload...]}; {@code --histogram N} also prints the N classes
 * with the most bytes while the result is held ({@code jcmd <pid> GC.class_histogram}).
 */
public final class RetainedProbe {

  private RetainedProbe() {}

  /**
   * Prints one line per workload: retained bytes per execution and per transition.
   *
   * @param args {@code [--warmup W] [--histogram N] [workload...]}
   * @throws Exception when {@code jcmd} cannot be run for the histogram
   */
  public static void main(String[] args) throws Exception {
    int warmup = 3;
    int histogram = 0;
    List<String> names = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--histogram" -> histogram = Integer.parseInt(args[++i]);
        default -> names.add(args[i]);
      }
    }
    if (names.isEmpty()) {
      names = List.of("pass-chain", "pass-chain-5k", "map-inline", "parallel-fanout", "task-mocked");
    }
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (String name : names) {
      try (Engine engine = Engine.inProcess(EngineOptions.builder().maxHistoryEvents(0).build())) {
        StartRequest request = Workloads.request(name);
        for (int i = 0; i < warmup; i++) {
          engine.run(request);
        }
        long without = usedAfterGc(memory);
        java.util.Map<String, long[]> before = histogram > 0 ? histogram() : null;
        ExecutionResult result = engine.run(request);
        long with = usedAfterGc(memory);
        // Counted after the histogram: reading a state's name renders its event's details.
        java.util.Map<String, long[]> after = histogram > 0 ? histogram() : null;
        int transitions = result.history().enteredStateNames().size();
        int events = result.history().events().size();
        if (histogram > 0) {
          printGrowth(before, after, histogram, transitions);
        }
        long retained = with - without;
        System.out.printf("%-16s retained_bytes %10d  events %6d  transitions %6d  B/transition %6d  B/event %5d%n",
            name, retained, events, transitions, retained / transitions, retained / events);
        result = null;
      }
    }
  }

  private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(50);
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  /** Class name to {instances, bytes}, from {@code jcmd <pid> GC.class_histogram} (which collects first). */
  private static java.util.Map<String, long[]> histogram() throws IOException {
    String pid = Long.toString(ProcessHandle.current().pid());
    Process jcmd = new ProcessBuilder("jcmd", pid, "GC.class_histogram").redirectErrorStream(true).start();
    java.util.Map<String, long[]> classes = new java.util.HashMap<>();
    try (InputStream out = jcmd.getInputStream()) {
      for (String line : new String(out.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String[] f = line.trim().split("\\s+");
        if (f.length >= 4 && f[0].endsWith(":")) {
          classes.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
        }
      }
    }
    return classes;
  }

  private static void printGrowth(java.util.Map<String, long[]> before, java.util.Map<String, long[]> after, int lines,
      int transitions) {
    List<java.util.Map.Entry<String, long[]>> growth = new ArrayList<>();
    after.forEach((cls, a) -> {
      long[] b = before.getOrDefault(cls, new long[2]);
      growth.add(java.util.Map.entry(cls, new long[] {a[0] - b[0], a[1] - b[1]}));
    });
    growth.sort((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]));
    for (java.util.Map.Entry<String, long[]> e : growth.subList(0, Math.min(lines, growth.size()))) {
      System.out.printf("  %10d instances %10d bytes %7.1f B/transition  %s%n", e.getValue()[0], e.getValue()[1],
          e.getValue()[1] / (double) transitions, e.getKey());
    }
  }
}

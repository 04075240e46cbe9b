package io.github.sfntest.bench;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.internal.json.Slf4jDefaults;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * What the first test of a suite pays: one short execution (a 3-state machine) in a fresh JVM,
 * split by phase (Jackson's and the engine's JSON set-up, definition parse and validation, engine creation, the run, reading the
 * history as AWS shows it), each with its wall time, the CPU time of this thread and the classes
 * the JVM loaded meanwhile; then the same execution again, warm-ish. Run it in a new JVM each time:
 * {@code java [flags] -cp <test classpath> io.github.sfntest.bench.FirstRunProbe}.
 */
public final class FirstRunProbe {

  private FirstRunProbe() {}

  private static final String DEFINITION = "{\"StartAt\":\"A\",\"States\":{"
      + "\"A\":{\"Type\":\"Pass\",\"Result\":{\"x\":1},\"ResultPath\":\"$.a\",\"Next\":\"B\"},"
      + "\"B\":{\"Type\":\"Pass\",\"Parameters\":{\"y.$\":\"$.a.x\"},\"Next\":\"C\"},"
      + "\"C\":{\"Type\":\"Succeed\"}}}";

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final ClassLoadingMXBean CLASSES = ManagementFactory.getClassLoadingMXBean();
  private static long wall = System.nanoTime();
  private static long cpu = THREADS.getCurrentThreadCpuTime();
  private static long loaded = CLASSES.getTotalLoadedClassCount();

  /**
   * Prints one line per phase: wall ms, thread CPU ms, classes loaded.
   *
   * @param args none
   */
  public static void main(String[] args) {
    System.out.printf("%-22s wall_ms %7s  cpu_ms %7s  classes %5s%n", "phase", "", "", "");
    phase("jvm to main (total)", ManagementFactory.getRuntimeMXBean().getUptime(), 0, loaded);
    mark();
    // What Json's static initialiser does first: look for an SLF4J provider (a ServiceLoader scan).
    Slf4jDefaults.quietWithoutProvider();
    mark("slf4j provider lookup");
    // Jackson's ObjectMapper and the engine's JSON settings, alone (Json's static initialiser).
    if (Json.parse("{}").size() != 0) {
      throw new IllegalStateException("{} is not empty");
    }
    mark("json (Jackson) init");
    for (int round = 1; round <= 2; round++) {
      StateMachineDefinition definition = StateMachineDefinition.of("first", DEFINITION);
      mark("r" + round + " parse+validate");
      try (Engine engine = Engine.inProcess()) {
        mark("r" + round + " engine");
        ExecutionResult result = engine.run(StartRequest.of(definition, "{}"));
        mark("r" + round + " run");
        int events = result.history().events().size();
        String text = result.history().toJson().toString();
        mark("r" + round + " history");
        if (events != 8 || text.isEmpty() || !result.output().orElseThrow().toString().equals("{\"y\":1}")) {
          throw new IllegalStateException("unexpected result: " + result.output() + ", " + events + " events");
        }
      }
    }
  }

  private static void mark() {
    wall = System.nanoTime();
    cpu = THREADS.getCurrentThreadCpuTime();
    loaded = CLASSES.getTotalLoadedClassCount();
  }

  private static void mark(String name) {
    long w = System.nanoTime();
    long c = THREADS.getCurrentThreadCpuTime();
    long l = CLASSES.getTotalLoadedClassCount();
    phase(name, (w - wall) / 1e6, (c - cpu) / 1e6, l - loaded);
    mark();
  }

  private static void phase(String name, double wallMs, double cpuMs, long classes) {
    System.out.printf("%-22s wall_ms %7.1f  cpu_ms %7.1f  classes %5d%n", name, wallMs, cpuMs, classes);
  }
}

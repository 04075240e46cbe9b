package io.github.sfntest.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The classified outcomes of one fuzzer: every input lands in exactly one class, either an
 * expected one ("success", "clear error: ...") or {@link #escape} (a stack trace, an internal
 * error, a JVM error, a 500, a hang). The table row printed at the end is the one the issue asks
 * for; {@link #assertNothingEscaped} fails with the first escapes and the inputs that caused them.
 */
final class Outcomes {

  private final String fuzzer;
  private final Map<String, Integer> counts = new TreeMap<>();
  private final List<String> escapes = new ArrayList<>();
  private int tried;
  // Wall time depends on what else the machine runs; the JVM's CPU time much less so, so the row
  // gives both (CPU time includes the endpoint's threads, GC and JIT of this JVM).
  private final long startNanos = System.nanoTime();
  private final long startCpuNanos = processCpuNanos();

  Outcomes(String fuzzer) {
    this.fuzzer = fuzzer;
  }

  private static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
  }

  void count(String outcome) {
    tried++;
    counts.merge(outcome, 1, Integer::sum);
  }

  void escape(String what, String input, Throwable thrown) {
    count("ESCAPED: " + what);
    if (escapes.size() < 5) {
      StringWriter trace = new StringWriter();
      if (thrown != null) {
        thrown.printStackTrace(new PrintWriter(trace));
      }
      String shown = input.length() > 300 ? input.substring(0, 300) + "...(" + input.length() + " chars)" : input;
      escapes.add(what + "\n  input: " + shown + "\n  " + trace.toString().lines().limit(12).reduce("", (a, b) -> a + "\n  " + b));
    }
  }

  int tried() {
    return tried;
  }

  Map<String, Integer> counts() {
    return counts;
  }

  /** Prints "| fuzzer | tried | outcome: n, ... | wall, CPU |" and fails if anything escaped. */
  void assertNothingEscaped(int atLeast) {
    long cpu = startCpuNanos < 0 ? -1 : (processCpuNanos() - startCpuNanos) / 1_000_000;
    System.out.println("FUZZ | " + fuzzer + " | " + tried + " | " + counts + " | wall "
        + (System.nanoTime() - startNanos) / 1_000_000 + " ms, JVM CPU " + cpu + " ms");
    assertThat(escapes).as(fuzzer + ": inputs that escaped as a trace, a JVM error or a hang").isEmpty();
    assertThat(tried).as(fuzzer + ": inputs tried").isGreaterThanOrEqualTo(atLeast);
  }

  /** The first line of a message, trimmed, for grouping outcomes. */
  static String kind(Throwable e) {
    return e.getClass().getSimpleName();
  }
}

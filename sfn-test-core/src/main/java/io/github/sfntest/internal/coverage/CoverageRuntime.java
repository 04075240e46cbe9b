package io.github.sfntest.internal.coverage;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.internal.asl.Definitions;
import io.github.sfntest.internal.graph.MachineGraph;
import io.github.sfntest.internal.json.Json;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.function.Function;

/**
 * The coverage of this JVM: what the test executions covered, written to one raw file of its own
 * under {@code <dir>/raw/} (a unique name, so forked JVMs never share one) on {@link #flush()} and
 * at JVM exit.
 */
public final class CoverageRuntime {

  private static final CoverageRuntime INSTANCE = new CoverageRuntime();

  private final CoverageData data = new CoverageData();
  private final Map<StateMachineDefinition, Prepared> prepared = new WeakHashMap<>();
  private final String rawName = "coverage-" + pid() + "-" + UUID.randomUUID().toString().substring(0, 8) + ".json";
  private volatile boolean hookInstalled;
  private final java.util.concurrent.atomic.AtomicLong recorded = new java.util.concurrent.atomic.AtomicLong();
  private long flushed; // guarded by this
  private final java.util.concurrent.atomic.AtomicLong recordNanos = new java.util.concurrent.atomic.AtomicLong();

  private record Prepared(String hash, MachineGraph graph) {}

  private CoverageRuntime() {}

  public static CoverageRuntime get() {
    return INSTANCE;
  }

  /**
   * Records what {@code result} covered of {@code definition} for {@code test}, and what its child
   * executions covered of the machines {@code definitions} knows by name.
   */
  public void record(StateMachineDefinition definition, ExecutionResult result, String test,
      Function<String, StateMachineDefinition> definitions) {
    long start = System.nanoTime();
    record(definition, result, test == null ? "(unnamed test)" : test, definitions, 0);
    recordNanos.addAndGet(System.nanoTime() - start);
    recorded.incrementAndGet();
    installHook();
  }

  /** Records what one single-state test covered of {@code definition} (see {@link CoverageCollector#collectSingleState}). */
  public void recordSingleState(StateMachineDefinition definition, String stateName, String nextState, String error,
      int caughtIndex, int retryIndex, com.fasterxml.jackson.databind.JsonNode input,
      java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> variables, String test) {
    long start = System.nanoTime();
    Prepared p = prepare(definition);
    data.add(definition, p.hash(), CoverageCollector.collectSingleState(p.graph(), stateName, nextState, error,
        caughtIndex, retryIndex, input, variables), test == null ? "(unnamed test)" : test);
    recordNanos.addAndGet(System.nanoTime() - start);
    recorded.incrementAndGet();
    installHook();
  }

  private void record(StateMachineDefinition definition, ExecutionResult result, String test,
      Function<String, StateMachineDefinition> definitions, int depth) {
    Prepared p = prepare(definition);
    Set<String> items = CoverageCollector.collect(p.graph(), result);
    data.add(definition, p.hash(), items, test);
    if (depth > 20) {
      return; // a machine starting itself: enough
    }
    for (ExecutionResult child : result.childExecutions()) {
      StateMachineDefinition childDefinition = child.stateMachineName() == null ? null
          : definitions.apply(child.stateMachineName());
      if (childDefinition != null) {
        record(childDefinition, child, test, definitions, depth + 1);
      }
    }
  }

  private Prepared prepare(StateMachineDefinition definition) {
    synchronized (prepared) {
      return prepared.computeIfAbsent(definition,
          d -> new Prepared(CoverageData.hash(d), MachineGraph.of(Definitions.model(d))));
    }
  }

  /** How many executions were recorded, and the time spent collecting their coverage (the overhead on tests). */
  public String statistics() {
    return String.format(java.util.Locale.ROOT, "%d executions recorded in %.1f ms", recorded.get(),
        recordNanos.get() / 1e6);
  }

  /** The line the test integrations print after writing the report. */
  public String reportWritten(Path index, long startNanos) {
    return String.format(java.util.Locale.ROOT, "sfn-test: state machine coverage report (%s; report written in %d ms): %s",
        statistics(), (System.nanoTime() - startNanos) / 1_000_000, index.toAbsolutePath());
  }

  /** What this JVM collected so far. */
  public CoverageData data() {
    return data;
  }

  /** This JVM's raw file in {@code directory}. */
  public Path rawFile(Path directory) {
    return directory.resolve("raw").resolve(rawName);
  }

  /** Writes this JVM's raw file (replacing the previous write atomically); nothing if nothing was recorded. */
  public synchronized void flush(Path directory) {
    if (data.isEmpty()) {
      return;
    }
    Path file = rawFile(directory);
    ReportFiles.writeAtomically(file, Json.pretty(data.toJson()));
  }

  /** Flushes if something was recorded since the last call; true if it did. */
  public synchronized boolean flushIfChanged(Path directory) {
    long now = recorded.get();
    if (now == flushed || data.isEmpty()) {
      return false;
    }
    flush(directory);
    flushed = now;
    return true;
  }

  private void installHook() {
    if (hookInstalled) {
      return;
    }
    synchronized (this) {
      if (hookInstalled) {
        return;
      }
      hookInstalled = true;
      Path directory = CoverageSettings.directory().toAbsolutePath();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          flush(directory);
        } catch (RuntimeException e) {
          System.err.println("sfn-test: could not write the coverage raw file: " + e.getMessage());
        }
      }, "sfn-test-coverage-flush"));
    }
  }

  private static String pid() {
    try {
      return Long.toString(ProcessHandle.current().pid());
    } catch (UnsupportedOperationException e) {
      return ManagementFactory.getRuntimeMXBean().getName().replaceAll("[^A-Za-z0-9]", "");
    }
  }

  /** Deletes every raw file in {@code directory} (a clean start). */
  static void deleteRaw(Path directory) throws IOException {
    Path raw = directory.resolve("raw");
    if (!Files.isDirectory(raw)) {
      return;
    }
    try (var files = Files.list(raw)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(f);
      }
    }
  }
}

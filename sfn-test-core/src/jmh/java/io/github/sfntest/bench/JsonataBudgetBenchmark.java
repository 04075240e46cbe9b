package io.github.sfntest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.EvaluationScope;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.internal.jsonata.JsonataRuntime;
import io.github.sfntest.internal.jsonata.JsonataTemplate;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of the JSONata evaluation budget (issue 22): one evaluation of a representative
 * expression with the budget's entry/exit hooks ({@link #budgetOn}) and without them ({@link
 * #budgetOff}). The budget's switch ({@code sfntest.jsonata.budget=off}) is read once per JVM, so
 * each method runs in its own fork with its own system property; the difference of the two scores
 * (and of {@code -prof gc}'s {@code gc.alloc.rate.norm}) is what the budget costs per evaluation.
 *
 * <p>On a busy machine the scores' errors exceed the difference; {@link #main} measures the same
 * evaluations in thread CPU time, which the load moves far less (run it once per setting).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class JsonataBudgetBenchmark {

  /** The expression evaluated, by kind; see {@link #expression}. */
  @Param({"path", "merge", "filterMap", "strings", "recursion"})
  public String kind;

  private JsonataTemplate template;
  private JsonNode states;
  private final EvaluationScope scope = new EmptyScope();
  private final JsonataRuntime runtime =
      JsonataRuntime.of(() -> Instant.EPOCH, new SplittableRandom(1));

  /** Compiles the expression and builds {@code $states} with an order of 20 items. */
  @Setup
  public void setUp() {
    StringBuilder items = new StringBuilder("[");
    for (int i = 0; i < 20; i++) {
      items.append(i == 0 ? "" : ",").append("{\"name\":\"item-").append(i).append("\",\"price\":")
          .append(i * 3 % 17 + 1).append(",\"qty\":").append(i % 4 + 1).append('}');
    }
    JsonNode input = Json.parse("{\"a\":1,\"b\":{\"c\":[1,2,3],\"d\":\"text\"},\"order\":{\"id\":\"o-1\","
        + "\"customer\":{\"name\":\"Ada\",\"tier\":\"gold\"},\"items\":" + items.append(']') + "}}");
    states = Json.NODES.objectNode().set("input", input);
    template = JsonataTemplate.compile(Json.NODES.textNode("{% " + expression(kind) + " %}"), "Output");
  }

  /** Representative Output expressions, from a field read to a recursive function. */
  static String expression(String kind) {
    return switch (kind) {
      case "path" -> "$states.input.order.customer.name";
      case "merge" -> "$merge([$states.input, {'a': $states.input.a + 1, 's': $uppercase($states.input.b.d)}])";
      case "filterMap" -> "$sum($states.input.order.items[price > 5].(price * qty))";
      case "strings" -> "$join($map($states.input.order.items, function($i) { $uppercase($i.name) }), ', ')";
      case "recursion" -> "($f := function($n) { $n <= 1 ? 1 : $n * $f($n - 1) }; $f(15))";
      default -> throw new IllegalArgumentException("unknown expression kind " + kind);
    };
  }

  /** One evaluation with the budget's hooks installed (the default). */
  @Benchmark
  @Fork(value = 1, jvmArgsAppend = "-Dsfntest.jsonata.budget=on")
  public JsonNode budgetOn() {
    return template.evaluate(scope, states, runtime);
  }

  /** One evaluation without the budget's hooks. */
  @Benchmark
  @Fork(value = 1, jvmArgsAppend = "-Dsfntest.jsonata.budget=off")
  public JsonNode budgetOff() {
    return template.evaluate(scope, states, runtime);
  }

  /**
   * Thread CPU time and allocated bytes per evaluation, medians of 7 rounds after 3 rounds of
   * warm-up, for each expression kind, with the budget as {@code -Dsfntest.jsonata.budget} sets it:
   * {@code java -Dsfntest.jsonata.budget=off -cp <test classpath> io.github.sfntest.bench.JsonataBudgetBenchmark [evaluations per round]}.
   *
   * @param args the number of evaluations per round (default 20000)
   */
  public static void main(String[] args) {
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    String budget = System.getProperty("sfntest.jsonata.budget", "on");
    int results = 0;
    for (String kind : new String[] {"path", "merge", "filterMap", "strings", "recursion"}) {
      JsonataBudgetBenchmark bench = new JsonataBudgetBenchmark();
      bench.kind = kind;
      bench.setUp();
      for (int i = 0; i < 3 * n; i++) {
        results += bench.budgetOn().size();
      }
      long[] cpu = new long[7];
      long[] bytes = new long[7];
      for (int r = 0; r < cpu.length; r++) {
        long cpu0 = mx.getCurrentThreadCpuTime();
        long bytes0 = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < n; i++) {
          results += bench.budgetOn().size(); // the method's body is the same; the property decides
        }
        cpu[r] = (mx.getCurrentThreadCpuTime() - cpu0) / n;
        bytes[r] = (mx.getCurrentThreadAllocatedBytes() - bytes0) / n;
      }
      Arrays.sort(cpu);
      Arrays.sort(bytes);
      System.out.printf("%-10s budget=%-3s cpu ns/op %,8d (min %,d, max %,d)  B/op %,8d%n",
          kind, budget, cpu[3], cpu[0], cpu[6], bytes[3]);
    }
    System.out.println("(" + results + " result members, so the evaluations are not optimised away)");
  }

  /** No variables and empty documents: the expressions read only {@code $states}. */
  private static final class EmptyScope implements EvaluationScope {
    @Override
    public JsonNode input() {
      return Json.NODES.objectNode();
    }

    @Override
    public JsonNode contextObject() {
      return Json.NODES.objectNode();
    }

    @Override
    public JsonNode variable(String name) {
      return null;
    }
  }
}

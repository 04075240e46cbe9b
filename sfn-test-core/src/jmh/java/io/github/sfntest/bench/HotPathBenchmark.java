package io.github.sfntest.bench;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.mock.MockConfigFile;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one state of each kind, history recording included: every benchmark runs a chain of
 * {@value #CHAIN} states of one kind and is divided by it ({@code @OperationsPerInvocation}), so
 * the score is per transition and {@code -prof gc}'s {@code gc.alloc.rate.norm} is bytes per
 * transition. {@link #fixedCost} is one execution of a single Pass state: what every execution
 * pays besides its states.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class HotPathBenchmark {

  static final int CHAIN = 200;

  private Engine engine;
  private StartRequest pass;
  private StartRequest template;
  private StartRequest intrinsic;
  private StartRequest choice;
  private StartRequest jsonata;
  private StartRequest mockedTask;
  private StartRequest single;

  /** Builds the chains once. */
  @Setup
  public void setUp() {
    engine = Engine.inProcess(EngineOptions.builder().maxHistoryEvents(0).build());
    String input = "{\"a\":1,\"b\":{\"c\":[1,2,3],\"d\":\"text\"},\"n\":5}";
    pass = request("{\"Type\":\"Pass\"", input);
    template = request("{\"Type\":\"Pass\",\"Parameters\":{\"a.$\":\"$.a\",\"c.$\":\"$.b.c\",\"d.$\":\"$.b.d\","
        + "\"fixed\":{\"x\":1}},\"ResultPath\":\"$.out\"", input);
    intrinsic = request("{\"Type\":\"Pass\",\"Parameters\":{\"a.$\":\"States.MathAdd($.a, 1)\","
        + "\"s.$\":\"States.Format('{}-{}', $.b.d, $.a)\",\"l.$\":\"States.ArrayLength($.b.c)\"},"
        + "\"ResultPath\":\"$.out\"", input);
    jsonata = request("{\"Type\":\"Pass\",\"QueryLanguage\":\"JSONata\",\"Output\":\"{% $merge([$states.input, "
        + "{'a': $states.input.a + 1, 's': $uppercase($states.input.b.d)}]) %}\"", input);
    StringBuilder choices = new StringBuilder("{\"StartAt\":\"S0\",\"States\":{");
    for (int i = 0; i < CHAIN; i++) {
      choices.append("\"S").append(i).append("\":{\"Type\":\"Choice\",\"Choices\":[{\"And\":[{\"Variable\":\"$.a\","
          + "\"NumericLessThan\":0},{\"Variable\":\"$.b.d\",\"StringEquals\":\"x\"}],\"Next\":\"End\"},"
          + "{\"Variable\":\"$.n\",\"NumericGreaterThanEquals\":1,\"Next\":\"")
          .append(i + 1 < CHAIN ? "S" + (i + 1) : "End").append("\"}],\"Default\":\"End\"},");
    }
    choices.append("\"End\":{\"Type\":\"Succeed\"}}}");
    choice = StartRequest.of(StateMachineDefinition.of("choice", choices.toString()), input);
    StartRequest task = request("{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\","
        + "\"Parameters\":{\"FunctionName\":\"f\",\"Payload.$\":\"$\"},\"ResultSelector\":{\"v.$\":\"$.Payload.v\"},"
        + "\"ResultPath\":\"$.r\"", input);
    MockConfigFile mocks = MockConfigFile.parse("{\"StateMachines\":{\"chain\":{\"TestCases\":{\"T\":{"
        + taskStates() + "}}}},\"MockedResponses\":{\"R\":{\"0-999999\":{\"Return\":{\"Payload\":{\"v\":7},"
        + "\"StatusCode\":200}}}}}");
    mockedTask = task.withTaskHandler(mocks.testCase("chain", "T"));
    single = StartRequest.of(StateMachineDefinition.of("single",
        "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}"), input);
  }

  private static String taskStates() {
    StringBuilder states = new StringBuilder();
    for (int i = 0; i < CHAIN; i++) {
      states.append(i == 0 ? "" : ",").append("\"S").append(i).append("\":\"R\"");
    }
    return states.toString();
  }

  /** A chain of CHAIN states, each {@code stateJson} (without its closing brace) plus Next/End. */
  private static StartRequest request(String stateJson, String input) {
    StringBuilder text = new StringBuilder("{\"StartAt\":\"S0\",\"States\":{");
    for (int i = 0; i < CHAIN; i++) {
      text.append(i == 0 ? "" : ",").append("\"S").append(i).append("\":").append(stateJson)
          .append(i + 1 < CHAIN ? ",\"Next\":\"S" + (i + 1) + "\"}" : ",\"End\":true}");
    }
    return StartRequest.of(StateMachineDefinition.of("chain", text.append("}}").toString()), input);
  }

  /** A Pass state with no fields. */
  @Benchmark
  @OperationsPerInvocation(CHAIN)
  public ExecutionResult passTransition() {
    return engine.run(pass);
  }

  /** A Pass state with a Parameters template of three paths and a ResultPath. */
  @Benchmark
  @OperationsPerInvocation(CHAIN)
  public ExecutionResult payloadTemplate() {
    return engine.run(template);
  }

  /** A Pass state with three intrinsic calls (MathAdd, Format, ArrayLength). */
  @Benchmark
  @OperationsPerInvocation(CHAIN)
  public ExecutionResult intrinsicCalls() {
    return engine.run(intrinsic);
  }

  /** A Choice state: an And of two rules that fails, then a numeric rule that matches. */
  @Benchmark
  @OperationsPerInvocation(CHAIN)
  public ExecutionResult choiceEvaluation() {
    return engine.run(choice);
  }

  /** A JSONata Pass state: an Output with $merge, arithmetic and $uppercase. */
  @Benchmark
  @OperationsPerInvocation(CHAIN)
  public ExecutionResult jsonataExpression() {
    return engine.run(jsonata);
  }

  /** A lambda:invoke Task answered by a MockConfigFile test case (lookup, Parameters, ResultSelector). */
  @Benchmark
  @OperationsPerInvocation(CHAIN)
  public ExecutionResult mockedTask() {
    return engine.run(mockedTask);
  }

  /** One execution of a single Pass state: the fixed cost of an execution. */
  @Benchmark
  public ExecutionResult fixedCost() {
    return engine.run(single);
  }

  /**
   * The payload-template chain and then its whole history read as AWS shows it: the details
   * (JSON strings of inputs and outputs) are rendered only when read, so this minus
   * {@link #payloadTemplate} is what reading the history costs per transition.
   */
  @Benchmark
  @OperationsPerInvocation(CHAIN)
  public Object payloadTemplateHistoryRead() {
    return engine.run(template).history().toJson();
  }
}

package io.github.sfntest.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.engine.Execution;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.engine.WaitingTask;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.internal.replay.HistoryComparison;
import io.github.sfntest.internal.replay.LegitimateDifferences;
import io.github.sfntest.internal.replay.RecordedAnswers;
import io.github.sfntest.mock.TaskHandler;
import io.github.sfntest.s3.InMemoryS3;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Runs the <em>current</em> definition against an execution that really happened: with the
 * recorded input, the recorded integration answers as mocks, on the virtual clock at the recorded
 * start time (and in the recorded account and region, where the recording has them), then compares
 * the replay with the recording: status, path, each state's input and output, the parameters each
 * task sent, and the execution's result.
 *
 * <pre>{@code
 * RecordedExecution recording = RecordedExecution.load(Path.of("recordings/order-42.json"));
 * ReplayResult replay = Replay.of(StateMachineDefinition.fromClasspath("order-flow.asl.json"), recording)
 *     .ignoringFields("requestedAt")
 *     .run();
 * assertThat(replay).matchesRecording();          // or .divergesAt("Charge")
 * }</pre>
 *
 * <p>What may differ legitimately, and is never reported: event timestamps and ids, ISO-8601
 * timestamps inside payloads, task tokens, UUIDs, the partition, region and account of ARNs and
 * the names in Step Functions ARNs (execution, state machine, Map Run), placeholders of an
 * anonymised recording ({@code <ExecArn>} stands for any text), JSON printed as a string versus
 * parsed, {@code 1} versus {@code 1.0}, object key order, and the order in which Map and Parallel
 * branches interleave. Fields the definition legitimately fills with other values (an execution
 * name, a random id) are named with {@link #ignoringFields}.
 */
public final class Replay {

  private final StateMachineDefinition definition;
  private final RecordedExecution recording;
  private final JsonNode input;
  private final List<String> ignoredFields;
  private final EngineOptions options;
  private final TaskHandler extraHandler;
  private final InMemoryS3 s3;
  private final List<String> placeholders;

  private Replay(StateMachineDefinition definition, RecordedExecution recording, JsonNode input,
      List<String> ignoredFields, EngineOptions options, TaskHandler extraHandler, InMemoryS3 s3,
      List<String> placeholders) {
    this.definition = definition;
    this.recording = recording;
    this.input = input;
    this.ignoredFields = List.copyOf(ignoredFields);
    this.options = options;
    this.extraHandler = extraHandler;
    this.s3 = s3;
    this.placeholders = List.copyOf(placeholders);
  }

  /**
   * A replay of {@code recording} on {@code definition}.
   *
   * @param definition the current definition to run
   * @param recording the recorded execution to compare with
   * @return the replay
   */
  public static Replay of(StateMachineDefinition definition, RecordedExecution recording) {
    return new Replay(Objects.requireNonNull(definition, "definition"), Objects.requireNonNull(recording, "recording"),
        null, List.of(), null, null, null, List.of());
  }

  /**
   * The same replay started with {@code input} instead of the recorded one.
   *
   * @param input the execution input
   * @return a new replay; this one is unchanged
   */
  public Replay withInput(JsonNode input) {
    return new Replay(definition, recording, Objects.requireNonNull(input, "input"), ignoredFields, options, extraHandler, s3, placeholders);
  }

  /**
   * The same replay not comparing the named fields of payloads: a bare name ({@code requestId})
   * at any depth, or a path from the payload's root ({@code $.order.createdAt}).
   *
   * @param fields field names or paths to ignore
   * @return a new replay; this one is unchanged
   */
  public Replay ignoringFields(String... fields) {
    List<String> all = new ArrayList<>(ignoredFields);
    all.addAll(Arrays.asList(fields));
    return new Replay(definition, recording, input, all, options, extraHandler, s3, placeholders);
  }

  /**
   * The same replay on an engine with {@code options} (account, region, start time) instead of
   * those taken from the recording.
   *
   * @param options the engine settings
   * @return a new replay; this one is unchanged
   */
  public Replay withEngineOptions(EngineOptions options) {
    return new Replay(definition, recording, input, ignoredFields, Objects.requireNonNull(options, "options"), extraHandler, s3, placeholders);
  }

  /**
   * The same replay with tasks the recording has no answer for (a state added since) answered by
   * {@code handler}; recorded answers come first.
   *
   * @param handler answers tasks the recording has no answer for
   * @return a new replay; this one is unchanged
   */
  public Replay withFallback(TaskHandler handler) {
    return new Replay(definition, recording, input, ignoredFields, options, Objects.requireNonNull(handler, "handler"), s3, placeholders);
  }

  /**
   * The same replay treating literal stand-ins of an anonymised recording (e.g. {@code
   * queue_url}, {@code date}) as wildcards: wherever one appears in a recorded value, as the whole
   * value or as a word inside it, it stands for any text. ({@code <...>} tokens always do.)
   *
   * @param values the literal stand-ins to treat as wildcards
   * @return a new replay; this one is unchanged
   */
  public Replay withPlaceholders(java.util.Collection<String> values) {
    return new Replay(definition, recording, input, ignoredFields, options, extraHandler, s3, List.copyOf(values));
  }

  /**
   * The same replay with Distributed Map item readers and result writers on {@code s3}.
   *
   * @param s3 the in-memory S3 fixture
   * @return a new replay; this one is unchanged
   */
  public Replay withS3(InMemoryS3 s3) {
    return new Replay(definition, recording, input, ignoredFields, options, extraHandler, Objects.requireNonNull(s3, "s3"), placeholders);
  }

  /**
   * The engine options of the replay: the recording's start time, account, region and role where it
   * has them.
   *
   * @return the engine options
   */
  public EngineOptions engineOptions() {
    if (options != null) {
      return options;
    }
    EngineOptions.Builder b = EngineOptions.builder();
    recording.startTime().ifPresent(b::startTime);
    recording.account().ifPresent(b::account);
    recording.region().ifPresent(b::region);
    recording.roleArn().ifPresent(b::roleArn);
    return b.build();
  }

  /**
   * Runs the replay on a new in-process engine and compares it with the recording.
   *
   * @return the comparison's result
   */
  public ReplayResult run() {
    try (Engine engine = Engine.inProcess(engineOptions())) {
      return runOn(engine);
    }
  }

  /**
   * Runs the replay on {@code engine} (which the caller closes) and compares it with the recording.
   *
   * @param engine the engine to run on
   * @return the comparison's result
   */
  public ReplayResult runOn(Engine engine) {
    LegitimateDifferences legitimate = new LegitimateDifferences(ignoredFields, placeholders);
    TaskHandler handler = RecordedAnswers.of(recording.events(), legitimate);
    if (extraHandler != null) {
      TaskHandler recorded = handler;
      handler = invocation -> {
        var outcome = recorded.invoke(invocation);
        return outcome instanceof io.github.sfntest.mock.TaskOutcome.NotHandled ? extraHandler.invoke(invocation) : outcome;
      };
    }
    JsonNode startInput = input != null ? input : recording.input();
    StartRequest request = StartRequest.of(definition, startInput).withTaskHandler(handler);
    if (s3 != null) {
      request = request.withS3(s3);
    }
    ExecutionResult replayed = runToEnd(engine.start(request));
    return compare(recording, replayed, legitimate);
  }

  /**
   * Runs the execution to its end; a task left waiting for a callback the recording has no answer
   * for (the recording was stopped there, or the definition changed) stops the execution, as
   * StopExecution would, so the replay still ends and can be compared.
   */
  private static ExecutionResult runToEnd(Execution execution) {
    try {
      return execution.awaitCompletion();
    } catch (IllegalStateException waiting) {
      if (execution.status() != ExecutionStatus.RUNNING) {
        throw waiting;
      }
      List<String> states = execution.waitingTasks().stream().map(WaitingTask::stateName).toList();
      execution.stop("sfn-test.Replay.NoRecordedAnswer",
          "the replay stopped the execution: " + states + " wait for a callback the recording has no answer for");
      return execution.awaitCompletion();
    }
  }

  /**
   * Compares an execution already run with a recording.
   *
   * @param recording the recorded execution
   * @param replayed the execution run on the current definition
   * @param ignoredFields payload fields not compared
   * @return the comparison's result
   */
  public static ReplayResult compare(RecordedExecution recording, ExecutionResult replayed, List<String> ignoredFields) {
    return compare(recording, replayed, new LegitimateDifferences(ignoredFields));
  }

  private static ReplayResult compare(RecordedExecution recording, ExecutionResult replayed,
      LegitimateDifferences legitimate) {
    List<ObjectNode> replayedEvents = new ArrayList<>();
    replayed.history().forEach(e -> replayedEvents.add(e.toJson()));
    HistoryComparison.Ending replayedEnding = new HistoryComparison.Ending(replayed.status().name(),
        replayed.output().orElse(null), replayed.error().orElse(null), replayed.cause().orElse(null));
    HistoryComparison comparison = new HistoryComparison(legitimate);
    Divergence divergence = comparison
        .compare(recording.events(), HistoryComparison.ending(recording.events()), replayedEvents, replayedEnding)
        .map(d -> new Divergence(Divergence.Kind.valueOf(d.kind().name()), d.stateName(), d.recorded(), d.replayed(),
            d.pathBefore(), d.description()))
        .orElse(null);
    return new ReplayResult(recording, replayed, divergence);
  }
}

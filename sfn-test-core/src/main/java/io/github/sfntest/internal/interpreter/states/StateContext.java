package io.github.sfntest.internal.interpreter.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.history.HistoryEventType;
import io.github.sfntest.internal.StatesException;
import io.github.sfntest.internal.asl.StateMachineModel;
import io.github.sfntest.internal.interpreter.Frame;
import io.github.sfntest.internal.interpreter.HistoryContext;
import io.github.sfntest.internal.interpreter.PendingTask;
import io.github.sfntest.internal.interpreter.RunSettings;
import io.github.sfntest.internal.interpreter.Scheduler;
import io.github.sfntest.internal.interpreter.StateEntry;
import io.github.sfntest.internal.interpreter.StateEnv;
import io.github.sfntest.internal.interpreter.StateIo;
import io.github.sfntest.internal.interpreter.TaskResource;
import io.github.sfntest.mock.TaskInvocation;
import io.github.sfntest.mock.TaskOutcome;
import io.github.sfntest.s3.InMemoryS3;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The port through which a state executor talks to its execution: leave the state (exit), fail it,
 * record history (emit), schedule work on the virtual clock, evaluate fields (env, io) and invoke
 * task handlers. Executors see nothing else of the run.
 */
public interface StateContext {

  RunSettings settings();

  Instant now();

  /** The execution has not ended. */
  boolean running();

  // Evaluation

  /** The evaluation environment of one field of {@code entry}, over {@code in}. */
  StateEnv env(StateEntry entry, JsonNode in);

  /** Input and output processing (InputPath ... OutputPath, Arguments/Output/Assign). */
  StateIo io();

  // History

  long emit(HistoryContext history, HistoryEventType type, ObjectNode details, boolean updateSource);

  long emitLazy(HistoryContext history, HistoryEventType type, Supplier<ObjectNode> details);

  /** {@link #emit} with details built only when read: without {@code updateSource} the thread's source stays. */
  default long emitLazy(HistoryContext history, HistoryEventType type, Supplier<ObjectNode> details,
      boolean updateSource) {
    long source = history.source;
    long id = emitLazy(history, type, details);
    if (!updateSource) {
      history.source = source;
    }
    return id;
  }

  /** An event of {@code owner}'s thread linked to {@code previous} that moves no history context. */
  long record(HistoryContext owner, long previous, HistoryEventType type, ObjectNode details);

  // Scheduling on the virtual clock

  void post(Runnable action);

  Scheduler.Timer schedule(Duration delay, Runnable action);

  Scheduler.Timer scheduleAt(Instant due, Runnable action);

  // Flow

  /** Enters {@code stateName} of {@code frame}'s branch with {@code input}, as a separate step. */
  void enter(Frame frame, String stateName, JsonNode input);

  /** Leaves the state to its Next (or ends its frame when it is an End state). */
  void exit(StateEntry entry, JsonNode output, Map<String, JsonNode> assigned);

  /** Leaves the state to {@code next}, or ends its frame when null. */
  void exitTo(StateEntry entry, JsonNode output, Map<String, JsonNode> assigned, String next);

  /** A field of the state could not be evaluated, or the state raised an error: Retry/Catch it. */
  void fail(StateEntry entry, StatesException error);

  /** Hands an error of the state to its Retry and Catch fields. */
  void handleError(StateEntry entry, String error, String cause);

  /** Ends {@code frame} (the execution, a branch or an iteration) with an error. */
  void frameFailed(Frame frame, String error, String cause);

  void abortFrame(Frame frame);

  /** Records "*StateAborted" for the state a torn-down frame was running. */
  void stateAborted(Frame frame, long link);

  /** Ends the whole execution at once (Runtime errors, limits). */
  void failExecution(String error, String cause);

  /** The test lacks a mock: remember why and end the execution. */
  void missingMock(String reason);

  /** "An error occurred while executing the state ..." */
  String errorPrefix(StateEntry entry);

  // Tasks

  /** Counts a call of {@code stateName}'s task (mocks answer by invocation index). */
  int nextInvocation(String stateName);

  TaskOutcome invoke(TaskInvocation call);

  String newTaskToken();

  /** The task waits for SendTaskSuccess/Failure with {@code task.token()}. */
  void awaitCallback(PendingTask task);

  void forgetCallback(String token);

  /** False when the activity was deleted from the engine: a task on it fails with States.Runtime. */
  boolean activityExists(String activityArn);

  /**
   * Runs a deployed state machine for a states:startExecution task; false when none is deployed
   * under that ARN.
   */
  boolean startChildExecution(StateEntry entry, TaskResource resource, JsonNode params, TaskExecutor tasks);

  // Distributed Map

  /** The next UUID of Map Runs and their children (seeded, so runs repeat). */
  java.util.UUID newMapRunUuid();

  /** Starts a Map Run child execution on this run's clock; {@code onEnd} hears when it ends. */
  ChildRun startMapRunChild(RunSettings settings, StateMachineModel model, JsonNode input, Consumer<ChildRun> onEnd);

  void mapRunStarted(DistributedMapRun run);

  /** The S3 fixture the test gave, or null. */
  InMemoryS3 s3Fixture();

  /** The buckets readers and writers share when the test gave no fixture. */
  InMemoryS3 implicitS3();
}

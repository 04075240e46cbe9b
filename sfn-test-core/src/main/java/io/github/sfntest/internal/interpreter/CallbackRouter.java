package io.github.sfntest.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.history.HistoryEventType;
import io.github.sfntest.internal.interpreter.states.TaskExecutor;
import io.github.sfntest.internal.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The tasks of one execution waiting for a callback or an activity worker, by token, and the
 * routing of SendTaskSuccess / Failure / Heartbeat and GetActivityTask to the run that owns the
 * token (this one, or a child running on its clock).
 */
final class CallbackRouter {

  private final ExecutionRun run;
  private final TaskExecutor tasks;
  private final LinkedHashMap<String, PendingTask> pending = new LinkedHashMap<>();

  CallbackRouter(ExecutionRun run, TaskExecutor tasks) {
    this.run = run;
    this.tasks = tasks;
  }

  void await(PendingTask task) {
    pending.put(task.token, task);
    task.entry.frame.cleanups.add(() -> pending.remove(task.token));
  }

  void forget(String token) {
    pending.remove(token);
  }

  /** The execution ended: no callback can arrive any more. */
  void cancelAll() {
    for (PendingTask task : pending.values()) {
      task.entry.cancelTimers();
    }
    pending.clear();
  }

  /** This run's waiting tasks, then those of its live children, oldest first. */
  List<PendingTask> pendingTasks() {
    List<PendingTask> all = new ArrayList<>(pending.values());
    for (ExecutionRun child : run.liveChildren()) {
      all.addAll(child.callbacks().pendingTasks());
    }
    return all;
  }

  /** The router (this one or a child's) whose task waits for {@code token}, or this one. */
  private CallbackRouter ownerOf(String token) {
    if (pending.containsKey(token)) {
      return this;
    }
    for (ExecutionRun child : run.liveChildren()) {
      CallbackRouter owner = child.callbacks().ownerOf(token);
      if (owner.pending.containsKey(token)) {
        return owner;
      }
    }
    return this;
  }

  private PendingTask take(String token) {
    PendingTask task = pending.remove(token);
    if (task == null || !run.running()) {
      throw new TaskTokenException("Invalid Token: no task is waiting for token " + token);
    }
    return task;
  }

  void sendTaskSuccess(String token, JsonNode taskOutput) {
    CallbackRouter owner = ownerOf(token);
    PendingTask task = owner.take(token);
    run.post(() -> tasks.succeeded(owner.run, task.entry, task.resource, taskOutput));
  }

  void sendTaskFailure(String token, String taskError, String taskCause) {
    CallbackRouter owner = ownerOf(token);
    PendingTask task = owner.take(token);
    run.post(() -> tasks.failed(owner.run, task.entry, task.resource, taskError, taskCause));
  }

  void sendTaskHeartbeat(String token) {
    CallbackRouter owner = ownerOf(token);
    PendingTask task = owner.pending.get(token);
    if (task == null) {
      throw new TaskTokenException("Invalid Token: no task is waiting for token " + token);
    }
    StateEntry entry = task.entry;
    if (entry.heartbeatTimer != null && task.heartbeatSeconds != null) {
      entry.heartbeatTimer.cancel();
      entry.heartbeatTimer = tasks.heartbeatTimer(owner.run, entry, task.resource, task.heartbeatSeconds);
    }
  }

  void activityStarted(String token, String workerName) {
    CallbackRouter owner = ownerOf(token);
    PendingTask task = owner.pending.get(token);
    if (task == null) {
      throw new TaskTokenException("Invalid Token: no activity task is waiting for token " + token);
    }
    if (task.started) {
      return;
    }
    task.started = true;
    ObjectNode details = Json.NODES.objectNode();
    if (workerName != null) {
      details.put("workerName", workerName);
    }
    owner.run.emit(task.entry.frame.history, HistoryEventType.ACTIVITY_STARTED, details, true);
  }

  /** A fresh task token: 48 random bytes, URL-safe Base64 (the run's seeded random keeps them repeatable). */
  static String newToken(java.util.Random random) {
    byte[] bytes = new byte[48];
    random.nextBytes(bytes);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}

package io.github.sfntest.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.engine.StatesErrors;
import io.github.sfntest.internal.StatesException;
import io.github.sfntest.internal.asl.Catcher;
import io.github.sfntest.internal.asl.Retrier;
import io.github.sfntest.internal.asl.State;
import io.github.sfntest.internal.interpreter.states.StateContext;
import io.github.sfntest.internal.interpreter.states.StateExecutors;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.internal.query.ValueExpr;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A state's error meets its Retry fields, then its Catch fields, else fails the state's frame. */
final class RetryCatch {

  private final StateContext ctx;
  private final StateExecutors executors;
  private final Random random;
  private RunObserver listener;

  RetryCatch(StateContext ctx, StateExecutors executors, Random random) {
    this.ctx = ctx;
    this.executors = executors;
    this.random = random;
  }

  void listener(RunObserver value) {
    listener = value;
  }

  void handle(StateEntry entry, String err, String errCause) {
    if (entry.finished || entry.frame.aborted() || !ctx.running()) {
      return;
    }
    entry.cancelTimers();
    State.Common c = entry.state.common();
    boolean terminal = StatesErrors.RUNTIME.equals(err);
    if (!terminal) {
      List<Retrier> retriers = c.retriers();
      for (int i = 0; i < retriers.size(); i++) {
        Retrier retrier = retriers.get(i);
        if (matches(retrier.errorEquals(), err) || heartbeatMatch(entry, retrier.errorEquals())) {
          if (entry.attempts[i] < retrier.maxAttempts()) {
            Duration delay = retryDelay(retrier, entry.attempts[i]);
            entry.attempts[i]++;
            entry.retryCount++;
            if (listener != null) {
              listener.retried(entry, i, err);
            }
            Scheduler.Timer timer = ctx.schedule(delay, () -> {
              if (!entry.frame.aborted() && ctx.running()) {
                retry(entry);
              }
            });
            entry.frame.cleanups.add(timer::cancel);
            return;
          }
          break;
        }
      }
      List<Catcher> catchers = c.catchers();
      for (int i = 0; i < catchers.size(); i++) {
        Catcher catcher = catchers.get(i);
        if (matches(catcher.errorEquals(), err) || heartbeatMatch(entry, catcher.errorEquals())) {
          givingUp(entry);
          if (listener != null) {
            listener.caught(entry, i, err);
          }
          caught(entry, catcher, err, errCause);
          return;
        }
      }
      givingUp(entry);
    }
    ctx.frameFailed(entry.frame, err, errCause);
  }

  private void givingUp(StateEntry entry) {
    if (entry.failedEvent != null) {
      ctx.emit(entry.frame.history, entry.failedEvent, null, true);
    }
  }

  private void retry(StateEntry entry) {
    try {
      executors.of(entry.state.type()).execute(entry, ctx);
    } catch (StatesException e) {
      ctx.fail(entry, e);
    }
  }

  private static boolean heartbeatMatch(StateEntry entry, List<String> errorEquals) {
    return entry.heartbeatExpired && errorEquals.contains(StatesErrors.HEARTBEAT_TIMEOUT);
  }

  static boolean matches(List<String> errorEquals, String err) {
    if (err == null) {
      return errorEquals.contains(StatesErrors.ALL);
    }
    for (String name : errorEquals) {
      if (name.equals(err)) {
        return true;
      }
      if (name.equals(StatesErrors.ALL)) {
        return true;
      }
      if (name.equals(StatesErrors.TASK_FAILED) && !err.equals(StatesErrors.TIMEOUT)
          && !err.equals(StatesErrors.DATA_LIMIT_EXCEEDED) && !err.startsWith("States.")) {
        return true;
      }
    }
    return false;
  }

  private Duration retryDelay(Retrier retrier, int attempt) {
    BigDecimal seconds = BigDecimal.valueOf(retrier.intervalSeconds())
        .multiply(retrier.backoffRate().pow(attempt, MathContext.DECIMAL64));
    if (retrier.maxDelaySeconds() != null && seconds.compareTo(BigDecimal.valueOf(retrier.maxDelaySeconds())) > 0) {
      seconds = BigDecimal.valueOf(retrier.maxDelaySeconds());
    }
    long millis = seconds.multiply(BigDecimal.valueOf(1000)).longValue();
    if (retrier.fullJitter()) {
      millis = (long) (random.nextDouble() * millis);
    }
    return Duration.ofMillis(millis);
  }

  private void caught(StateEntry entry, Catcher catcher, String err, String errCause) {
    ObjectNode errorOutput = Json.NODES.objectNode();
    errorOutput.put("Error", err);
    errorOutput.put("Cause", errCause);
    State.Common c = entry.state.common();
    StateIo io = ctx.io();
    try {
      JsonNode out;
      Map<String, JsonNode> assigned;
      StateEnv env = ctx.env(entry, entry.rawInput);
      if (c.jsonata()) {
        env.lazyStates(null, errorOutput);
        assigned = io.evaluateAssign((ValueExpr) catcher.compiledAssign(), env);
        out = catcher.compiledOutput() != null ? ((ValueExpr) catcher.compiledOutput()).evaluate(env) : errorOutput;
      } else {
        assigned = io.evaluateAssign((ValueExpr) catcher.compiledAssign(), env.with(errorOutput));
        out = catcher.resultPath().apply(entry.rawInput, errorOutput);
      }
      io.applyAssign(entry.frame, assigned);
      ctx.exitTo(entry, out, assigned, catcher.next());
    } catch (StatesException e) {
      ctx.frameFailed(entry.frame, e.error(), e.stateScoped() ? ctx.errorPrefix(entry) + e.cause() : e.cause());
    }
  }
}

package io.github.sfntest.internal.server;

import static io.github.sfntest.internal.server.Wire.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.internal.interpreter.TaskTokenException;
import io.github.sfntest.internal.json.Json;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat: the answers of callback and activity workers. */
record CallbackActions(ServiceContext ctx, ExecutionLauncher launcher) implements ActionGroup {

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9+/=_\\-]+");

  @Override
  public void registerIn(Dispatcher d) {
    d.aws("SendTaskSuccess", this::success)
        .aws("SendTaskFailure", this::failure)
        .aws("SendTaskHeartbeat", this::heartbeat);
  }

  private ObjectNode success(Req r) {
    String token = r.required("taskToken", 2048);
    String output = r.required("output", EngineOptions.AWS_MAX_PAYLOAD_BYTES);
    JsonNode parsed;
    try {
      parsed = Json.parse(output);
    } catch (IllegalArgumentException e) {
      throw new ApiException("InvalidOutput", "Invalid Output: '" + e.getMessage() + "'");
    }
    answer(token, e -> e.execution().sendTaskSuccess(token, parsed));
    return obj();
  }

  private ObjectNode failure(Req r) {
    String token = r.required("taskToken", 2048);
    String error = r.str("error", 256);
    String cause = r.str("cause", 32768);
    answer(token, e -> e.execution().sendTaskFailure(token, error, cause));
    return obj();
  }

  private ObjectNode heartbeat(Req r) {
    String token = r.required("taskToken", 2048);
    withTask(token, e -> e.execution().sendTaskHeartbeat(token));
    return obj();
  }

  /** Ends the task: the execution runs on, and the executions it started become the endpoint's. */
  private void answer(String token, Consumer<ExecutionRecord> send) {
    ExecutionRecord e = withTask(token, send.andThen(ExecutionRecord::proceed));
    launcher.adoptChildren(e);
  }

  /** Runs {@code action} on the execution waiting for {@code token}, under its lock; answers that execution. */
  private ExecutionRecord withTask(String token, Consumer<ExecutionRecord> action) {
    Instant now = Instant.now();
    for (ExecutionRecord e : ctx.executions().running()) {
      synchronized (e) {
        e.catchUp(now);
        if (e.isWaitingFor(token)) {
          try {
            action.accept(e);
          } catch (TaskTokenException ex) {
            throw new ApiException("TaskTimedOut", "Task Timed Out: '" + ex.getMessage() + "'");
          }
          return e;
        }
      }
    }
    // AWS: a token it never issued is invalid; one whose task has ended (answered, timed out,
    // stopped), callback or activity alike, answers TaskTimedOut (TaskDoesNotExist is AWS's answer
    // for an activity that does not exist).
    if (token.isBlank() || !TOKEN.matcher(token).matches() || !issued(token)) {
      throw new ApiException("InvalidToken", "Invalid Token: 'Invalid token'");
    }
    throw new ApiException("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
  }

  /** Whether an execution of this endpoint issued {@code token}. */
  private boolean issued(String token) {
    for (ExecutionRecord e : ctx.executions().all()) {
      if (e.issuedToken(token)) {
        return true;
      }
    }
    return false;
  }
}

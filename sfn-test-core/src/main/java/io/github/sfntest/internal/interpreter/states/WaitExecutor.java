package io.github.sfntest.internal.interpreter.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.engine.StatesErrors;
import io.github.sfntest.internal.StatesException;
import io.github.sfntest.internal.asl.State;
import io.github.sfntest.internal.interpreter.Scheduler;
import io.github.sfntest.internal.interpreter.StateEntry;
import io.github.sfntest.internal.interpreter.StateEnv;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.internal.query.Query;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Wait: a timer on the virtual clock, then output processing. */
final class WaitExecutor implements StateExecutor {

  @Override
  public void execute(StateEntry entry, StateContext ctx) {
    State.Wait wait = (State.Wait) entry.state;
    State.Common c = wait.common();
    StateEnv env = ctx.env(entry, entry.rawInput);
    JsonNode effective = entry.rawInput;
    Instant due;
    if (c.jsonata()) {
      env.lazyStates(null, null);
      due = jsonataDue(wait, env, ctx.now());
    } else {
      effective = c.inputPath().apply(env);
      due = pathDue(wait, env.with(effective), ctx.now());
    }
    // AWS rejects waits ending more than 99999999 seconds after the execution started.
    if (Duration.between(ctx.settings().startTime(), due).getSeconds() > 99_999_999L) {
      throw new StatesException(StatesErrors.RUNTIME, "Wait state delay is too long.");
    }
    JsonNode waitInput = effective;
    StateEnv waitEnv = env;
    Scheduler.Timer timer = ctx.scheduleAt(due, () -> {
      if (entry.frame.aborted()) {
        return;
      }
      try {
        JsonNode out;
        if (c.jsonata()) {
          out = c.output() != null ? c.output().evaluate(waitEnv) : entry.rawInput;
        } else {
          out = c.outputPath().apply(waitEnv.with(waitInput));
        }
        Map<String, JsonNode> assigned =
            ctx.io().evaluateAssign(c.assign(), c.jsonata() ? waitEnv : waitEnv.with(waitInput));
        ctx.io().applyAssign(entry.frame, assigned);
        ctx.exit(entry, out, assigned);
      } catch (StatesException e) {
        ctx.fail(entry, e);
      }
    });
    entry.timeoutTimer = timer;
    entry.frame.cleanups.add(timer::cancel);
  }

  /**
   * {@code now + seconds}, refusing before the arithmetic what AWS refuses anyway (more than
   * 99999999 seconds), so a huge value is AWS's error, not an overflow of {@link Instant}.
   */
  private static Instant plus(Instant now, long seconds) {
    if (seconds > 99_999_999L) {
      throw new StatesException(StatesErrors.RUNTIME, "Wait state delay is too long.");
    }
    return now.plusSeconds(seconds);
  }

  private static Instant jsonataDue(State.Wait wait, StateEnv env, Instant now) {
    if (wait.secondsExpr() != null) {
      JsonNode seconds = wait.secondsExpr().evaluate(env);
      if (!seconds.isIntegralNumber() || !seconds.canConvertToLong() || seconds.asLong() < 0) {
        throw new StatesException(StatesErrors.RUNTIME,
            "The JSONata expression specified for the field 'Seconds' returned an invalid value: " + Json.write(seconds));
      }
      return plus(now, seconds.asLong());
    }
    if (wait.timestampExpr() != null) {
      return Values.parseTimestamp(Values.textOf(wait.timestampExpr().evaluate(env)), "Timestamp");
    }
    if (wait.seconds() != null) {
      return plus(now, wait.seconds());
    }
    return Values.parseTimestamp(wait.timestamp(), "Timestamp");
  }

  private static Instant pathDue(State.Wait wait, StateEnv env, Instant now) {
    if (wait.seconds() != null) {
      return plus(now, wait.seconds());
    }
    if (wait.timestamp() != null) {
      return Values.parseTimestamp(wait.timestamp(), "Timestamp");
    }
    if (wait.secondsPath() != null) {
      JsonNode value = Query.find(wait.secondsPath(), env);
      String path = wait.secondsPath();
      if (value == null) {
        throw new StatesException(StatesErrors.RUNTIME,
            "The SecondsPath parameter does not reference an input value: " + path);
      }
      if (!value.isIntegralNumber() || !value.canConvertToLong()) {
        throw new StatesException(StatesErrors.RUNTIME,
            "The SecondsPath parameter cannot be parsed as a long value: " + path + " == " + Values.textOf(value));
      }
      if (value.asLong() < 0) {
        throw new StatesException(StatesErrors.RUNTIME,
            "The SecondsPath parameter references a negative value: " + path + " == " + value.asLong());
      }
      return plus(now, value.asLong());
    }
    JsonNode value = Query.find(wait.timestampPath(), env);
    String path = wait.timestampPath();
    if (value == null || !value.isTextual()) {
      throw new StatesException(StatesErrors.RUNTIME,
          "The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: "
              + path + " == " + Values.textOf(value));
    }
    try {
      return OffsetDateTime.parse(value.asText()).toInstant();
    } catch (DateTimeParseException e) {
      throw new StatesException(StatesErrors.RUNTIME,
          "The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: "
              + path + " == " + value.asText());
    }
  }
}

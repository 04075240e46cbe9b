package io.github.sfntest.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.history.HistoryRetention;
import io.github.sfntest.history.ExecutionHistory;
import io.github.sfntest.internal.json.Json;
import java.util.function.Function;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.SoftAssertionsProvider;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.internal.Failures;
import org.opentest4j.AssertionFailedError;

/**
 * Base of the sfn-test assertions: failure helpers and navigation to nested assertions that stays
 * soft inside {@link SfnSoftAssertions}.
 */
public abstract class AbstractSfnAssert<SELF extends AbstractSfnAssert<SELF, ACTUAL>, ACTUAL>
    extends AbstractAssert<SELF, ACTUAL> {

  /** Set when this assertion was created by soft assertions; nested assertions are then soft too. */
  SoftAssertionsProvider soft;

  /**
   * Starts assertions on {@code actual}.
   *
   * @param actual the value under test
   * @param selfType the concrete assertion class, as AssertJ requires
   */
  protected AbstractSfnAssert(ACTUAL actual, Class<?> selfType) {
    super(actual, selfType);
  }

  /**
   * The failure for {@code message}, honouring {@code as(...)} and {@code withFailMessage(...)}: an
   * {@link AssertionFailedError} like every other sfn-test failure (AssertJ alone makes a plain
   * {@link AssertionError} when there is no actual/expected pair).
   *
   * @param message the failure message
   * @return the error to throw
   */
  protected AssertionError failure(ErrorMessageFactory message) {
    return partialHistoryNote(failed(Failures.instance().failure(info, message)));
  }

  /** Like AssertJ's, but failing with an {@link AssertionFailedError}. */
  @Override
  protected void failWithMessage(String errorMessage, Object... arguments) {
    try {
      super.failWithMessage(errorMessage, arguments);
    } catch (AssertionError e) {
      throw partialHistoryNote(failed(e));
    }
  }

  /**
   * The history this assertion reads, if any: when the engine kept only part of it, every
   * failure says so, since the event the assertion looked for may have been dropped.
   *
   * @return the execution's history, or null when the assertion reads none
   */
  protected ExecutionHistory historyRead() {
    return null;
  }

  private AssertionError partialHistoryNote(AssertionError error) {
    ExecutionHistory history = historyRead();
    if (history == null || history.retention() == HistoryRetention.FULL) {
      return error;
    }
    String note = "%n(The engine ran with EngineOptions.historyRetention(" + history.retention() + "), which "
        + (history.retention() == HistoryRetention.NONE
            ? "keeps only the execution-level events"
            : "drops the states inside Map iterations and Parallel branches and keeps only each iteration's"
                + " started and ended events")
        + ": an assertion that needs a dropped event cannot pass. Run it with HistoryRetention.FULL, the default.)";
    AssertionFailedError annotated;
    if (error instanceof AssertionFailedError afe && afe.isExpectedDefined() && afe.isActualDefined()) {
      annotated = new AssertionFailedError(error.getMessage() + String.format(note),
          afe.getExpected().getValue(), afe.getActual().getValue());
    } else {
      annotated = new AssertionFailedError(error.getMessage() + String.format(note));
    }
    annotated.setStackTrace(error.getStackTrace());
    return annotated;
  }

  /** {@code error} as an {@link AssertionFailedError}, same message and stack. */
  static AssertionError failed(AssertionError error) {
    if (error instanceof AssertionFailedError) {
      return error;
    }
    AssertionFailedError failed = new AssertionFailedError(error.getMessage());
    failed.setStackTrace(error.getStackTrace());
    return failed;
  }

  /**
   * Like {@link #failure(ErrorMessageFactory)}, with actual/expected for the IDE's diff view.
   *
   * @param message the failure message
   * @param actual the actual value shown in the diff
   * @param expected the expected value shown in the diff
   * @return the error to throw
   */
  protected AssertionError failure(ErrorMessageFactory message, Object actual, Object expected) {
    return partialHistoryNote(Failures.instance().failure(info, message, actual, expected));
  }

  /**
   * A nested assertion on {@code subject}: soft if this one is.
   *
   * @param <A> the nested assertion's type
   * @param <S> the subject's type
   * @param type the nested assertion class (for soft proxies)
   * @param subjectType the subject's class (for soft proxies)
   * @param subject what the nested assertion checks
   * @param constructor creates a hard nested assertion
   * @return the nested assertion
   */
  protected <A extends AbstractSfnAssert<A, S>, S> A navigate(
      Class<A> type, Class<S> subjectType, S subject, Function<S, A> constructor) {
    A nested;
    if (soft == null) {
      nested = constructor.apply(subject);
    } else {
      nested = soft.proxy(type, subjectType, subject);
      nested.soft = soft;
    }
    if (info.hasDescription()) {
      nested.info.description(info.description());
    }
    return nested;
  }

  /**
   * Parses expected JSON text given by a test.
   *
   * @param text JSON text
   * @return the parsed tree
   */
  protected static JsonNode json(String text) {
    return Json.parse(text);
  }

  /**
   * Pretty JSON for the IDE's diff view.
   *
   * @param node a JSON tree
   * @return the JSON, indented
   */
  protected static String pretty(JsonNode node) {
    return node == null ? "null" : Json.pretty(node);
  }
}

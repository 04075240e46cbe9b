package io.github.sfntest.assertions;

import com.fasterxml.jackson.databind.JsonNode;
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

  protected AbstractSfnAssert(ACTUAL actual, Class<?> selfType) {
    super(actual, selfType);
  }

  /**
   * The failure for {@code message}, honouring {@code as(...)} and {@code withFailMessage(...)}: an
   * {@link AssertionFailedError} like every other sfn-test failure (AssertJ alone makes a plain
   * {@link AssertionError} when there is no actual/expected pair).
   */
  protected AssertionError failure(ErrorMessageFactory message) {
    return failed(Failures.instance().failure(info, message));
  }

  /** Like AssertJ's, but failing with an {@link AssertionFailedError}. */
  @Override
  protected void failWithMessage(String errorMessage, Object... arguments) {
    try {
      super.failWithMessage(errorMessage, arguments);
    } catch (AssertionError e) {
      throw failed(e);
    }
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

  /** Like {@link #failure(ErrorMessageFactory)}, with actual/expected for the IDE's diff view. */
  protected AssertionError failure(ErrorMessageFactory message, Object actual, Object expected) {
    return Failures.instance().failure(info, message, actual, expected);
  }

  /** A nested assertion on {@code subject}: soft if this one is. */
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

  /** Parses expected JSON text given by a test. */
  protected static JsonNode json(String text) {
    return Json.parse(text);
  }

  /** Pretty JSON for the IDE's diff view. */
  protected static String pretty(JsonNode node) {
    return node == null ? "null" : Json.pretty(node);
  }
}

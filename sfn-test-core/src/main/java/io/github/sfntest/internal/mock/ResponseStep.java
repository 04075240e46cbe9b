package io.github.sfntest.internal.mock;

import java.time.Duration;
import java.util.Objects;

/**
 * A response for the invocations {@code from..to} (inclusive, 0-based) of a state. {@code to ==
 * OPEN} means "and every later invocation" (DSL only: a MockConfigFile range always ends).
 */
public record ResponseStep(int from, int to, MockResponse response, Duration latency) {

  public static final int OPEN = Integer.MAX_VALUE;

  public ResponseStep {
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(latency, "latency");
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("bad invocation range " + from + "-" + to);
    }
  }

  public boolean covers(int index) {
    return index >= from && index <= to;
  }

  public boolean open() {
    return to == OPEN;
  }

  /** The MockConfigFile key: {@code "3"} or {@code "1-2"}. */
  public String key() {
    return from == to ? Integer.toString(from) : from + "-" + to;
  }
}

package io.github.sfntest.internal.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * AWS's TestState does not retry: it reports {@code RETRIABLE} when the first retrier matching the
 * error still has attempts left after {@code retrierRetryCount} retries, with the backoff the next
 * retry would wait.
 */
final class Retries {

  record Decision(int index, long backoffSeconds) {}

  private Retries() {}

  /** The retry AWS would make, or null. */
  static Decision decide(JsonNode retry, String error, int retryCount) {
    if (retry == null || !retry.isArray() || "States.Runtime".equals(error)) {
      return null;
    }
    for (int i = 0; i < retry.size(); i++) {
      JsonNode retrier = retry.get(i);
      if (!matches(retrier.path("ErrorEquals"), error)) {
        continue;
      }
      int maxAttempts = retrier.path("MaxAttempts").isNumber() ? retrier.get("MaxAttempts").asInt() : 3;
      if (retryCount >= maxAttempts) {
        return null;
      }
      BigDecimal interval = retrier.path("IntervalSeconds").isNumber()
          ? retrier.get("IntervalSeconds").decimalValue() : BigDecimal.ONE;
      BigDecimal rate = retrier.path("BackoffRate").isNumber()
          ? retrier.get("BackoffRate").decimalValue() : BigDecimal.valueOf(2);
      BigDecimal seconds = interval.multiply(rate.pow(retryCount));
      if (retrier.path("MaxDelaySeconds").isNumber()
          && seconds.compareTo(retrier.get("MaxDelaySeconds").decimalValue()) > 0) {
        seconds = retrier.get("MaxDelaySeconds").decimalValue();
      }
      return new Decision(i, seconds.longValue());
    }
    return null;
  }

  private static boolean matches(JsonNode errorEquals, String error) {
    for (JsonNode e : errorEquals) {
      String name = e.asText();
      if (name.equals(error) || name.equals("States.ALL")
          || (name.equals("States.TaskFailed") && !error.startsWith("States."))) {
        return true;
      }
    }
    return false;
  }
}

package io.github.sfntest.internal.teststate;

import com.fasterxml.jackson.databind.JsonNode;

/** Whether a Map's failed iterations exceed its ToleratedFailureCount / ToleratedFailurePercentage. */
final class Tolerance {

  private Tolerance() {}

  static boolean exceeded(JsonNode map, int failures, int iterations) {
    if (failures <= 0) {
      return false;
    }
    return exceeded(map.get("ToleratedFailureCount"), map.get("ToleratedFailurePercentage"), failures, iterations);
  }

  static boolean exceeded(JsonNode count, JsonNode percentage, int failures, int iterations) {
    if (failures <= 0) {
      return false;
    }
    boolean countExceeded = count == null || !count.isNumber() || failures > count.asInt();
    boolean percentageExceeded = percentage == null || !percentage.isNumber()
        || (iterations > 0 && failures * 100.0 / iterations > percentage.asDouble());
    if (count != null && count.isNumber() && percentage != null && percentage.isNumber()) {
      return countExceeded && percentageExceeded;
    }
    if (count != null && count.isNumber()) {
      return countExceeded;
    }
    if (percentage != null && percentage.isNumber()) {
      return percentageExceeded;
    }
    // Without a tolerance AWS's TestState does not fail a mocked Map for its failed iterations.
    return false;
  }
}

package io.github.sfntest.internal.mock;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** "Did you mean" for names: the closest known name by edit distance, ignoring case. */
public final class NearMiss {

  private NearMiss() {}

  /**
   * The closest of {@code known} to {@code name}, or {@code null} if none is reasonably close: an
   * edit distance of at most a third of the length (at least 2), or one name containing the other,
   * ignoring case.
   */
  public static String closest(String name, Iterable<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String lower = name.toLowerCase(Locale.ROOT);
    for (String k : known) {
      if (k.equals(name)) {
        continue;
      }
      String kl = k.toLowerCase(Locale.ROOT);
      int d = distance(lower, kl);
      int limit = Math.max(2, Math.min(name.length(), k.length()) / 3);
      boolean close = d <= limit || (!lower.isEmpty() && (kl.contains(lower) || lower.contains(kl)));
      if (close && d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return best;
  }

  /** {@code 'a', 'b'} in the given order, or {@code (none)}. */
  public static String list(Iterable<String> names) {
    List<String> quoted = new ArrayList<>();
    for (String n : names) {
      quoted.add("\"" + n + "\"");
    }
    return quoted.isEmpty() ? "(none)" : String.join(", ", quoted);
  }

  static int distance(String a, String b) {
    return io.github.sfntest.internal.text.EditDistance.between(a, b);
  }
}

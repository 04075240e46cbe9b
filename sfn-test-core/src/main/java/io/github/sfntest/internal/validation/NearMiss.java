package io.github.sfntest.internal.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean" suggestions by edit distance (optimal string alignment, case-insensitive). */
final class NearMiss {

  private NearMiss() {}

  /** Candidates close to {@code input}, closest first, at most {@code limit}. */
  static List<String> closest(String input, Collection<String> candidates, int limit) {
    record Scored(String name, int distance) {}
    String in = input.toLowerCase(Locale.ROOT);
    int threshold = Math.max(1, Math.min(3, input.length() / 3));
    List<Scored> scored = new ArrayList<>();
    for (String c : candidates) {
      if (c.equals(input)) {
        continue;
      }
      String lc = c.toLowerCase(Locale.ROOT);
      int d = lc.equals(in) ? 0 : distance(in, lc, threshold);
      boolean affix =
          in.length() >= 4 && lc.length() >= 4 && (lc.contains(in) || in.contains(lc));
      if (d <= threshold || affix) {
        scored.add(new Scored(c, affix && d > threshold ? threshold + 1 : d));
      }
    }
    scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
    return scored.stream().limit(limit).map(Scored::name).toList();
  }

  /** "; did you mean "X"?" or "; did you mean "X", "Y" or "Z"?" or "" when nothing is close. */
  static String hint(String input, Collection<String> candidates) {
    List<String> c = closest(input, candidates, 3);
    if (c.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder("; did you mean ");
    for (int i = 0; i < c.size(); i++) {
      if (i > 0) {
        sb.append(i == c.size() - 1 ? " or " : ", ");
      }
      sb.append('"').append(c.get(i)).append('"');
    }
    return sb.append('?').toString();
  }

  /** Edit distance, giving up (returning limit + 1) once it cannot be within {@code limit}. */
  static int distance(String a, String b, int limit) {
    return io.github.sfntest.internal.text.EditDistance.between(a, b, limit);
  }
}

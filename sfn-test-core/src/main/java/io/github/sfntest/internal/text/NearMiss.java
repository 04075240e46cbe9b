package io.github.sfntest.internal.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one "did you mean" helper of the project: names close to a misspelt one by edit distance
 * (optimal string alignment, case-insensitive), or names that contain each other.
 *
 * <p>A candidate is close when its distance is at most a third of the input's length (at least 1,
 * at most 3), or when one name contains the other and both have four or more characters.
 */
public final class NearMiss {

  private NearMiss() {}

  /** Candidates close to {@code input}, closest first (ties by name), at most {@code limit}. */
  public static List<String> closest(String input, Collection<String> candidates, int limit) {
    record Scored(String name, int distance) {}
    String in = input.toLowerCase(Locale.ROOT);
    int threshold = Math.max(1, Math.min(3, input.length() / 3));
    List<Scored> scored = new ArrayList<>();
    for (String c : candidates) {
      if (c.equals(input)) {
        continue;
      }
      String lc = c.toLowerCase(Locale.ROOT);
      int d = lc.equals(in) ? 0 : EditDistance.between(in, lc, threshold);
      boolean affix = in.length() >= 4 && lc.length() >= 4 && (lc.contains(in) || in.contains(lc));
      if (d <= threshold || affix) {
        scored.add(new Scored(c, affix && d > threshold ? threshold + 1 : d));
      }
    }
    scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
    return scored.stream().limit(limit).map(Scored::name).toList();
  }

  /** The closest candidate, if any is close. */
  public static Optional<String> best(String input, Collection<String> candidates) {
    List<String> c = closest(input, candidates, 1);
    return c.isEmpty() ? Optional.empty() : Optional.of(c.get(0));
  }

  /** {@code ; did you mean "X"?} or {@code ; did you mean "X", "Y" or "Z"?}, or "" when none is close. */
  public static String hint(String input, Collection<String> candidates) {
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

  /** {@code "a", "b"} in the given order, or {@code (none)}. */
  public static String quotedList(Iterable<String> names) {
    List<String> quoted = new ArrayList<>();
    for (String n : names) {
      quoted.add("\"" + n + "\"");
    }
    return quoted.isEmpty() ? "(none)" : String.join(", ", quoted);
  }
}

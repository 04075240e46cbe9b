package io.github.sfntest.internal.render;

import io.github.sfntest.internal.text.NearMiss;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

/** Small text helpers shared by the renderers and the assertion messages. */
public final class Text {

  private Text() {}

  /** {@code text} cut to {@code max} characters, ending with {@code "..."} when cut. */
  public static String abbreviate(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    return text.substring(0, Math.max(0, max - 3)) + "...";
  }

  /** {@code "text"} with quotes, backslashes and control characters escaped; null as null. */
  public static String quote(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** {@code ["a", "b"]}. */
  public static String quoteAll(Collection<String> items) {
    StringJoiner joiner = new StringJoiner(", ", "[", "]");
    for (String item : items) {
      joiner.add(quote(item));
    }
    return joiner.toString();
  }

  /** Human duration: {@code 250ms}, {@code 1.5s}, {@code 2m 3s}, {@code 1h 2m}. */
  public static String duration(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis + "ms";
    }
    if (millis < 60_000) {
      String seconds = String.format(Locale.ROOT, "%.3f", millis / 1000.0);
      seconds = seconds.replaceAll("0+$", "").replaceAll("\\.$", "");
      return seconds + "s";
    }
    long totalSeconds = millis / 1000;
    if (totalSeconds < 3600) {
      long s = totalSeconds % 60;
      return totalSeconds / 60 + "m" + (s == 0 ? "" : " " + s + "s");
    }
    long m = (totalSeconds / 60) % 60;
    return totalSeconds / 3600 + "h" + (m == 0 ? "" : " " + m + "m");
  }

  /** {@code Did you mean "X"? Known states: [...]}, or only the known states. */
  public static String didYouMean(String name, Collection<String> known) {
    String list = "Known states: " + quoteAll(known);
    return NearMiss.best(name, known).map(c -> "Did you mean " + quote(c) + "? " + list).orElse(list);
  }

  /** Every line of {@code block} prefixed by {@code indent}. */
  public static String indent(String block, String indent) {
    return indent + block.replace("\n", "\n" + indent);
  }
}

package io.github.sfntest.internal.mock;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The responses of one mocked state, by invocation index, with AWS Step Functions Local's lookup:
 * the step whose range holds the index answers; when none does (a gap, or past the last range) there
 * is no response, and the caller fails the execution with {@code States.Runtime}. Nothing repeats
 * unless a step is {@linkplain ResponseStep#open() open}.
 */
public record ResponseSequence(List<ResponseStep> steps) {

  public ResponseSequence {
    List<ResponseStep> sorted = new ArrayList<>(steps);
    sorted.sort(Comparator.comparingInt(ResponseStep::from));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).from() <= sorted.get(i - 1).to()) {
        throw new IllegalArgumentException(
            "overlapping invocation ranges " + sorted.get(i - 1).key() + " and " + sorted.get(i).key());
      }
    }
    steps = List.copyOf(sorted);
  }

  public Optional<ResponseStep> at(int index) {
    for (ResponseStep step : steps) {
      if (step.covers(index)) {
        return Optional.of(step);
      }
    }
    return Optional.empty();
  }

  /** The keys as a MockConfigFile lists them, e.g. {@code "0", "1-2", "3"}. */
  public String describeKeys() {
    if (steps.isEmpty()) {
      return "none";
    }
    List<String> keys = new ArrayList<>();
    for (ResponseStep s : steps) {
      keys.add(s.open() ? s.from() + " and later" : "\"" + s.key() + "\"");
    }
    return String.join(", ", keys);
  }
}

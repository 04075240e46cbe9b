package io.github.sfntest.replay;

import io.github.sfntest.assertions.error.SfnErrorMessage;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.internal.Failures;

/**
 * Assertions on a {@link ReplayResult}.
 *
 * <pre>{@code
 * assertThat(replay).matchesRecording();
 * assertThat(replayOfChangedDefinition).divergesAt("Charge");
 * }</pre>
 */
public final class ReplayAssert extends AbstractAssert<ReplayAssert, ReplayResult> {

  /**
   * Starts assertions on a replay's result.
   *
   * @param actual the replay's result
   */
  public ReplayAssert(ReplayResult actual) {
    super(actual, ReplayAssert.class);
  }

  /**
   * The replay has the recording's status, path, state inputs/outputs, task parameters and result.
   *
   * @return this assertion, for chaining
   */
  public ReplayAssert matchesRecording() {
    isNotNull();
    if (!actual.matchesRecording()) {
      throw Failures.instance().failure(info, new SfnErrorMessage(
          "Expecting the replay to match the recording, but it diverges:\n" + actual.report()));
    }
    return this;
  }

  /**
   * The replay diverges from the recording, first at state {@code stateName}.
   *
   * @param stateName the state's name, as in the definition
   * @return this assertion, for chaining
   */
  public ReplayAssert divergesAt(String stateName) {
    isNotNull();
    Objects.requireNonNull(stateName, "stateName");
    if (actual.divergence().isEmpty()) {
      throw Failures.instance().failure(info, new SfnErrorMessage(
          "Expecting the replay to diverge at state \"" + stateName + "\", but it matches the recording ("
              + actual.recording().source() + ")"));
    }
    Divergence d = actual.divergence().get();
    if (!d.stateName().map(stateName::equals).orElse(false)) {
      throw Failures.instance().failure(info, new SfnErrorMessage(
          "Expecting the replay to diverge at state \"" + stateName + "\", but it diverges "
              + d.stateName().map(s -> "at state \"" + s + "\"").orElse("in the execution's " + d.kind().name().toLowerCase())
              + ":\n" + actual.report()));
    }
    return this;
  }

  /**
   * The first divergence is of {@code kind} (path, input, output, parameters, status, result).
   *
   * @param kind the expected kind of divergence
   * @return this assertion, for chaining
   */
  public ReplayAssert divergesIn(Divergence.Kind kind) {
    isNotNull();
    if (actual.divergence().map(d -> d.kind() != kind).orElse(true)) {
      throw Failures.instance().failure(info, new SfnErrorMessage(
          "Expecting the replay to diverge in " + kind + ", but "
              + actual.divergence().map(d -> "it diverges in " + d.kind() + ":\n" + actual.report())
                  .orElse("it matches the recording")));
    }
    return this;
  }
}

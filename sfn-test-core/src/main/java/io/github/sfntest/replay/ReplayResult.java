package io.github.sfntest.replay;

import io.github.sfntest.engine.ExecutionResult;
import java.util.Optional;
import org.assertj.core.api.AssertProvider;

/**
 * A replay and its verdict: the recording, the replayed execution, and the first divergence, if
 * any. {@code assertThat(replay).matchesRecording()} works with AssertJ's and sfn-test's {@code
 * assertThat}.
 */
public final class ReplayResult implements AssertProvider<ReplayAssert> {

  private final RecordedExecution recording;
  private final ExecutionResult replayed;
  private final Divergence divergence;

  ReplayResult(RecordedExecution recording, ExecutionResult replayed, Divergence divergence) {
    this.recording = recording;
    this.replayed = replayed;
    this.divergence = divergence;
  }

  /**
   * The recording the replay was compared with.
   *
   * @return the recording
   */
  public RecordedExecution recording() {
    return recording;
  }

  /**
   * The execution the replay ran.
   *
   * @return the replayed execution
   */
  public ExecutionResult replayed() {
    return replayed;
  }

  /**
   * The first divergence from the recording, or empty when the replay matches it.
   *
   * @return the divergence, or empty
   */
  public Optional<Divergence> divergence() {
    return Optional.ofNullable(divergence);
  }

  /**
   * True when the replay matches the recording.
   *
   * @return whether the replay matches
   */
  public boolean matchesRecording() {
    return divergence == null;
  }

  /**
   * The comparison as text: the verdict, then the divergence or the path both took.
   *
   * @return the report text
   */
  public String report() {
    StringBuilder out = new StringBuilder();
    if (divergence == null) {
      out.append("replay of ").append(recording.source()).append(" matches the recording: ")
          .append(replayed.status()).append(", ").append(replayed.visitedStates().size()).append(" states entered");
    } else {
      out.append("replay of ").append(recording.source()).append(" diverges from the recording")
          .append(divergence.stateName().map(s -> " at state \"" + s + "\"").orElse(""))
          .append(" (").append(divergence.kind()).append(")\n  ").append(divergence.render().replace("\n", "\n  "))
          .append("\n  recorded: ").append(recording.status()).append(", replayed: ").append(replayed.status())
          .append(replayed.error().map(e -> " " + e).orElse(""))
          .append(replayed.cause().map(c -> " (" + io.github.sfntest.internal.render.Text.abbreviate(c, 300) + ")").orElse(""));
    }
    return out.toString();
  }

  @Override
  public ReplayAssert assertThat() {
    return new ReplayAssert(this);
  }

  @Override
  public String toString() {
    return report();
  }
}

package io.github.sfntest.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.json.Json;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The first place where a replay differs from its recording: what differs, in which state, the
 * recorded and the replayed value, and the states both entered before it.
 */
public final class Divergence {

  /** What differs. */
  public enum Kind {
    /** The replay entered another state, entered one the recording did not, or stopped earlier. */
    PATH,
    /** The same state was entered with another input. */
    INPUT,
    /** A task called its integration with other parameters (or a Lambda/activity with another input). */
    PARAMETERS,
    /** The same state left with another output, or did not leave where the recording did. */
    OUTPUT,
    /** The execution ended with another status. */
    STATUS,
    /** Same status, another execution output or error/cause. */
    RESULT
  }

  private final Kind kind;
  private final String stateName;
  private final JsonNode recorded;
  private final JsonNode replayed;
  private final List<String> pathBefore;
  private final String description;

  /**
   * @param stateName the state where the replay diverges, or null for {@link Kind#STATUS} and
   *     {@link Kind#RESULT}
   * @param recorded what the recording has there (null when it has nothing)
   * @param replayed what the replay has there (null when it has nothing)
   * @param pathBefore the states entered by both, in order, before the divergence
   * @param description one line saying what differs
   * @param kind what differs: path, input, output, parameters, status or result
   */
  public Divergence(Kind kind, String stateName, JsonNode recorded, JsonNode replayed, List<String> pathBefore,
      String description) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.stateName = stateName;
    this.recorded = recorded;
    this.replayed = replayed;
    this.pathBefore = List.copyOf(pathBefore);
    this.description = Objects.requireNonNull(description, "description");
  }

  /**
   * What differs.
   *
   * @return the kind of divergence
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The state where the replay diverges (the recorded state's name on a path divergence).
   *
   * @return the state name, or empty
   */
  public Optional<String> stateName() {
    return Optional.ofNullable(stateName);
  }

  /**
   * The recorded value at the divergence, if the recording has one there.
   *
   * @return the recorded value, or empty
   */
  public Optional<JsonNode> recorded() {
    return Optional.ofNullable(recorded);
  }

  /**
   * The replayed value at the divergence, if the replay has one there.
   *
   * @return the replayed value, or empty
   */
  public Optional<JsonNode> replayed() {
    return Optional.ofNullable(replayed);
  }

  /**
   * The states entered by both, in order, before the divergence.
   *
   * @return the common path
   */
  public List<String> pathBefore() {
    return pathBefore;
  }

  /**
   * One line: what differs where.
   *
   * @return the description
   */
  public String description() {
    return description;
  }

  /**
   * The divergence as a readable block: the line, the path before it, the recorded and replayed
   * JSON.
   *
   * @return the multi-line report
   */
  public String render() {
    StringBuilder out = new StringBuilder(description);
    if (!pathBefore.isEmpty()) {
      int from = Math.max(0, pathBefore.size() - 8);
      out.append("\n  path before: ").append(from > 0 ? "... " : "")
          .append(String.join(" -> ", pathBefore.subList(from, pathBefore.size())));
    }
    out.append("\n  recorded: ").append(recorded == null ? "(nothing)" : Json.write(recorded));
    out.append("\n  replayed: ").append(replayed == null ? "(nothing)" : Json.write(replayed));
    return out.toString();
  }

  @Override
  public String toString() {
    return render();
  }
}

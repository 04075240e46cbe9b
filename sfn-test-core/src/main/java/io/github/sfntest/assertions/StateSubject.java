package io.github.sfntest.assertions;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.history.StateVisit;
import io.github.sfntest.internal.render.Text;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link StateAssert} looks at: one state of an execution and, optionally, which entry into
 * it (1-based; 0 means the last entry).
 */
public final class StateSubject {

  private final ExecutionResult result;
  private final String name;
  private final int entry;

  /**
   * A state of {@code result} and which entry into it.
   *
   * @param result the execution that ran the state
   * @param name the state's name
   * @param entry the entry, 1-based; 0 for the last
   */
  public StateSubject(ExecutionResult result, String name, int entry) {
    this.result = Objects.requireNonNull(result, "result");
    this.name = Objects.requireNonNull(name, "state name");
    this.entry = entry;
  }

  /**
   * The execution the state ran in.
   *
   * @return the execution result
   */
  public ExecutionResult result() {
    return result;
  }

  /**
   * The state's name.
   *
   * @return the state name
   */
  public String name() {
    return name;
  }

  /**
   * The requested entry, 1-based; 0 for "the last".
   *
   * @return the entry number
   */
  public int entry() {
    return entry;
  }

  /**
   * Every entry into the state.
   *
   * @return the entries, in history order
   */
  public List<StateVisit> visits() {
    return result.history().visitsOf(name);
  }

  /**
   * The selected entry, or null if there is no such entry.
   *
   * @return the entry, or null
   */
  public StateVisit visit() {
    List<StateVisit> visits = visits();
    if (visits.isEmpty()) {
      return null;
    }
    if (entry == 0) {
      return visits.get(visits.size() - 1);
    }
    return entry <= visits.size() ? visits.get(entry - 1) : null;
  }

  /** {@code state "Charge"}, plus {@code (entry 2 of 3)} when it was entered several times. */
  String label() {
    int count = visits().size();
    String label = "state " + Text.quote(name);
    if (count > 1) {
      label += " (entry " + (entry == 0 ? count : entry) + " of " + count + ")";
    }
    return label;
  }

  @Override
  public String toString() {
    return label();
  }
}

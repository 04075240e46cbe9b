package io.github.sfntest.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the branches of one Parallel state entry, or the iterations of one inline Map state entry,
 * left behind: the output of each child that succeeded and the frame of each child that started.
 * A redrive reruns only the children without an output ("only the iterations and branches that
 * failed or aborted"), each from the state its frame stopped in.
 */
public final class BranchOutcomes {

  private final JsonNode[] outputs;
  private final Frame[] frames;

  public BranchOutcomes(int size) {
    this.outputs = new JsonNode[size];
    this.frames = new Frame[size];
  }

  public int size() {
    return outputs.length;
  }

  public void started(int index, Frame frame) {
    frames[index] = frame;
  }

  public void succeeded(int index, JsonNode output) {
    outputs[index] = output;
  }

  /** The output of child {@code index}, or null when it did not succeed. */
  public JsonNode output(int index) {
    return outputs[index];
  }

  /** The state child {@code index} stopped in (failed, aborted or never finished), or null when it never entered one. */
  public StateEntry stoppedIn(int index) {
    Frame frame = frames[index];
    return frame == null ? null : frame.current;
  }

  /** The variables child {@code index} had, or null when it never started. */
  public VariableScope variables(int index) {
    Frame frame = frames[index];
    return frame == null ? null : frame.variables;
  }
}

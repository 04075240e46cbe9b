package io.github.sfntest.internal.intrinsics;

/** Parser entry point for ASL intrinsic functions. */
public final class IntrinsicFunctions {

  private IntrinsicFunctions() {}

  /** True when a {@code .$} template value is an intrinsic call rather than a path. */
  public static boolean isIntrinsicCall(String text) {
    return text.startsWith("States.");
  }

  /**
   * Parses an intrinsic call once, for repeated evaluation.
   *
   * @throws IllegalArgumentException with a message naming the position and what was expected
   */
  public static IntrinsicCall parse(String text) {
    return IntrinsicParser.parse(text);
  }
}

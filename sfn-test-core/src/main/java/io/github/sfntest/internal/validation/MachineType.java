package io.github.sfntest.internal.validation;

/**
 * The type of the state machine being validated. Rules that AWS applies to one type only (EXPRESS
 * machines cannot use {@code .sync}, {@code .waitForTaskToken} or activities) read it from the
 * {@link ValidationContext}; a definition validated on its own is a STANDARD one.
 */
enum MachineType {
  STANDARD,
  EXPRESS
}

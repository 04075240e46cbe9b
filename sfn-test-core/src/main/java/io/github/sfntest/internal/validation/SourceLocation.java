package io.github.sfntest.internal.validation;

/** A 1-based line and column in the definition's source text. */
record SourceLocation(int line, int column) {
  static final SourceLocation START = new SourceLocation(1, 1);
}

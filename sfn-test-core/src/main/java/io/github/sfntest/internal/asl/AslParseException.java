package io.github.sfntest.internal.asl;

/** A definition the parser cannot turn into a model; names the JSON pointer of the problem. */
public final class AslParseException extends RuntimeException {

  private final String pointer;

  public AslParseException(String pointer, String message) {
    super(pointer + ": " + message, null, false, false);
    this.pointer = pointer;
  }

  public String pointer() {
    return pointer;
  }
}

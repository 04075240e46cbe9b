package io.github.sfntest.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;

/**
 * A finished multi-line failure message in AssertJ's block layout: it starts on a new line (after
 * the optional {@code [description]}) and its text is printed as is, never quoted.
 */
public class SfnErrorMessage extends BasicErrorMessageFactory {

  /**
   * A message with exactly this text.
   *
   * @param text the finished message, one or more lines
   */
  public SfnErrorMessage(String text) {
    super("%n%s", unquotedString(text));
  }
}

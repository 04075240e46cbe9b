package io.github.sfntest.internal.json;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding of untrusted files: a malformed or truncated sequence is an error that
 * names the byte, its offset, line and column, never a silent U+FFFD or a bare {@code
 * MalformedInputException}. A leading byte-order mark is dropped (editors on Windows write one).
 */
public final class Utf8 {
  private Utf8() {}

  /**
   * Decodes {@code bytes}.
   *
   * @param what how the error names the text, e.g. {@code "--input events/order.json"}
   * @throws JsonLimitException when the bytes are not UTF-8
   */
  public static String decode(byte[] bytes, String what) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length - start);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      throw malformed(bytes, in.position(), what);
    }
    if (result.isOverflow()) {
      // cannot happen: UTF-8 never decodes to more chars than bytes
      try {
        return decoder.reset().decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
      } catch (CharacterCodingException e) {
        throw malformed(bytes, start, what);
      }
    }
    out.flip();
    return out.toString();
  }

  private static JsonLimitException malformed(byte[] bytes, int offset, String what) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        column = 1;
      } else if ((bytes[i] & 0xC0) != 0x80) {
        column++; // count characters, not continuation bytes
      }
    }
    String bad = offset < bytes.length ? String.format("0x%02X", bytes[offset] & 0xFF) : "end of file";
    return new JsonLimitException(
        what + " is not valid UTF-8: byte " + bad + " at line " + line + ", column " + column
            + " (byte offset " + offset + ") does not begin or continue a UTF-8 character;"
            + " save the file as UTF-8");
  }
}

package io.github.sfntest.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Seeded, byte-level and token-level mutations of JSON text, biased towards the hostile cases. */
final class Mutator {

  private static final String[] TOKENS = {
    "{", "}", "[", "]", "\"", ",", ":", "null", "true", "-0", "0.0", "1e400", "-1e400", "1E+2147483647",
    "1e-400", "1e10000", "9".repeat(400), "\"\\u0000\"", "\"\\ud800\"", "\"\\uDC00\\uD800\"", "NaN", "Infinity",
    "\"{% 1 %}\"", "\"$.a\"", "\"States.Array(1)\"", "\"" + "x".repeat(5_000) + "\"", "//", "/*", "'a'",
    "\"Return\"", "\"Throw\"", "\"0-2\"", "\"2-1\"", "\"-1\"", "\"99999999999\"", "{\"Error\":1}",
  };

  private final Random random;

  Mutator(long seed) {
    this.random = new Random(seed);
  }

  Random random() {
    return random;
  }

  /** One to three random mutations of {@code seed}. */
  byte[] mutate(String seed) {
    byte[] bytes = seed.getBytes(StandardCharsets.UTF_8);
    int rounds = 1 + random.nextInt(3);
    for (int i = 0; i < rounds; i++) {
      bytes = once(bytes);
    }
    return bytes;
  }

  private byte[] once(byte[] bytes) {
    int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
    return switch (random.nextInt(10)) {
      case 0 -> { // flip a byte
        byte[] copy = bytes.clone();
        if (copy.length > 0) {
          copy[at] = (byte) random.nextInt(256);
        }
        yield copy;
      }
      case 1 -> splice(bytes, at, Math.min(bytes.length, at + 1 + random.nextInt(20)), new byte[0]); // delete
      case 2 -> splice(bytes, at, at, slice(bytes, at, Math.min(bytes.length, at + 1 + random.nextInt(40)))); // duplicate
      case 3, 4 -> splice(bytes, at, at, TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
      case 5 -> { // replace a value-ish position with deep nesting
        int depth = new int[] {100, 511, 512, 513, 1_000, 5_000, 9_000, 20_000}[random.nextInt(8)];
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        yield splice(bytes, at, at, (open.repeat(depth) + "1" + close.repeat(depth)).getBytes(StandardCharsets.UTF_8));
      }
      case 6 -> splice(bytes, at, at, invalidUtf8());
      case 7 -> { // truncate
        yield slice(bytes, 0, at);
      }
      case 8 -> replaceValue(bytes, at);
      default -> { // swap two spans
        int b = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
        int lo = Math.min(at, b);
        int hi = Math.max(at, b);
        int len = Math.min(10, hi - lo);
        byte[] copy = bytes.clone();
        for (int k = 0; k < len && hi + k < copy.length; k++) {
          byte t = copy[lo + k];
          copy[lo + k] = copy[hi + k];
          copy[hi + k] = t;
        }
        yield copy;
      }
    };
  }

  /** Replaces the token after the next ':' with a hostile value. */
  private byte[] replaceValue(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == ':') {
        int end = i + 1;
        while (end < bytes.length && bytes[end] != ',' && bytes[end] != '}') {
          end++;
        }
        return splice(bytes, i + 1, end, TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
      }
    }
    return bytes;
  }

  private byte[] invalidUtf8() {
    byte[][] bad = {
      {(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
    };
    return bad[random.nextInt(bad.length)];
  }

  static byte[] slice(byte[] bytes, int from, int to) {
    byte[] out = new byte[Math.max(0, to - from)];
    System.arraycopy(bytes, from, out, 0, out.length);
    return out;
  }

  static byte[] splice(byte[] bytes, int from, int to, byte[] insert) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + insert.length);
    out.write(bytes, 0, from);
    out.write(insert, 0, insert.length);
    out.write(bytes, to, bytes.length - to);
    return out.toByteArray();
  }
}

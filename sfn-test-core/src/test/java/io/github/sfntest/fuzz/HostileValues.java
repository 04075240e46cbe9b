package io.github.sfntest.fuzz;

import java.util.Random;

/** Well-formed but hostile JSON values: deep, huge, at the edges of the number range, odd text. */
final class HostileValues {
  private HostileValues() {}

  static String pick(Random random) {
    return switch (random.nextInt(12)) {
      case 0 -> nested(random, new int[] {10, 300, 511, 512, 513, 600, 5_000, 9_000}[random.nextInt(8)]);
      case 1 -> new String[] {"1.7976931348623157E308", "-1.7976931348623157E308", "4.9E-324", "1e308", "1e309",
          "-0", "0E-400", "1e-324", "123456789012345678901234567890.123456789", "9007199254740993", "1e400"}[random.nextInt(11)];
      case 2 -> "\"" + "x".repeat(random.nextInt(300_000)) + "\"";
      case 3 -> "\"\\ud800 \\u0000 \\uffff \u00e9 \ud83d\ude00\"";
      case 4 -> "{\"" + "k".repeat(1_000) + "\": [" + "1,".repeat(random.nextInt(50_000)) + "1]}";
      case 5 -> "\"{% " + new String[] {"$states.input", "1e300 * 1e300", "$string($)",
          "( $f := function($x){ $f($x) }; $f(1) )"}[random.nextInt(4)] + " %}\"";
      case 6 -> "\"States.Array(" + "States.Array(".repeat(random.nextInt(200)) + "1" + ")".repeat(1 + 0) + "\"";
      case 7 -> "{\"a\": {\"b\": {\"c\": [null, true, false, {}, []]}}}";
      case 8 -> "[" + "{\"a\":1},".repeat(random.nextInt(5_000)) + "{}]";
      case 9 -> "null";
      case 10 -> "\"$.a.b[0]\"";
      default -> "{\"items\": [1, 2, 3], \"n\": " + random.nextInt() + ", \"s\": \"text\"}";
    };
  }

  static String nested(Random random, int depth) {
    boolean arrays = random.nextBoolean();
    return arrays ? "[".repeat(depth) + "1" + "]".repeat(depth) : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
  }
}

package io.github.sfntest.internal.text;

/**
 * Edit distance for "did you mean" hints: insertions, deletions, substitutions and transposed
 * neighbours ("Nexxt", "Nxet") each cost 1 (optimal string alignment).
 */
public final class EditDistance {

  private EditDistance() {}

  public static int between(String a, String b) {
    return between(a, b, Integer.MAX_VALUE - 1);
  }

  /** The distance, or {@code limit + 1} as soon as it cannot be within {@code limit}. */
  public static int between(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return limit + 1;
    }
    // Hints are for names; long texts are either equal or not worth a quadratic table.
    if (a.length() > 200 || b.length() > 200) {
      return a.equals(b) ? 0 : limit + 1;
    }
    int n = a.length();
    int m = b.length();
    int[][] d = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= m; j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[n][m];
  }
}

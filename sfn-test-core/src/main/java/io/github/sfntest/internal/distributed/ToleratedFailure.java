package io.github.sfntest.internal.distributed;

/**
 * The tolerated failure threshold of a Map Run. With neither field set any failed item fails the
 * run; with both, exceeding either one does. Failures are counted in items (a failed batch counts
 * all its items) and the percentage is of all items.
 */
public record ToleratedFailure(Long count, Double percentage) {

  /** True once {@code failedItems} of {@code totalItems} is more than the run tolerates. */
  public boolean exceeded(long failedItems, long totalItems) {
    if (failedItems == 0) {
      return false;
    }
    if (count == null && percentage == null) {
      return true;
    }
    if (count != null && failedItems > count) {
      return true;
    }
    // failed/total > p/100, in integers where possible so that "exactly at" stays tolerated
    return percentage != null && totalItems > 0 && failedItems * 100.0 > percentage * totalItems;
  }

  public static final String CAUSE = "The specified tolerated failure threshold was exceeded";
}

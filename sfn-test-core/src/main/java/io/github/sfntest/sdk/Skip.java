package io.github.sfntest.sdk;

/**
 * Skips the running test with a reason: opentest4j's {@code TestAbortedException}, which JUnit 5
 * and Spock 2 report as skipped, when it is on the classpath (it is in every JUnit Platform run),
 * else an {@link UnsupportedOperationException} with the same reason.
 */
final class Skip {
  private Skip() {}

  static RuntimeException because(String reason) {
    try {
      Class<?> aborted = Class.forName("org.opentest4j.TestAbortedException", true, Skip.class.getClassLoader());
      return (RuntimeException) aborted.getConstructor(String.class).newInstance(reason);
    } catch (ReflectiveOperationException | ClassCastException e) {
      return new UnsupportedOperationException(reason);
    }
  }
}

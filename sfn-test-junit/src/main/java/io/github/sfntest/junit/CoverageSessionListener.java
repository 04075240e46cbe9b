package io.github.sfntest.junit;

import io.github.sfntest.coverage.Coverage;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Writes the state machine coverage report when the test run of this JVM ends (JUnit and Spock
 * tests alike: both run on the JUnit Platform), merging the raw files of every fork, and applies
 * the minimum. Service-loaded by the JUnit Platform launcher; nothing to register.
 */
public final class CoverageSessionListener implements LauncherSessionListener {

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (!Coverage.enabled()) {
      return;
    }
    long start = System.nanoTime();
    Path index = Coverage.writeReport();
    if (index != null) {
      System.out.println(io.github.sfntest.internal.coverage.CoverageRuntime.get().reportWritten(index, start));
    }
  }
}

package io.github.sfntest.spock

import groovy.transform.CompileStatic
import io.github.sfntest.coverage.Coverage
import io.github.sfntest.internal.coverage.CoverageRuntime
import java.nio.file.Path
import org.spockframework.runtime.extension.IGlobalExtension

/**
 * Writes the state machine coverage report when Spock stops, merging the raw files of every fork,
 * and applies the minimum. Does nothing if the JUnit Platform listener of sfn-test-junit already
 * wrote a report with everything this JVM recorded.
 */
@CompileStatic
class CoverageGlobalExtension implements IGlobalExtension {

  @Override
  void stop() {
    if (!Coverage.enabled()) {
      return
    }
    long start = System.nanoTime()
    Path index = Coverage.writeReport()
    if (index != null) {
      println CoverageRuntime.get().reportWritten(index, start)
    }
  }
}

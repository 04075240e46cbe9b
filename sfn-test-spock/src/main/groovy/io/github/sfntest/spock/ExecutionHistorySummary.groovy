package io.github.sfntest.spock

import groovy.transform.CompileStatic

/**
 * The history summary of the executions a failed feature iteration started, attached to the
 * failure as a suppressed exception so that reports (Surefire, IDEs) show it next to the power
 * assertion. It has no stack trace of its own.
 */
@CompileStatic
final class ExecutionHistorySummary extends RuntimeException {

  /** A summary to attach; the message is a heading, then {@code summary}. */
  ExecutionHistorySummary(String summary) {
    super('what the executions of this iteration did:\n' + summary, null, false, false)
  }

  /** The summary alone, without the heading. */
  String getSummary() {
    message.substring(message.indexOf('\n') + 1)
  }
}

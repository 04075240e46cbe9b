package io.github.sfntest.spock

import java.util.concurrent.CopyOnWriteArrayList

/** What example specs record for the specs that run them. */
class Recorded {
  static final List<Object> VALUES = new CopyOnWriteArrayList<>()
}

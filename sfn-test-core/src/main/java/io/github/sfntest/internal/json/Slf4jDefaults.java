package io.github.sfntest.internal.json;

import java.util.ServiceLoader;

/**
 * Keeps SLF4J quiet when nobody configured it. Jayway JsonPath and Jetty log through SLF4J; with no
 * provider on the classpath, SLF4J 2 falls back to a no-op logger but first prints "No SLF4J
 * providers were found" on every run. When there is no provider (and the user chose no SLF4J
 * setting), this lowers SLF4J's own reporting to errors, so the fallback stays silent. A user's
 * provider (Logback, slf4j-simple, Log4j) is left alone and logs as configured.
 */
public final class Slf4jDefaults {

  static final String VERBOSITY = "slf4j.internal.verbosity";
  private static final String PROVIDER = "slf4j.provider";

  private Slf4jDefaults() {}

  /** Idempotent; must run before the first SLF4J logger is created (class initialisation of its callers). */
  public static synchronized void quietWithoutProvider() {
    if (System.getProperty(VERBOSITY) != null || System.getProperty(PROVIDER) != null) {
      return; // the user's own setting
    }
    Class<?> spi;
    try {
      spi = Class.forName("org.slf4j.spi.SLF4JServiceProvider", false, Slf4jDefaults.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return; // SLF4J 1.x or none: nothing of ours to quiet
    }
    if (!ServiceLoader.load(spi, spi.getClassLoader()).iterator().hasNext()) {
      System.setProperty(VERBOSITY, "ERROR");
    }
  }
}

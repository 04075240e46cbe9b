package io.github.sfntest.internal.coverage;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * Where coverage settings come from: system properties ({@code -Dsfntest.coverage=false}, {@code
 * sfntest.coverage.dir}, {@code sfntest.coverage.minimum}), else the properties file named by
 * {@code sfntest.coverage.config} (keys {@code enabled}, {@code dir}, {@code minimum}).
 */
public final class CoverageSettings {

  public static final String ENABLED = "sfntest.coverage";
  public static final String DIR = "sfntest.coverage.dir";
  public static final String MINIMUM = "sfntest.coverage.minimum";
  public static final String CONFIG = "sfntest.coverage.config";

  private CoverageSettings() {}

  /** On unless switched off: collecting costs little (see the README's measurement). */
  public static boolean enabled() {
    String value = value(ENABLED, "enabled");
    return value == null || !(value.trim().equalsIgnoreCase("false") || value.trim().equalsIgnoreCase("off"));
  }

  /** The report directory; raw files go to its {@code raw} subdirectory. */
  public static Path directory() {
    String value = value(DIR, "dir");
    return Path.of(value == null || value.isBlank() ? "target/sfn-test-coverage" : value.trim());
  }

  /** The gate's thresholds, or null when there is none. */
  public static String minimum() {
    String value = value(MINIMUM, "minimum");
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static String value(String property, String configKey) {
    String value = System.getProperty(property);
    if (value != null) {
      return value;
    }
    String config = System.getProperty(CONFIG);
    if (config == null || config.isBlank()) {
      return null;
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(Path.of(config.trim()))) {
      properties.load(reader);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the coverage config file " + config + " (system property "
          + CONFIG + "): " + e.getMessage(), e);
    }
    return properties.getProperty(configKey.toLowerCase(Locale.ROOT));
  }
}

package io.github.sfntest.internal.interpreter;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The timestamp format AWS uses in context objects and service responses. */
public final class AwsTime {

  public static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private AwsTime() {}
}

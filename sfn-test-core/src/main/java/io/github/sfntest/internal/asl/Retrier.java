package io.github.sfntest.internal.asl;

import java.math.BigDecimal;
import java.util.List;

/** One entry of a state's {@code Retry} list, with AWS's defaults applied. */
public record Retrier(
    List<String> errorEquals,
    int intervalSeconds,
    int maxAttempts,
    BigDecimal backoffRate,
    Integer maxDelaySeconds,
    boolean fullJitter) {}

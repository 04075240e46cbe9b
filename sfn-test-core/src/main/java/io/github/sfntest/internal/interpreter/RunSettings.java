package io.github.sfntest.internal.interpreter;

import java.time.Instant;

/** Identity and limits of one execution. */
public record RunSettings(
    String stateMachineName,
    String stateMachineArn,
    String executionName,
    String executionArn,
    String roleArn,
    String region,
    String account,
    Instant startTime,
    long seed,
    int maxHistoryEvents,
    int maxPayloadBytes) {}

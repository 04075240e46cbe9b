package io.github.sfntest.internal.server;

import java.time.Instant;

/** An activity created through the endpoint. */
record ActivityRecord(String arn, String name, Instant creationDate) {}

package io.github.sfntest.internal.server;

import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.mock.MockConfigFile;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Settings of the endpoint's service.
 *
 * @param options account, region, limits; with {@code deterministic} also the start time and seed
 * @param realTime Wait states, retries and timeouts take real time (as seen through the API)
 * @param deterministic every execution starts at {@code options.startTime()} with seeds derived
 *     from {@code options.seed()} (as the in-process engine does); otherwise executions start at
 *     the wall-clock time with random seeds
 * @param mockConfig the MockConfigFile ({@code SFN_MOCK_CONFIG}), or a supplier of null
 * @param activityPollTimeout how long GetActivityTask waits for a task (AWS: 60 seconds)
 * @param syncExecutionTimeout how long StartSyncExecution waits for callbacks (AWS: 5 minutes)
 */
public record ServiceConfig(
    EngineOptions options,
    boolean realTime,
    boolean deterministic,
    Supplier<MockConfigFile> mockConfig,
    Duration activityPollTimeout,
    Duration syncExecutionTimeout) {}

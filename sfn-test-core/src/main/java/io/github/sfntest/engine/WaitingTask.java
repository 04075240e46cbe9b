package io.github.sfntest.engine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A task that waits for the outside world: a {@code .waitForTaskToken} task or an activity.
 *
 * @param stateName the Task state
 * @param resource its Resource ARN
 * @param taskToken the token to answer with
 * @param parameters what the task sent (its effective parameters)
 * @param activity true for activity tasks
 */
public record WaitingTask(String stateName, String resource, String taskToken, JsonNode parameters, boolean activity) {}

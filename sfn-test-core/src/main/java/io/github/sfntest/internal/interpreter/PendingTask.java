package io.github.sfntest.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;

/** A task waiting for send-task-success/failure (a callback task or an activity). */
public final class PendingTask {
  public final String token;
  public final String stateName;
  public final String resourceArn;
  public final JsonNode parameters;
  public final StateEntry entry;
  public final TaskResource resource;
  public final Integer heartbeatSeconds;
  public final boolean activity;
  /** A worker took this activity task (ActivityStarted recorded). */
  public boolean started;

  public PendingTask(String token, String stateName, String resourceArn, JsonNode parameters, StateEntry entry,
      TaskResource resource, Integer heartbeatSeconds, boolean activity) {
    this.token = token;
    this.stateName = stateName;
    this.resourceArn = resourceArn;
    this.parameters = parameters;
    this.entry = entry;
    this.resource = resource;
    this.heartbeatSeconds = heartbeatSeconds;
    this.activity = activity;
  }

  public String token() {
    return token;
  }

  public String stateName() {
    return stateName;
  }

  public String resource() {
    return resourceArn;
  }

  public JsonNode parameters() {
    return parameters;
  }

  public boolean activity() {
    return activity;
  }

  public boolean started() {
    return started;
  }
}

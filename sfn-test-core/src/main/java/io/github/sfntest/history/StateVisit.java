package io.github.sfntest.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One entry into a state, derived from the history: the {@code *StateEntered} event, the events
 * the state produced itself (task scheduling, retries, failures, Map iterations...) and the {@code
 * *StateExited} event if the state exited. Events of states nested in a Map or Parallel state
 * belong to their own visits, reachable through {@link #children()} and {@link #mapIterations()}.
 *
 * <p>Everything is derived from AWS-shaped events only (linked by {@code previousEventId}), so
 * visits of histories recorded on AWS and of any engine read the same.
 */
public final class StateVisit {

  static final Set<HistoryEventType> SCHEDULED =
      EnumSet.of(
          HistoryEventType.TASK_SCHEDULED,
          HistoryEventType.LAMBDA_FUNCTION_SCHEDULED,
          HistoryEventType.ACTIVITY_SCHEDULED);

  static final Set<HistoryEventType> STARTED_BLOCK =
      EnumSet.of(HistoryEventType.MAP_STATE_STARTED, HistoryEventType.PARALLEL_STATE_STARTED);

  static final Set<HistoryEventType> FAILURES =
      EnumSet.of(
          HistoryEventType.TASK_FAILED,
          HistoryEventType.TASK_TIMED_OUT,
          HistoryEventType.TASK_START_FAILED,
          HistoryEventType.TASK_SUBMIT_FAILED,
          HistoryEventType.LAMBDA_FUNCTION_FAILED,
          HistoryEventType.LAMBDA_FUNCTION_TIMED_OUT,
          HistoryEventType.LAMBDA_FUNCTION_START_FAILED,
          HistoryEventType.LAMBDA_FUNCTION_SCHEDULE_FAILED,
          HistoryEventType.ACTIVITY_FAILED,
          HistoryEventType.ACTIVITY_TIMED_OUT,
          HistoryEventType.ACTIVITY_SCHEDULE_FAILED,
          HistoryEventType.MAP_STATE_FAILED,
          HistoryEventType.PARALLEL_STATE_FAILED,
          HistoryEventType.MAP_RUN_FAILED,
          HistoryEventType.EVALUATION_FAILED);

  static final Set<HistoryEventType> SUCCESSES =
      EnumSet.of(
          HistoryEventType.TASK_SUCCEEDED,
          HistoryEventType.LAMBDA_FUNCTION_SUCCEEDED,
          HistoryEventType.ACTIVITY_SUCCEEDED,
          HistoryEventType.MAP_STATE_SUCCEEDED,
          HistoryEventType.PARALLEL_STATE_SUCCEEDED);

  private final ExecutionHistory history;
  private final HistoryEvent entered;
  private final StateVisit parent;
  private final Integer iterationIndex;
  private final Integer branchIndex;
  final List<HistoryEvent> events = new ArrayList<>();
  final List<StateVisit> children = new ArrayList<>();
  final List<MapIteration> iterations = new ArrayList<>();
  HistoryEvent exited;
  int branchCounter;

  StateVisit(
      ExecutionHistory history,
      HistoryEvent entered,
      StateVisit parent,
      Integer iterationIndex,
      Integer branchIndex) {
    this.history = history;
    this.entered = entered;
    this.parent = parent;
    this.iterationIndex = iterationIndex;
    this.branchIndex = branchIndex;
    events.add(entered);
  }

  /**
   * The state's name.
   *
   * @return the state name
   */
  public String name() {
    return entered.stateName().orElse("?");
  }

  /**
   * The state type as ASL spells it: {@code Task}, {@code Map}, {@code Choice}...
   *
   * @return the state type
   */
  public String stateType() {
    String aws = entered.type().awsName();
    return aws.substring(0, aws.length() - "StateEntered".length());
  }

  /**
   * The {@code *StateEntered} event that began this visit.
   *
   * @return the entered event
   */
  public HistoryEvent enteredEvent() {
    return entered;
  }

  /**
   * The {@code *StateExited} event that ended this visit, if it exited.
   *
   * @return the exited event, or empty
   */
  public Optional<HistoryEvent> exitedEvent() {
    return Optional.ofNullable(exited);
  }

  /**
   * The events of this visit itself, in history order (nested states' events excluded).
   *
   * @return the visit's own events
   */
  public List<HistoryEvent> events() {
    return Collections.unmodifiableList(events);
  }

  /**
   * The Map or Parallel visit this state runs in; empty at the top level.
   *
   * @return the parent visit, or empty
   */
  public Optional<StateVisit> parent() {
    return Optional.ofNullable(parent);
  }

  /**
   * The index of the Map iteration this state runs in, when its parent is a Map state.
   *
   * @return the iteration index, or empty
   */
  public OptionalInt mapIterationIndex() {
    return iterationIndex == null ? OptionalInt.empty() : OptionalInt.of(iterationIndex);
  }

  /**
   * The ordinal of the Parallel branch this state runs in, in order of the branches' first events
   * (AWS history does not record the branch index of the definition).
   *
   * @return the branch ordinal, or empty
   */
  public OptionalInt parallelBranch() {
    return branchIndex == null ? OptionalInt.empty() : OptionalInt.of(branchIndex);
  }

  /**
   * States entered directly inside this Map or Parallel state, in history order.
   *
   * @return the child visits
   */
  public List<StateVisit> children() {
    return Collections.unmodifiableList(children);
  }

  /**
   * The Map iterations of this visit, every attempt's, in history order.
   *
   * @return the iterations
   */
  public List<MapIteration> mapIterations() {
    return Collections.unmodifiableList(iterations);
  }

  /**
   * The Map iterations of the last attempt (a retried Map state restarts its iterations).
   *
   * @return the last attempt's iterations
   */
  public List<MapIteration> lastAttemptIterations() {
    int attempt = attempts();
    List<MapIteration> result = new ArrayList<>();
    for (MapIteration iteration : iterations) {
      if (iteration.attempt() == attempt) {
        result.add(iteration);
      }
    }
    return result;
  }

  /**
   * The state's effective input (from the entered event).
   *
   * @return the effective input
   */
  public JsonNode input() {
    return entered.input().orElse(null);
  }

  /**
   * The state's output, if it exited.
   *
   * @return the output, or empty
   */
  public Optional<JsonNode> output() {
    return exited == null ? Optional.empty() : exited.output();
  }

  /**
   * How often the state's work was attempted: the scheduled tasks of a Task state, the started
   * iterations blocks of a Map/Parallel state, 1 for the other states.
   *
   * @return the number of attempts
   */
  public int attempts() {
    int count = 0;
    for (HistoryEvent event : events) {
      if (SCHEDULED.contains(event.type()) || STARTED_BLOCK.contains(event.type())) {
        count++;
      }
    }
    return Math.max(1, count);
  }

  /**
   * {@code attempts() - 1}.
   *
   * @return the number of retries
   */
  public int retries() {
    return attempts() - 1;
  }

  /**
   * Every failure event of this visit (one per failed attempt), in order.
   *
   * @return the failure events
   */
  public List<HistoryEvent> failures() {
    List<HistoryEvent> result = new ArrayList<>();
    for (HistoryEvent event : events) {
      if (FAILURES.contains(event.type())) {
        result.add(event);
      }
    }
    return result;
  }

  /**
   * The errors of the failed attempts, in order ({@code null} where AWS records none).
   *
   * @return the attempts' errors
   */
  public List<String> attemptErrors() {
    List<String> result = new ArrayList<>();
    for (HistoryEvent event : failures()) {
      result.add(event.error().orElse(null));
    }
    return result;
  }

  /**
   * True when the last attempt failed (whether or not a catcher then handled it).
   *
   * @return whether the last attempt failed
   */
  public boolean failed() {
    if (entered.type() == HistoryEventType.FAIL_STATE_ENTERED) {
      return true;
    }
    for (int i = events.size() - 1; i >= 0; i--) {
      HistoryEventType type = events.get(i).type();
      if (FAILURES.contains(type)) {
        return true;
      }
      if (SUCCESSES.contains(type) || SCHEDULED.contains(type) || STARTED_BLOCK.contains(type)) {
        return false;
      }
    }
    return false;
  }

  /**
   * Same as {@link #failed()}, for Groovy's {@code visit.failed} property.
   *
   * @return whether the last attempt failed
   */
  public boolean isFailed() {
    return failed();
  }

  /**
   * The event of the final failure, if {@link #failed()}.
   *
   * @return the failure event, or empty
   */
  public Optional<HistoryEvent> finalFailure() {
    if (!failed()) {
      return Optional.empty();
    }
    List<HistoryEvent> failures = failures();
    return failures.isEmpty() ? Optional.empty() : Optional.of(failures.get(failures.size() - 1));
  }

  /**
   * The error of the final failure. AWS records none on {@code MapStateFailed}, {@code
   * ParallelStateFailed} and Fail states; then the error is the execution's if this visit ended it,
   * else the one found in the catcher's input ({@code Error} field at any top-level key).
   *
   * @return the error, or empty
   */
  public Optional<String> error() {
    return failureField("error", "Error");
  }

  /**
   * The cause that came with {@link #error()}.
   *
   * @return the cause, or empty
   */
  public Optional<String> cause() {
    return failureField("cause", "Cause");
  }

  private Optional<String> failureField(String field, String catcherField) {
    if (!failed()) {
      return Optional.empty();
    }
    Optional<String> own = finalFailure().flatMap(e -> e.detail(field));
    if (own.isPresent()) {
      return own;
    }
    Optional<StateVisit> catcher = caughtByVisit();
    if (catcher.isPresent()) {
      return findErrorField(catcher.get().input(), catcherField);
    }
    if (exited == null) {
      List<HistoryEvent> all = history.events();
      HistoryEvent last = all.isEmpty() ? null : all.get(all.size() - 1);
      if (last != null
          && (last.type() == HistoryEventType.EXECUTION_FAILED
              || last.type() == HistoryEventType.EXECUTION_TIMED_OUT)
          && isOnTerminalPath()) {
        return last.detail(field);
      }
    }
    return Optional.empty();
  }

  private boolean isOnTerminalPath() {
    for (StateVisit visit = this; visit != null; visit = visit.parent) {
      if (visit.exited != null) {
        return false;
      }
    }
    return true;
  }

  private static Optional<String> findErrorField(JsonNode input, String field) {
    if (input == null) {
      return Optional.empty();
    }
    if (input.has("Error") && input.get(field) != null && input.get(field).isTextual()) {
      return Optional.of(input.get(field).asText());
    }
    Iterator<JsonNode> values = input.elements();
    while (values.hasNext()) {
      JsonNode value = values.next();
      if (value.isObject() && value.has("Error") && value.get(field) != null) {
        return Optional.of(value.get(field).asText());
      }
    }
    return Optional.empty();
  }

  /**
   * The state entered right after this one exited (its {@code Next} or catcher's {@code Next}).
   *
   * @return the next visit, or empty
   */
  public Optional<StateVisit> next() {
    if (exited == null) {
      return Optional.empty();
    }
    for (StateVisit visit : history.stateVisits()) {
      if (visit.entered.previousEventId() == exited.id() && visit != this) {
        return Optional.of(visit);
      }
    }
    return Optional.empty();
  }

  /**
   * The visit of the catcher's {@code Next} state, if the final failure was caught.
   *
   * @return the catcher's visit, or empty
   */
  public Optional<StateVisit> caughtByVisit() {
    return failed() && exited != null ? next() : Optional.empty();
  }

  /**
   * The name of the state a catcher sent the failure to, if it was caught.
   *
   * @return the catcher's state name, or empty
   */
  public Optional<String> caughtBy() {
    return caughtByVisit().map(StateVisit::name);
  }

  /**
   * What each attempt was scheduled with: {@code taskScheduledEventDetails.parameters} of a service
   * integration, or the {@code input} of a Lambda function/activity resource. One per attempt.
   *
   * @return the parameters of each attempt, in order
   */
  public List<JsonNode> scheduledParameters() {
    List<JsonNode> result = new ArrayList<>();
    for (HistoryEvent event : events) {
      if (event.type() == HistoryEventType.TASK_SCHEDULED) {
        result.add(event.detail("parameters").map(Json::parse).orElse(null));
      } else if (SCHEDULED.contains(event.type())) {
        result.add(event.input().orElse(null));
      }
    }
    return result;
  }

  /**
   * The integration resource, e.g. {@code lambda:invoke} or a Lambda function ARN.
   *
   * @return the resource, or empty for a state that is no task
   */
  public Optional<String> resource() {
    for (HistoryEvent event : events) {
      if (event.type() == HistoryEventType.TASK_SCHEDULED) {
        return Optional.of(
            event.detail("resourceType").orElse("?") + ":" + event.detail("resource").orElse("?"));
      }
      if (SCHEDULED.contains(event.type())) {
        return event.detail("resource");
      }
    }
    return Optional.empty();
  }

  /**
   * The variables the state assigned ({@code stateExitedEventDetails.assignedVariables}).
   *
   * @return variable name to value
   */
  public Map<String, JsonNode> assignedVariables() {
    Map<String, JsonNode> result = new LinkedHashMap<>();
    if (exited != null) {
      exited
          .details()
          .map(d -> d.get("assignedVariables"))
          .ifPresent(
              vars ->
                  vars.properties().iterator()
                      .forEachRemaining(
                          f ->
                              result.put(
                                  f.getKey(),
                                  f.getValue().isTextual()
                                      ? Json.parse(f.getValue().asText())
                                      : f.getValue())));
    }
    return result;
  }

  /**
   * True for a {@code .waitForTaskToken} task (the work is finished by a callback).
   *
   * @return whether the task waited for a callback
   */
  public boolean waitedForCallback() {
    for (HistoryEvent event : events) {
      if (event.type() == HistoryEventType.TASK_SCHEDULED
          && event.detail("resource").orElse("").endsWith(".waitForTaskToken")) {
        return true;
      }
    }
    return false;
  }

  /**
   * What a callback task received: the output of its last {@code TaskSucceeded}.
   *
   * @return the callback's result, or empty
   */
  public Optional<JsonNode> callbackResult() {
    if (!waitedForCallback()) {
      return Optional.empty();
    }
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i).type() == HistoryEventType.TASK_SUCCEEDED) {
        return events.get(i).output();
      }
    }
    return Optional.empty();
  }

  /**
   * ARNs of child executions this state started ({@code states:startExecution} integrations).
   *
   * @return the child executions' ARNs
   */
  public List<String> childExecutionArns() {
    List<String> result = new ArrayList<>();
    for (HistoryEvent event : events) {
      boolean statesTask =
          "states".equals(event.detail("resourceType").orElse(""))
              && event.detail("resource").orElse("").startsWith("startExecution");
      if (statesTask
          && (event.type() == HistoryEventType.TASK_SUBMITTED
              || (event.type() == HistoryEventType.TASK_SUCCEEDED
                  && !event.detail("resource").orElse("").contains(".sync")))) {
        event
            .output()
            .map(o -> o.get("ExecutionArn"))
            .filter(JsonNode::isTextual)
            .ifPresent(arn -> result.add(arn.asText()));
      }
    }
    return result;
  }

  /**
   * Time between entering and exiting (or the state's last event if it never exited).
   *
   * @return the visit's duration
   */
  public Duration duration() {
    HistoryEvent end = exited != null ? exited : events.get(events.size() - 1);
    return Duration.between(entered.timestamp(), end.timestamp());
  }

  @Override
  public String toString() {
    return name() + "#" + entered.id();
  }
}

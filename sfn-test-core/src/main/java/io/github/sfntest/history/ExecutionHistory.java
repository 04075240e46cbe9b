package io.github.sfntest.history;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.sfntest.internal.json.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** The events of one execution in the order AWS {@code GetExecutionHistory} lists them. */
public final class ExecutionHistory implements Iterable<HistoryEvent> {

  private final List<HistoryEvent> events;
  private final HistoryRetention retention;
  private volatile Structure structure;

  /**
   * A full history of these events, in order.
   *
   * @param events the events, ids from 1, each linked to its previous event
   */
  public ExecutionHistory(List<HistoryEvent> events) {
    this(events, HistoryRetention.FULL);
  }

  /**
   * A history of these events, of which the engine kept what {@code retention} says.
   *
   * @param events the events kept, in order; ids and links are AWS's, so ids may skip dropped events
   * @param retention how much of the history the engine kept
   */
  public ExecutionHistory(List<HistoryEvent> events, HistoryRetention retention) {
    this.events = List.copyOf(events);
    this.retention = java.util.Objects.requireNonNull(retention, "retention");
  }

  /**
   * How much of the history the engine kept ({@code EngineOptions.historyRetention}).
   *
   * @return {@link HistoryRetention#FULL} unless the engine was told to drop events
   */
  public HistoryRetention retention() {
    return retention;
  }

  /**
   * The events, in order.
   *
   * @return the events
   */
  public List<HistoryEvent> events() {
    return events;
  }

  /**
   * The number of events.
   *
   * @return the number of events
   */
  public int size() {
    return events.size();
  }

  /**
   * The events of the given type, in order.
   *
   * @param type the event type
   * @return the matching events
   */
  public List<HistoryEvent> ofType(HistoryEventType type) {
    List<HistoryEvent> result = new ArrayList<>();
    for (HistoryEvent event : events) {
      if (event.type() == type) {
        result.add(event);
      }
    }
    return result;
  }

  /**
   * The names of states entered, in order, at every nesting level (the path taken).
   *
   * @return the entered state names
   */
  public List<String> enteredStateNames() {
    List<String> names = new ArrayList<>();
    for (HistoryEvent event : events) {
      if (event.type().isStateEntered()) {
        event.stateName().ifPresent(names::add);
      }
    }
    return names;
  }

  /**
   * The event types in order.
   *
   * @return the types, one per event
   */
  public List<HistoryEventType> types() {
    List<HistoryEventType> types = new ArrayList<>(events.size());
    for (HistoryEvent event : events) {
      types.add(event.type());
    }
    return types;
  }

  /**
   * The whole history as GetExecutionHistory's {@code events} array.
   *
   * @return the events as JSON
   */
  public ArrayNode toJson() {
    ArrayNode array = Json.NODES.arrayNode();
    for (HistoryEvent event : events) {
      array.add(event.toJson());
    }
    return array;
  }

  /**
   * Writes the history as {@code {"events": [...]}}, the document {@code aws stepfunctions
   * get-execution-history} prints, so it can be replayed later ({@code sfn-test replay}, {@code
   * RecordedExecution.load}) like a history recorded on AWS.
   *
   * @param file where to write the JSON document
   */
  public void writeTo(java.nio.file.Path file) {
    com.fasterxml.jackson.databind.node.ObjectNode document = Json.NODES.objectNode();
    document.set("events", toJson());
    try {
      java.nio.file.Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        java.nio.file.Files.createDirectories(parent);
      }
      java.nio.file.Files.writeString(file, Json.pretty(document) + "\n");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot write the history to " + file, e);
    }
  }

  /**
   * The distinct names of the states entered, in order of first entry.
   *
   * @return the distinct state names
   */
  public List<String> stateNames() {
    return new ArrayList<>(new LinkedHashSet<>(enteredStateNames()));
  }

  /**
   * The events of any of the given types, in order.
   *
   * @param types the event types to keep
   * @return the matching events
   */
  public List<HistoryEvent> ofTypes(HistoryEventType... types) {
    Set<HistoryEventType> wanted = EnumSet.noneOf(HistoryEventType.class);
    wanted.addAll(Arrays.asList(types));
    return filter(e -> wanted.contains(e.type())).events();
  }

  /**
   * The events matching {@code predicate}, as a history (ids and links kept).
   *
   * @param predicate which events to keep
   * @return the matching events
   */
  public ExecutionHistory filter(Predicate<? super HistoryEvent> predicate) {
    List<HistoryEvent> result = new ArrayList<>();
    for (HistoryEvent event : events) {
      if (predicate.test(event)) {
        result.add(event);
      }
    }
    return new ExecutionHistory(result);
  }

  /**
   * The event with the given id.
   *
   * @param id the event id, from 1
   * @return the event, empty when there is none with that id
   */
  public Optional<HistoryEvent> eventById(long id) {
    return Optional.ofNullable(structure().byId.get(id));
  }

  /**
   * Every entry into a state, at every nesting level, in order of the {@code *StateEntered}
   * events. Built from {@code previousEventId} links (see {@link StateVisit}).
   *
   * @return the visits
   */
  public List<StateVisit> stateVisits() {
    return structure().visits;
  }

  /**
   * The entries into the states at the top level (not inside a Map or Parallel state).
   *
   * @return the top-level visits
   */
  public List<StateVisit> topLevelVisits() {
    List<StateVisit> result = new ArrayList<>();
    for (StateVisit visit : stateVisits()) {
      if (visit.parent().isEmpty()) {
        result.add(visit);
      }
    }
    return result;
  }

  /**
   * The entries into the state called {@code stateName}, in order.
   *
   * @param stateName the state's name
   * @return the visits
   */
  public List<StateVisit> visitsOf(String stateName) {
    List<StateVisit> result = new ArrayList<>();
    for (StateVisit visit : stateVisits()) {
      if (visit.name().equals(stateName)) {
        result.add(visit);
      }
    }
    return result;
  }

  /**
   * The state visit an event belongs to; empty for execution-level events.
   *
   * @param event an event of this history
   * @return the visit, empty for execution-level events
   */
  public Optional<StateVisit> ownerOf(HistoryEvent event) {
    return Optional.ofNullable(structure().owners.get(event));
  }

  /**
   * The events of every entry into {@code stateName} (not of states nested in it).
   *
   * @param stateName the state's name
   * @return its events, as a history
   */
  public ExecutionHistory forState(String stateName) {
    return filter(e -> ownerOf(e).map(v -> v.name().equals(stateName)).orElse(false));
  }

  /**
   * The task events (scheduled, started, submitted, succeeded, failed, timed out) of the integration
   * {@code resource}, in any notation users have in tests: {@code "comprehend:detectSentiment"} (as
   * AWS's own samples write it), {@code "aws-sdk:comprehend:detectSentiment"}, the Task's {@code
   * Resource} ARN ({@code "arn:aws:states:::aws-sdk:comprehend:detectSentiment"}), or {@code
   * "lambda:invoke"}. AWS records it in two fields ({@code resourceType} {@code
   * "aws-sdk:comprehend"}, {@code resource} {@code "detectSentiment"}); both are compared, and a
   * name without {@code .sync}, {@code .sync:2} or {@code .waitForTaskToken} matches with it too.
   *
   * @param resource the integration resource, in any of those notations
   * @return the task events, as a history
   */
  public ExecutionHistory forResource(String resource) {
    String wanted = integration(resource);
    return filter(e -> e.detail("resourceType").isPresent() && e.detail("resource").isPresent()
        && matches(integration(e.detail("resourceType").get() + ":" + e.detail("resource").get()), wanted));
  }

  private static boolean matches(String recorded, String wanted) {
    return recorded.equals(wanted) || recorded.replaceFirst("\\.(sync(:2)?|waitForTaskToken)$", "").equals(wanted);
  }

  /** {@code service:action}: without the ARN prefix and without {@code aws-sdk:}. */
  private static String integration(String name) {
    String s = name.trim().replaceFirst("^arn:[^:]+:states:[^:]*:[^:]*:", "");
    return s.startsWith("aws-sdk:") ? s.substring("aws-sdk:".length()) : s;
  }

  /**
   * The iterations of every entry into the Map state {@code mapStateName}, in order.
   *
   * @param mapStateName the Map state's name
   * @return the iterations
   */
  public List<MapIteration> mapIterations(String mapStateName) {
    List<MapIteration> result = new ArrayList<>();
    for (StateVisit visit : visitsOf(mapStateName)) {
      result.addAll(visit.mapIterations());
    }
    return result;
  }

  /**
   * The events of Map iteration {@code index} of {@code mapStateName} (every entry and attempt),
   * including the events of the states nested in it.
   *
   * @param mapStateName the Map state's name
   * @param index a zero-based iteration index
   * @return the iteration's events, as a history
   */
  public ExecutionHistory inIteration(String mapStateName, int index) {
    return filter(
        e -> {
          Integer iteration = structure().iterationOf.get(e);
          StateVisit owner = structure().owners.get(e);
          if (iteration != null
              && owner != null
              && owner.name().equals(mapStateName)
              && iteration == index) {
            return true;
          }
          for (StateVisit v = owner; v != null; v = v.parent().orElse(null)) {
            StateVisit parent = v.parent().orElse(null);
            if (parent != null
                && parent.name().equals(mapStateName)
                && v.mapIterationIndex().isPresent()
                && v.mapIterationIndex().getAsInt() == index) {
              return true;
            }
          }
          return false;
        });
  }

  private Structure structure() {
    Structure s = structure;
    if (s == null) {
      s = new Structure(this);
      structure = s;
    }
    return s;
  }

  /** Owner and iteration of every event, derived once from the previousEventId links. */
  private static final class Structure {
    final Map<Long, HistoryEvent> byId = new HashMap<>();
    final Map<HistoryEvent, StateVisit> owners = new IdentityHashMap<>();
    final Map<HistoryEvent, Integer> iterationOf = new IdentityHashMap<>();
    final Map<HistoryEvent, StateVisit> visitOfEntered = new IdentityHashMap<>();
    final List<StateVisit> visits;

    Structure(ExecutionHistory history) {
      List<StateVisit> all = new ArrayList<>();
      List<HistoryEvent> events = history.events;
      for (HistoryEvent event : events) {
        byId.putIfAbsent(event.id(), event);
      }
      for (int i = 0; i < events.size(); i++) {
        HistoryEvent event = events.get(i);
        HistoryEvent prev = event.previousEventId() == 0 ? null : byId.get(event.previousEventId());
        if (prev == null && i > 0 && !event.type().isStateEntered()) {
          prev = events.get(i - 1);
        }
        StateVisit ctxOwner = null;
        Integer ctxIteration = null;
        boolean afterParallelStart = false;
        if (prev != null) {
          StateVisit prevOwner = owners.get(prev);
          if (prev.type().isStateEntered() && visitOfEntered.containsKey(prev)) {
            ctxOwner = visitOfEntered.get(prev);
          } else if (prev.type().isStateExited() && prevOwner != null) {
            ctxOwner = prevOwner.parent().orElse(null);
            ctxIteration = prevOwner.mapIterationIndex().isPresent() ? prevOwner.mapIterationIndex().getAsInt() : null;
          } else {
            ctxOwner = prevOwner;
            ctxIteration = iterationOf.get(prev);
            afterParallelStart = prev.type() == HistoryEventType.PARALLEL_STATE_STARTED;
          }
        }
        if (event.type().isStateEntered()) {
          Integer branch = null;
          if (ctxOwner != null && ctxOwner.enteredEvent().type() == HistoryEventType.PARALLEL_STATE_ENTERED) {
            if (afterParallelStart) {
              branch = ctxOwner.branchCounter++;
            }
          }
          if (branch == null && prev != null && prev.type().isStateExited() && owners.get(prev) != null) {
            OptionalIntHolder h = new OptionalIntHolder(owners.get(prev).parallelBranch());
            branch = h.value;
          }
          Integer iteration =
              ctxOwner != null && ctxOwner.enteredEvent().type() == HistoryEventType.MAP_STATE_ENTERED
                  ? ctxIteration
                  : null;
          StateVisit visit = new StateVisit(history, event, ctxOwner, iteration, branch);
          visitOfEntered.put(event, visit);
          owners.put(event, visit);
          all.add(visit);
          if (ctxOwner != null) {
            ctxOwner.children.add(visit);
            if (iteration != null) {
              for (int k = ctxOwner.iterations.size() - 1; k >= 0; k--) {
                MapIteration it = ctxOwner.iterations.get(k);
                if (it.index() == iteration) {
                  it.visits.add(visit);
                  break;
                }
              }
            }
          }
          continue;
        }
        StateVisit owner = ctxOwner;
        String typeName = event.type().awsName();
        if (typeName.startsWith("Execution")) {
          owner = null;
        } else if (typeName.startsWith("Map")) {
          owner = nearest(ctxOwner, HistoryEventType.MAP_STATE_ENTERED, null);
        } else if (typeName.startsWith("ParallelState")) {
          owner = nearest(ctxOwner, HistoryEventType.PARALLEL_STATE_ENTERED, null);
        } else if (event.type().isStateExited()) {
          owner = nearest(ctxOwner, null, event.stateName().orElse(null));
        }
        if (owner == null) {
          if (event.type().isStateExited() || typeName.startsWith("Map") || typeName.startsWith("Parallel")) {
            owner = ctxOwner;
          }
        }
        if (owner != null && event.type() == HistoryEventType.PARALLEL_STATE_STARTED) {
          owner.branchCounter = 0;
        }
        if (owner != null) {
          owners.put(event, owner);
          owner.events.add(event);
          if (event.type().isStateExited() && owner.exited == null) {
            owner.exited = event;
          }
        }
        Integer iteration = ctxIteration;
        switch (event.type()) {
          case MAP_ITERATION_STARTED -> {
            iteration = event.details().map(d -> d.path("index").asInt()).orElse(0);
            if (owner != null) {
              owner.iterations.add(new MapIteration(owner, iteration, owner.attempts(), event));
            }
          }
          case MAP_ITERATION_SUCCEEDED, MAP_ITERATION_FAILED, MAP_ITERATION_ABORTED -> {
            iteration = event.details().map(d -> d.path("index").asInt()).orElse(iteration == null ? 0 : iteration);
            if (owner != null) {
              for (int k = owner.iterations.size() - 1; k >= 0; k--) {
                MapIteration it = owner.iterations.get(k);
                if (it.index() == iteration) {
                  it.events.add(event);
                  it.status =
                      event.type() == HistoryEventType.MAP_ITERATION_SUCCEEDED
                          ? MapIteration.Status.SUCCEEDED
                          : event.type() == HistoryEventType.MAP_ITERATION_FAILED
                              ? MapIteration.Status.FAILED
                              : MapIteration.Status.ABORTED;
                  break;
                }
              }
            }
          }
          default -> iteration = null;
        }
        if (iteration != null) {
          iterationOf.put(event, iteration);
        }
      }
      visits = Collections.unmodifiableList(all);
    }

    private static StateVisit nearest(StateVisit from, HistoryEventType enteredType, String name) {
      for (StateVisit v = from; v != null; v = v.parent().orElse(null)) {
        if ((enteredType == null || v.enteredEvent().type() == enteredType)
            && (name == null || v.name().equals(name))) {
          return v;
        }
      }
      return null;
    }
  }

  private static final class OptionalIntHolder {
    final Integer value;

    OptionalIntHolder(java.util.OptionalInt optional) {
      this.value = optional.isPresent() ? optional.getAsInt() : null;
    }
  }

  @Override
  public Iterator<HistoryEvent> iterator() {
    return events.iterator();
  }
}

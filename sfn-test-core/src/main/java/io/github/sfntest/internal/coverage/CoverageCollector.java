package io.github.sfntest.internal.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.MapRunResult;
import io.github.sfntest.history.ExecutionHistory;
import io.github.sfntest.history.HistoryEvent;
import io.github.sfntest.history.HistoryEventType;
import io.github.sfntest.history.StateVisit;
import io.github.sfntest.internal.asl.Catcher;
import io.github.sfntest.internal.asl.Retrier;
import io.github.sfntest.internal.asl.State;
import io.github.sfntest.internal.asl.StateType;
import io.github.sfntest.internal.graph.MachineGraph;
import io.github.sfntest.internal.graph.MachineGraph.EdgeKind;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Derives what one execution covered from its history alone, so it works the same on every engine:
 * states entered (at every nesting level, Distributed Map item processors included), transitions
 * taken (the Choice rule by index, Default, the Catch rule taken), and Retry rules fired (a failed
 * attempt followed by another).
 *
 * <p>Items are strings: {@code s:<node id>}, {@code e:<edge id>}, {@code r:<retry id>} (see {@link
 * MachineGraph}).
 */
public final class CoverageCollector {

  private final MachineGraph graph;
  private final Set<String> covered = new LinkedHashSet<>();
  private final Map<Long, StateVisit> nextByExitedId = new HashMap<>();

  private CoverageCollector(MachineGraph graph) {
    this.graph = graph;
  }

  /** The items {@code result} covered in {@code graph} (child executions of other machines excluded). */
  public static Set<String> collect(MachineGraph graph, ExecutionResult result) {
    return collect(graph, result.history(), result.mapRuns());
  }

  /** The items a history (and the Map Runs of its Distributed Map states) covered in {@code graph}. */
  public static Set<String> collect(MachineGraph graph, ExecutionHistory history, List<MapRunResult> mapRuns) {
    CoverageCollector collector = new CoverageCollector(graph);
    collector.collect(history, "", mapRuns, true);
    return collector.covered;
  }

  public static String stateItem(String nodeId) {
    return "s:" + nodeId;
  }

  public static String edgeItem(String edgeId) {
    return "e:" + edgeId;
  }

  public static String retryItem(String retryId) {
    return "r:" + retryId;
  }

  private void collect(ExecutionHistory history, String baseScope, List<MapRunResult> mapRuns, boolean top) {
    Map<StateVisit, String> ids = new IdentityHashMap<>();
    Map<String, JsonNode> variables = new HashMap<>();
    List<StateVisit> visits = history.stateVisits();
    // StateVisit.next() scans every visit; one index keeps big histories (large Maps) linear.
    nextByExitedId.clear();
    for (StateVisit visit : visits) {
      nextByExitedId.putIfAbsent(visit.enteredEvent().previousEventId(), visit);
    }
    boolean first = true;
    for (StateVisit visit : visits) {
      String id = idOf(visit, baseScope, ids);
      if (id == null) {
        continue;
      }
      Optional<State> state = graph.state(id);
      if (state.isEmpty()) {
        continue;
      }
      covered.add(stateItem(id));
      if (first && top && visit.parent().isEmpty()) {
        covered.add(edgeItem(MachineGraph.edgeId(MachineGraph.START_ID, id, EdgeKind.START, -1)));
      }
      first = false;
      transitionOut(visit, id, state.get(), variables, top && visit.parent().isEmpty(), ids, baseScope);
      retries(visit, id, state.get());
      variables.putAll(visit.assignedVariables());
    }
    for (MapRunResult run : mapRuns) {
      String mapId = findState(run.stateName(), StateType.MAP);
      if (mapId == null) {
        continue;
      }
      for (ExecutionResult child : run.children()) {
        collect(child.history(), MachineGraph.branchScope(mapId, 0), child.mapRuns(), false);
      }
    }
  }

  private void transitionOut(StateVisit visit, String id, State state, Map<String, JsonNode> variables, boolean top,
      Map<StateVisit, String> ids, String baseScope) {
    Optional<StateVisit> next = visit.exitedEvent().map(exited -> nextByExitedId.get(exited.id()))
        .filter(n -> n != visit);
    if (next.isEmpty()) {
      boolean ended = visit.exitedEvent().isPresent() || state.type() == StateType.FAIL;
      boolean terminal = state.common().end() || state.type() == StateType.SUCCEED || state.type() == StateType.FAIL;
      if (top && ended && terminal && !(visit.failed() && state.type() != StateType.FAIL)) {
        covered.add(edgeItem(MachineGraph.edgeId(id, MachineGraph.END_ID, EdgeKind.END, -1)));
      }
      return;
    }
    String nextId = idOf(next.get(), baseScope, ids);
    String nextName = next.get().name();
    if (visit.failed() && !state.common().catchers().isEmpty()) {
      int index = catcherIndex(state.common().catchers(), visit.error().orElse(null), nextName);
      if (index >= 0) {
        covered.add(edgeItem(MachineGraph.edgeId(id, nextId, EdgeKind.CATCH, index)));
        return;
      }
    }
    if (state instanceof State.Choice choice) {
      int rule = choiceRule(choice, visit, nextName, variables);
      covered.add(edgeItem(rule >= 0
          ? MachineGraph.edgeId(id, nextId, EdgeKind.CHOICE_RULE, rule)
          : MachineGraph.edgeId(id, nextId, EdgeKind.DEFAULT, -1)));
      return;
    }
    covered.add(edgeItem(MachineGraph.edgeId(id, nextId, EdgeKind.NEXT, -1)));
  }

  /** The rule that sent the execution to {@code nextName}; -1 for Default. */
  private static int choiceRule(State.Choice choice, StateVisit visit, String nextName, Map<String, JsonNode> variables) {
    return choiceRule(choice, visit.input(), nextName, variables);
  }

  /**
   * The items one single-state test (AWS's TestState) covered: the tested state, the transition to
   * the next state it reported (a Choice rule, Default, a Catch rule or Next), and the Retry rule
   * it reported as retriable. The first state of that name counts, as TestState finds it.
   *
   * @param input the state's input (to tell Choice rules apart that lead to the same state)
   * @param caughtIndex the Catch rule TestState reported, -1 if none or not reported
   * @param retryIndex the Retry rule TestState reported, -1 if none
   */
  public static Set<String> collectSingleState(MachineGraph graph, String stateName, String nextState, String error,
      int caughtIndex, int retryIndex, JsonNode input, Map<String, JsonNode> variables) {
    Set<String> items = new java.util.LinkedHashSet<>();
    Optional<MachineGraph.Node> node = graph.states().stream().filter(n -> n.name().equals(stateName)).findFirst();
    if (node.isEmpty()) {
      return items;
    }
    String id = node.get().id();
    items.add(stateItem(id));
    if (retryIndex >= 0) {
      items.add(retryItem(MachineGraph.retryId(id, retryIndex)));
    }
    State state = graph.state(id).orElse(null);
    if (nextState == null || state == null) {
      return items;
    }
    String nextId = graph.edges().stream().filter(e -> e.from().equals(id))
        .map(e -> graph.node(e.to()).orElse(null))
        .filter(n -> n != null && n.name().equals(nextState)).map(MachineGraph.Node::id).findFirst().orElse(null);
    if (nextId == null) {
      return items;
    }
    if (error != null && !state.common().catchers().isEmpty()) {
      int index = caughtIndex >= 0 ? caughtIndex : catcherIndex(state.common().catchers(), error, nextState);
      if (index >= 0) {
        items.add(edgeItem(MachineGraph.edgeId(id, nextId, EdgeKind.CATCH, index)));
        return items;
      }
    }
    if (state instanceof State.Choice choice) {
      int rule = choiceRule(choice, input, nextState, variables);
      items.add(edgeItem(rule >= 0 ? MachineGraph.edgeId(id, nextId, EdgeKind.CHOICE_RULE, rule)
          : MachineGraph.edgeId(id, nextId, EdgeKind.DEFAULT, -1)));
      return items;
    }
    items.add(edgeItem(MachineGraph.edgeId(id, nextId, EdgeKind.NEXT, -1)));
    return items;
  }

  private static int choiceRule(State.Choice choice, JsonNode input, String nextName, Map<String, JsonNode> variables) {
    int candidate = -2;
    int candidates = 0;
    for (int i = 0; i < choice.choices().size(); i++) {
      if (choice.choices().get(i).next().equals(nextName)) {
        candidates++;
        if (candidate == -2) {
          candidate = i;
        }
      }
    }
    if (nextName.equals(choice.defaultNext())) {
      candidates++;
      if (candidate == -2) {
        candidate = -1;
      }
    }
    if (candidates <= 1) {
      return candidate == -2 ? -1 : candidate;
    }
    OptionalInt replayed = ChoiceReplay.matchingRule(choice, input, variables);
    if (replayed.isPresent()) {
      int rule = replayed.getAsInt();
      String target = rule >= 0 ? choice.choices().get(rule).next() : choice.defaultNext();
      if (nextName.equals(target)) {
        return rule;
      }
    }
    return candidate;
  }

  private void retries(StateVisit visit, String id, State state) {
    List<Retrier> retriers = state.common().retriers();
    if (retriers == null || retriers.isEmpty() || visit.retries() == 0) {
      return;
    }
    List<HistoryEvent> failures = visit.failures();
    int retried = Math.min(visit.retries(), failures.size());
    for (int i = 0; i < retried; i++) {
      String error = failures.get(i).error().orElse(null);
      int index = -1;
      for (int r = 0; r < retriers.size(); r++) {
        if (matches(retriers.get(r).errorEquals(), error)) {
          index = r;
          break;
        }
      }
      covered.add(retryItem(MachineGraph.retryId(id, index < 0 ? 0 : index)));
    }
  }

  private static int catcherIndex(List<Catcher> catchers, String error, String nextName) {
    for (int i = 0; i < catchers.size(); i++) {
      if (catchers.get(i).next().equals(nextName) && (error == null || matches(catchers.get(i).errorEquals(), error))) {
        return i;
      }
    }
    for (int i = 0; i < catchers.size(); i++) {
      if (catchers.get(i).next().equals(nextName)) {
        return i;
      }
    }
    return -1;
  }

  /** ASL error matching: the name itself, {@code States.ALL}, or {@code States.TaskFailed} for all but time-outs. */
  static boolean matches(List<String> errorEquals, String error) {
    if (error == null) {
      return true;
    }
    for (String name : errorEquals) {
      if (name.equals(error) || name.equals("States.ALL")
          || (name.equals("States.TaskFailed") && !error.equals("States.Timeout"))) {
        return true;
      }
    }
    return false;
  }

  /** The node id of a visit, from its chain of enclosing Parallel/Map visits. */
  private String idOf(StateVisit visit, String baseScope, Map<StateVisit, String> ids) {
    String known = ids.get(visit);
    if (known != null) {
      return known;
    }
    String id;
    Optional<StateVisit> parent = visit.parent();
    if (parent.isEmpty()) {
      id = MachineGraph.stateId(baseScope, visit.name());
    } else {
      String parentId = idOf(parent.get(), baseScope, ids);
      if (parentId == null) {
        return null;
      }
      id = null;
      if (parent.get().enteredEvent().type() == HistoryEventType.PARALLEL_STATE_ENTERED) {
        State.Parallel parallel = graph.state(parentId).filter(State.Parallel.class::isInstance)
            .map(State.Parallel.class::cast).orElse(null);
        int branches = parallel == null ? 0 : parallel.branches().size();
        OptionalInt hint = visit.parallelBranch();
        if (hint.isPresent() && inBranch(parentId, hint.getAsInt(), visit.name())) {
          id = MachineGraph.stateId(MachineGraph.branchScope(parentId, hint.getAsInt()), visit.name());
        }
        for (int i = 0; id == null && i < branches; i++) {
          if (inBranch(parentId, i, visit.name())) {
            id = MachineGraph.stateId(MachineGraph.branchScope(parentId, i), visit.name());
          }
        }
      } else {
        id = MachineGraph.stateId(MachineGraph.branchScope(parentId, 0), visit.name());
      }
    }
    if (id != null) {
      ids.put(visit, id);
    }
    return id;
  }

  private boolean inBranch(String parallelId, int branch, String name) {
    return graph.state(MachineGraph.stateId(MachineGraph.branchScope(parallelId, branch), name)).isPresent();
  }

  private String findState(String name, StateType type) {
    for (MachineGraph.Node node : graph.states()) {
      if (node.name().equals(name) && node.type() == type) {
        return node.id();
      }
    }
    return null;
  }
}

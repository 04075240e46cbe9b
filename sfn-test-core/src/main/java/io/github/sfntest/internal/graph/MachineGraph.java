package io.github.sfntest.internal.graph;

import io.github.sfntest.internal.asl.Branch;
import io.github.sfntest.internal.asl.Catcher;
import io.github.sfntest.internal.asl.Retrier;
import io.github.sfntest.internal.asl.State;
import io.github.sfntest.internal.asl.StateMachineModel;
import io.github.sfntest.internal.asl.StateType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The graph of a state machine as the AWS console draws it: one node per state (Parallel
 * branches and Map processors as containers holding their states), Start and End markers, and one
 * edge per possible transition ({@code Next}, each Choice rule, {@code Default}, each Catch rule,
 * {@code End}). Retry rules are listed per state. Node ids are paths, so states of the same name
 * in different branches stay apart: {@code Par/0/Step} is state {@code Step} of branch 0 of {@code
 * Par}.
 */
public final class MachineGraph {

  /** What a node stands for. */
  public enum NodeKind {
    START,
    END,
    STATE,
    /** A Parallel branch or a Map item processor: a container without a state of its own. */
    BRANCH
  }

  /** What a transition is. */
  public enum EdgeKind {
    START,
    NEXT,
    CHOICE_RULE,
    DEFAULT,
    CATCH,
    END
  }

  /**
   * @param id the path id (unique in the graph)
   * @param name the state name, or a label for markers and branches
   * @param type the ASL state type, null for markers and branches
   * @param parent the id of the enclosing container node (a Parallel/Map state or a branch), or null
   */
  public record Node(String id, String name, NodeKind kind, StateType type, String parent) {

    public boolean isState() {
      return kind == NodeKind.STATE;
    }
  }

  /**
   * @param index the rule index for Choice rules and Catch rules (0-based), else -1
   */
  public record Edge(String id, String from, String to, EdgeKind kind, int index, String label) {

    /** True for the transitions that handle errors (Catch rules). */
    public boolean isErrorPath() {
      return kind == EdgeKind.CATCH;
    }
  }

  /** One entry of a state's Retry list. */
  public record RetryRule(String id, String stateId, int index, List<String> errorEquals) {}

  public static final String START_ID = "(start)";
  public static final String END_ID = "(end)";

  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final List<Edge> edges = new ArrayList<>();
  private final List<RetryRule> retries = new ArrayList<>();
  private final Map<String, State> statesById = new LinkedHashMap<>();

  private MachineGraph() {}

  /** The graph of {@code model}. */
  public static MachineGraph of(StateMachineModel model) {
    MachineGraph graph = new MachineGraph();
    graph.nodes.put(START_ID, new Node(START_ID, "Start", NodeKind.START, null, null));
    graph.addBranch(model.root(), "", null, true);
    graph.nodes.put(END_ID, new Node(END_ID, "End", NodeKind.END, null, null));
    return graph;
  }

  /** The id of state {@code name} in the scope whose prefix is {@code scope} ("" at top level). */
  public static String stateId(String scope, String name) {
    return scope + name;
  }

  /** The scope prefix of the states of branch {@code index} of container state {@code stateId}. */
  public static String branchScope(String stateId, int index) {
    return stateId + "/" + index + "/";
  }

  private void addBranch(Branch branch, String scope, String parent, boolean top) {
    for (State state : branch.states().values()) {
      String id = stateId(scope, state.name());
      nodes.put(id, new Node(id, state.name(), NodeKind.STATE, state.type(), parent));
      statesById.put(id, state);
      if (state instanceof State.Parallel parallel) {
        for (int i = 0; i < parallel.branches().size(); i++) {
          addContainer(parallel.branches().get(i), id, i, "Branch " + (i + 1));
        }
      } else if (state instanceof State.Map map && map.processor() != null) {
        addContainer(map.processor(), id, 0, map.distributed() ? "Item processor (distributed)" : "Iterator");
      }
    }
    if (top) {
      addEdge(START_ID, stateId(scope, branch.startAt()), EdgeKind.START, -1, null);
    }
    for (State state : branch.states().values()) {
      String from = stateId(scope, state.name());
      State.Common c = state.common();
      if (state instanceof State.Choice choice) {
        for (int i = 0; i < choice.choices().size(); i++) {
          addEdge(from, stateId(scope, choice.choices().get(i).next()), EdgeKind.CHOICE_RULE, i, "Rule #" + (i + 1));
        }
        if (choice.defaultNext() != null) {
          addEdge(from, stateId(scope, choice.defaultNext()), EdgeKind.DEFAULT, -1, "Default");
        }
      } else if (c.next() != null) {
        addEdge(from, stateId(scope, c.next()), EdgeKind.NEXT, -1, null);
      } else if (top && (c.end() || state.type() == StateType.SUCCEED || state.type() == StateType.FAIL)) {
        addEdge(from, END_ID, EdgeKind.END, -1, null);
      }
      List<Catcher> catchers = c.catchers() == null ? List.of() : c.catchers();
      for (int i = 0; i < catchers.size(); i++) {
        Catcher catcher = catchers.get(i);
        addEdge(from, stateId(scope, catcher.next()), EdgeKind.CATCH, i, "Catch " + String.join(", ", catcher.errorEquals()));
      }
      List<Retrier> retriers = c.retriers() == null ? List.of() : c.retriers();
      for (int i = 0; i < retriers.size(); i++) {
        retries.add(new RetryRule(retryId(from, i), from, i, List.copyOf(retriers.get(i).errorEquals())));
      }
    }
  }

  private void addContainer(Branch branch, String stateId, int index, String label) {
    String scope = branchScope(stateId, index);
    String branchId = scope.substring(0, scope.length() - 1);
    nodes.put(branchId, new Node(branchId, label, NodeKind.BRANCH, null, stateId));
    addBranch(branch, scope, branchId, false);
    // Inside a branch the console draws no markers; the first state is where the branch starts.
  }

  private void addEdge(String from, String to, EdgeKind kind, int index, String label) {
    String id = edgeId(from, to, kind, index);
    edges.add(new Edge(id, from, to, kind, index, label));
  }

  /** The id of a transition (stable across runs, so hits from several JVMs merge). */
  public static String edgeId(String from, String to, EdgeKind kind, int index) {
    return from + " -> " + to + " [" + kind.name().toLowerCase(java.util.Locale.ROOT) + (index >= 0 ? " " + index : "") + "]";
  }

  public static String retryId(String stateId, int index) {
    return stateId + " [retry " + index + "]";
  }

  public List<Node> nodes() {
    return List.copyOf(nodes.values());
  }

  public Optional<Node> node(String id) {
    return Optional.ofNullable(nodes.get(id));
  }

  /** The parsed state of node {@code id}, if it is a state. */
  public Optional<State> state(String id) {
    return Optional.ofNullable(statesById.get(id));
  }

  /** The state nodes (what "states covered" counts). */
  public List<Node> states() {
    return nodes.values().stream().filter(Node::isState).toList();
  }

  public List<Edge> edges() {
    return Collections.unmodifiableList(edges);
  }

  public List<RetryRule> retries() {
    return Collections.unmodifiableList(retries);
  }

  /** The nodes whose parent is {@code parent} (null: top level). */
  public List<Node> children(String parent) {
    List<Node> result = new ArrayList<>();
    for (Node node : nodes.values()) {
      if (java.util.Objects.equals(node.parent(), parent)) {
        result.add(node);
      }
    }
    return result;
  }
}

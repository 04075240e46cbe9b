package io.github.sfntest.internal.coverage;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.internal.asl.Definitions;
import io.github.sfntest.internal.graph.MachineGraph;
import io.github.sfntest.internal.graph.MachineGraph.Edge;
import io.github.sfntest.internal.graph.MachineGraph.EdgeKind;
import io.github.sfntest.internal.graph.MachineGraph.Node;
import io.github.sfntest.internal.graph.MachineGraph.RetryRule;
import io.github.sfntest.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The coverage numbers of one state machine version, computed from its graph and its hits. */
public final class MachineReport {

  /** Covered of total, as a ratio and a percentage (100 when there is nothing to cover). */
  public record Ratio(int covered, int total) {
    public double percent() {
      return total == 0 ? 100.0 : 100.0 * covered / total;
    }

    Ratio plus(Ratio other) {
      return new Ratio(covered + other.covered, total + other.total);
    }

    ObjectNode toJson() {
      ObjectNode node = Json.NODES.objectNode();
      node.put("covered", covered);
      node.put("total", total);
      node.put("percent", Math.round(percent() * 10) / 10.0);
      return node;
    }
  }

  private final CoverageData.Machine machine;
  private final MachineGraph graph;
  private final Map<String, Set<String>> hits;

  public MachineReport(CoverageData.Machine machine) {
    this.machine = machine;
    StateMachineDefinition definition = StateMachineDefinition.of(machine.name(), Json.write(machine.definition()));
    this.graph = MachineGraph.of(Definitions.model(definition));
    this.hits = machine.hits();
  }

  public String name() {
    return machine.name();
  }

  public String hash() {
    return machine.hash();
  }

  public CoverageData.Machine machine() {
    return machine;
  }

  public MachineGraph graph() {
    return graph;
  }

  /** The file name of this machine's page. */
  public String page() {
    return machine.name().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + machine.hash() + ".html";
  }

  public Set<String> testsOfState(String nodeId) {
    return hits.getOrDefault(CoverageCollector.stateItem(nodeId), Set.of());
  }

  public Set<String> testsOfEdge(String edgeId) {
    return hits.getOrDefault(CoverageCollector.edgeItem(edgeId), Set.of());
  }

  public Set<String> testsOfRetry(String retryId) {
    return hits.getOrDefault(CoverageCollector.retryItem(retryId), Set.of());
  }

  public boolean covered(Node node) {
    return !testsOfState(node.id()).isEmpty();
  }

  public boolean covered(Edge edge) {
    return !testsOfEdge(edge.id()).isEmpty();
  }

  public boolean covered(RetryRule rule) {
    return !testsOfRetry(rule.id()).isEmpty();
  }

  public Ratio states() {
    List<Node> states = graph.states();
    return new Ratio((int) states.stream().filter(this::covered).count(), states.size());
  }

  /** Every transition but the Start arrow (taken by every execution). */
  public List<Edge> transitionEdges() {
    return graph.edges().stream().filter(e -> e.kind() != EdgeKind.START).toList();
  }

  public Ratio transitions() {
    List<Edge> edges = transitionEdges();
    return new Ratio((int) edges.stream().filter(this::covered).count(), edges.size());
  }

  /** Catch rules taken and Retry rules fired. */
  public Ratio errorPaths() {
    List<Edge> catches = graph.edges().stream().filter(Edge::isErrorPath).toList();
    int covered = (int) catches.stream().filter(this::covered).count()
        + (int) graph.retries().stream().filter(this::covered).count();
    return new Ratio(covered, catches.size() + graph.retries().size());
  }

  /** What is not covered, one line each, for gate messages. */
  public List<String> uncovered() {
    List<String> lines = new ArrayList<>();
    for (Node node : graph.states()) {
      if (!covered(node)) {
        lines.add("state " + node.id());
      }
    }
    for (Edge edge : transitionEdges()) {
      if (!covered(edge)) {
        lines.add("transition " + describe(edge));
      }
    }
    for (RetryRule rule : graph.retries()) {
      if (!covered(rule)) {
        lines.add("retry rule #" + (rule.index() + 1) + " " + rule.errorEquals() + " of " + rule.stateId());
      }
    }
    return lines;
  }

  public static String describe(Edge edge) {
    String to = edge.to().equals(MachineGraph.END_ID) ? "End" : edge.to();
    return edge.from() + " \u2192 " + to + (edge.label() == null ? "" : " (" + edge.label() + ")");
  }

  /** This machine's entry of coverage.json. */
  public ObjectNode toJson() {
    ObjectNode node = Json.NODES.objectNode();
    node.put("name", name());
    node.put("hash", hash());
    node.put("page", page());
    node.put("executions", machine.executions());
    ArrayNode tests = node.putArray("tests");
    machine.tests().forEach(tests::add);
    node.set("states", states().toJson());
    node.set("transitions", transitions().toJson());
    node.set("errorPaths", errorPaths().toJson());
    ArrayNode stateItems = node.putArray("stateItems");
    for (Node state : graph.states()) {
      ObjectNode item = stateItems.addObject();
      item.put("id", state.id());
      item.put("name", state.name());
      item.put("type", state.type().aslName());
      item.put("covered", covered(state));
      ArrayNode t = item.putArray("tests");
      testsOfState(state.id()).forEach(t::add);
    }
    ArrayNode edgeItems = node.putArray("transitionItems");
    for (Edge edge : transitionEdges()) {
      ObjectNode item = edgeItems.addObject();
      item.put("id", edge.id());
      item.put("from", edge.from());
      item.put("to", edge.to());
      item.put("kind", edge.kind().name());
      if (edge.label() != null) {
        item.put("label", edge.label());
      }
      item.put("covered", covered(edge));
      ArrayNode t = item.putArray("tests");
      testsOfEdge(edge.id()).forEach(t::add);
    }
    ArrayNode retryItems = node.putArray("retryItems");
    for (RetryRule rule : graph.retries()) {
      ObjectNode item = retryItems.addObject();
      item.put("id", rule.id());
      item.put("state", rule.stateId());
      item.put("index", rule.index());
      ArrayNode errors = item.putArray("errorEquals");
      rule.errorEquals().forEach(errors::add);
      item.put("covered", covered(rule));
      ArrayNode t = item.putArray("tests");
      testsOfRetry(rule.id()).forEach(t::add);
    }
    return node;
  }
}

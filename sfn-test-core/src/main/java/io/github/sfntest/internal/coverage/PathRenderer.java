package io.github.sfntest.internal.coverage;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.MapRunResult;
import io.github.sfntest.history.ExecutionHistory;
import java.util.List;
import io.github.sfntest.history.StateVisit;
import io.github.sfntest.internal.asl.Definitions;
import io.github.sfntest.internal.graph.GraphLayout;
import io.github.sfntest.internal.graph.MachineGraph;
import io.github.sfntest.internal.graph.MachineGraph.Edge;
import io.github.sfntest.internal.graph.MachineGraph.EdgeKind;
import io.github.sfntest.internal.graph.MachineGraph.Node;
import io.github.sfntest.internal.graph.SvgGraph;
import java.util.HashSet;
import java.util.Set;

/** The SVG of a machine, and with an execution, the path it took: its states and transitions in blue, an uncaught failure in red. */
public final class PathRenderer {

  private PathRenderer() {}

  public static String svg(StateMachineDefinition definition, ExecutionResult result) {
    return result == null ? svg(definition, null, List.of()) : svg(definition, result.history(), result.mapRuns());
  }

  /** The SVG with the path of {@code history} (null: the plain graph). */
  public static String svg(StateMachineDefinition definition, ExecutionHistory history, List<MapRunResult> mapRuns) {
    MachineGraph graph = MachineGraph.of(Definitions.model(definition));
    SvgGraph.Styles styles = SvgGraph.Styles.PLAIN;
    if (history != null) {
      Set<String> items = CoverageCollector.collect(graph, history, mapRuns);
      Set<String> failedNames = new HashSet<>();
      for (StateVisit visit : history.stateVisits()) {
        if (visit.failed() && visit.caughtBy().isEmpty() && visit.children().stream().noneMatch(StateVisit::failed)) {
          failedNames.add(visit.name());
        }
      }
      styles = new SvgGraph.Styles() {
        @Override
        public String nodeClass(Node node) {
          if (!items.contains(CoverageCollector.stateItem(node.id()))) {
            return "off";
          }
          return failedNames.contains(node.name()) ? "failed" : "path";
        }

        @Override
        public String edgeClass(Edge edge) {
          boolean taken = edge.kind() == EdgeKind.START
              ? !history.stateVisits().isEmpty()
              : items.contains(CoverageCollector.edgeItem(edge.id()));
          return taken ? "path" : "off";
        }
      };
    }
    return SvgGraph.render(graph, GraphLayout.layout(graph), styles);
  }
}

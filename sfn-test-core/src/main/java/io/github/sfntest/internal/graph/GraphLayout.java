package io.github.sfntest.internal.graph;

import io.github.sfntest.internal.graph.MachineGraph.Edge;
import io.github.sfntest.internal.graph.MachineGraph.Node;
import io.github.sfntest.internal.graph.MachineGraph.NodeKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.options.SizeConstraint;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays out a {@link MachineGraph} top to bottom with Eclipse ELK's layered algorithm, the layout
 * family the AWS console's graph resembles: containers (Parallel branches, Map processors) are laid
 * out first and sized to fit, then placed as boxes in the enclosing graph; edges are routed
 * orthogonally. Coordinates in the result are absolute.
 */
public final class GraphLayout {

  /** Font metrics of the SVG's sans-serif 12px text, close enough to size boxes and labels. */
  static final double CHAR_WIDTH = 7.0;

  static final double STATE_HEIGHT = 46;
  static final double MARKER_WIDTH = 70;
  static final double MARKER_HEIGHT = 30;
  static final double CONTAINER_TITLE = 34;

  /** A laid-out box. */
  public record Box(double x, double y, double width, double height) {}

  /** A laid-out edge: its polyline and, if it has one, the box of its label. */
  public record Route(List<double[]> points, Box label) {}

  /** The laid-out graph: a box per node id, a route per edge id, and the total size. */
  public record Layout(Map<String, Box> boxes, Map<String, Route> routes, double width, double height) {}

  static {
    // Outside Eclipse the algorithms are found by ServiceLoader; registering again is harmless and explicit.
    LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
  }

  private GraphLayout() {}

  public static Layout layout(MachineGraph graph) {
    ElkNode root = ElkGraphUtil.createGraph();
    configure(root, new ElkPadding(20));
    Map<String, ElkNode> elkNodes = new LinkedHashMap<>();
    addChildren(graph, null, root, elkNodes);
    Map<String, ElkEdge> elkEdges = new LinkedHashMap<>();
    for (Edge edge : graph.edges()) {
      ElkNode from = elkNodes.get(edge.from());
      ElkNode to = elkNodes.get(edge.to());
      if (from == null || to == null) {
        continue; // a Next to a missing state: the validator reports it; draw what exists
      }
      ElkEdge elkEdge = ElkGraphUtil.createSimpleEdge(from, to);
      ElkGraphUtil.updateContainment(elkEdge);
      if (edge.label() != null) {
        ElkLabel label = ElkGraphUtil.createLabel(edge.label(), elkEdge);
        label.setDimensions(textWidth(edge.label()) + 8, 16);
        label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
      }
      elkEdges.put(edge.id(), elkEdge);
    }
    new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

    Map<String, Box> boxes = new LinkedHashMap<>();
    Map<ElkNode, double[]> origins = new HashMap<>();
    for (Map.Entry<String, ElkNode> entry : elkNodes.entrySet()) {
      ElkNode node = entry.getValue();
      double[] origin = origin(node.getParent(), origins);
      boxes.put(entry.getKey(), new Box(origin[0] + node.getX(), origin[1] + node.getY(), node.getWidth(), node.getHeight()));
    }
    Map<String, Route> routes = new LinkedHashMap<>();
    for (Map.Entry<String, ElkEdge> entry : elkEdges.entrySet()) {
      ElkEdge edge = entry.getValue();
      double[] origin = origin(edge.getContainingNode(), origins);
      List<double[]> points = new ArrayList<>();
      for (ElkEdgeSection section : edge.getSections()) {
        points.add(new double[] {origin[0] + section.getStartX(), origin[1] + section.getStartY()});
        section.getBendPoints().forEach(p -> points.add(new double[] {origin[0] + p.getX(), origin[1] + p.getY()}));
        points.add(new double[] {origin[0] + section.getEndX(), origin[1] + section.getEndY()});
      }
      Box label = null;
      if (!edge.getLabels().isEmpty()) {
        ElkLabel l = edge.getLabels().get(0);
        label = new Box(origin[0] + l.getX(), origin[1] + l.getY(), l.getWidth(), l.getHeight());
      }
      routes.put(entry.getKey(), new Route(points, label));
    }
    return new Layout(boxes, routes, root.getWidth(), root.getHeight());
  }

  private static void configure(ElkNode graph, ElkPadding padding) {
    graph.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
    graph.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
    graph.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
    graph.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.SEPARATE_CHILDREN);
    graph.setProperty(CoreOptions.PADDING, padding);
    graph.setProperty(CoreOptions.SPACING_NODE_NODE, 30.0);
    graph.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 36.0);
    graph.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 14.0);
    graph.setProperty(CoreOptions.SPACING_EDGE_LABEL, 4.0);
    // Keep the definition's order where the layout allows it: reads like the definition.
    graph.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY,
        org.eclipse.elk.alg.layered.options.OrderingStrategy.NODES_AND_EDGES);
  }

  private static void addChildren(MachineGraph graph, String parent, ElkNode elkParent, Map<String, ElkNode> elkNodes) {
    for (Node node : graph.children(parent)) {
      ElkNode elkNode = ElkGraphUtil.createNode(elkParent);
      elkNodes.put(node.id(), elkNode);
      if (node.kind() == NodeKind.BRANCH) {
        elkNode.setProperty(CoreOptions.ALIGNMENT, org.eclipse.elk.core.options.Alignment.TOP);
      }
      List<Node> inner = graph.children(node.id());
      if (!inner.isEmpty()) {
        boolean branch = node.kind() == NodeKind.BRANCH;
        configure(elkNode, branch ? new ElkPadding(CONTAINER_TITLE - 8, 14, 14, 14) : new ElkPadding(CONTAINER_TITLE, 14, 14, 14));
        if (!branch) {
          // Branches of a Parallel side by side in one layer, as the console draws them.
          elkNode.setProperty(CoreOptions.SEPARATE_CONNECTED_COMPONENTS, false);
          elkNode.setProperty(CoreOptions.SPACING_NODE_NODE, 24.0);
        }
        addChildren(graph, node.id(), elkNode, elkNodes);
        // The layout sizes a container to its content; the title (and type) must fit too.
        double minWidth = textWidth(node.name()) + (branch ? 0 : textWidth(typeLabel(node))) + 40;
        elkNode.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, java.util.EnumSet.of(SizeConstraint.MINIMUM_SIZE));
        elkNode.setProperty(CoreOptions.NODE_SIZE_MINIMUM, new KVector(minWidth, CONTAINER_TITLE + 20));
        elkNode.setDimensions(minWidth, CONTAINER_TITLE + 20);
      } else if (node.kind() == NodeKind.START || node.kind() == NodeKind.END) {
        elkNode.setDimensions(MARKER_WIDTH, MARKER_HEIGHT);
      } else {
        double width = Math.max(textWidth(node.name()), textWidth(typeLabel(node)) * 0.85) + 32;
        elkNode.setDimensions(Math.max(130, width), STATE_HEIGHT);
      }
    }
  }

  private static double[] origin(ElkNode node, Map<ElkNode, double[]> cache) {
    if (node == null) {
      return new double[] {0, 0};
    }
    double[] known = cache.get(node);
    if (known != null) {
      return known;
    }
    double[] parent = origin(node.getParent(), cache);
    double[] origin = {parent[0] + node.getX(), parent[1] + node.getY()};
    cache.put(node, origin);
    return origin;
  }

  static double textWidth(String text) {
    return text == null ? 0 : text.length() * CHAR_WIDTH;
  }

  /** The small second line of a state box: its type, as the console shows it. */
  static String typeLabel(Node node) {
    return node.type() == null ? "" : node.type().aslName() + " state";
  }
}

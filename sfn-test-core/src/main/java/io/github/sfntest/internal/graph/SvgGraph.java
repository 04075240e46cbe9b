package io.github.sfntest.internal.graph;

import io.github.sfntest.internal.graph.GraphLayout.Box;
import io.github.sfntest.internal.graph.GraphLayout.Layout;
import io.github.sfntest.internal.graph.GraphLayout.Route;
import io.github.sfntest.internal.graph.MachineGraph.Edge;
import io.github.sfntest.internal.graph.MachineGraph.Node;
import io.github.sfntest.internal.graph.MachineGraph.NodeKind;
import java.util.List;
import java.util.Locale;

/**
 * Writes a laid-out {@link MachineGraph} as a self-contained SVG: no fonts, scripts or images from
 * elsewhere. Every state is a {@code <g class="node ..." data-id="...">} and every transition a
 * {@code <g class="edge ..." data-id="...">}, so pages and tests can find them; the extra classes
 * (from {@link Styles}) colour them.
 */
public final class SvgGraph {

  /** How to mark each node and edge: extra CSS classes and a tooltip. */
  public interface Styles {
    String nodeClass(Node node);

    String edgeClass(Edge edge);

    default String nodeTooltip(Node node) {
      return null;
    }

    /** Plain drawing: no colouring. */
    Styles PLAIN = new Styles() {
      @Override
      public String nodeClass(Node node) {
        return "";
      }

      @Override
      public String edgeClass(Edge edge) {
        return "";
      }
    };
  }

  /** The style sheet the SVG carries inside (covered/uncovered/path colours). */
  public static final String CSS = String.join("\n",
      ".sfn-graph text{font-family:Helvetica,Arial,sans-serif;font-size:12px;fill:#16191f}",
      ".sfn-graph .node rect{fill:#fff;stroke:#7d8998;stroke-width:1.2}",
      ".sfn-graph .node .type{font-size:10px;fill:#5f6b7a}",
      ".sfn-graph .marker rect{fill:#e9ebed;stroke:#7d8998}",
      ".sfn-graph .container>rect{fill:#fafafa;stroke:#7d8998;stroke-dasharray:5 3}",
      ".sfn-graph .branch>rect{fill:#fff;stroke:#c6c6cd;stroke-dasharray:3 3}",
      ".sfn-graph .container>text.title,.sfn-graph .branch>text.title{font-weight:bold}",
      ".sfn-graph .edge path{fill:none;stroke:#7d8998;stroke-width:1.3}",
      ".sfn-graph .edge polygon{fill:#7d8998}",
      ".sfn-graph .edge .label rect{fill:#fff;stroke:none}",
      ".sfn-graph .edge .label text{font-size:11px;fill:#414d5c}",
      ".sfn-graph .edge.error path{stroke-dasharray:6 3}",
      ".sfn-graph .node.covered>rect{fill:#e8f5e9;stroke:#1d8102;stroke-width:2}",
      ".sfn-graph .node.uncovered>rect{fill:#fdf3f1;stroke:#d13212;stroke-width:2}",
      ".sfn-graph .container.covered>rect{fill:#f4fbf4}",
      ".sfn-graph .container.uncovered>rect{fill:#fdf3f1}",
      ".sfn-graph .edge.covered path{stroke:#1d8102;stroke-width:2}",
      ".sfn-graph .edge.covered polygon{fill:#1d8102}",
      ".sfn-graph .edge.uncovered path{stroke:#d13212;stroke-width:1.5}",
      ".sfn-graph .edge.uncovered polygon{fill:#d13212}",
      ".sfn-graph .node.path>rect{fill:#e6f2ff;stroke:#0972d3;stroke-width:2.2}",
      ".sfn-graph .node.failed>rect{fill:#fdf3f1;stroke:#d13212;stroke-width:2.2}",
      ".sfn-graph .edge.path path{stroke:#0972d3;stroke-width:2.2}",
      ".sfn-graph .edge.path polygon{fill:#0972d3}",
      ".sfn-graph .edge.off path{stroke:#c6c6cd}",
      ".sfn-graph .edge.off polygon{fill:#c6c6cd}",
      ".sfn-graph .node.off>rect{stroke:#c6c6cd}",
      ".sfn-graph .node.selected>rect{stroke:#000;stroke-width:3}");

  private SvgGraph() {}

  /** The SVG of {@code graph} as laid out by {@link GraphLayout}, with its style sheet inside. */
  public static String render(MachineGraph graph, Layout layout, Styles styles) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sfn-graph\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\">\n",
        layout.width(), layout.height(), layout.width(), layout.height()));
    out.append("<style>").append(CSS).append("</style>\n");
    out.append("<defs></defs>\n");
    // Containers first (bottom), so their states and edges draw over them.
    drawNodes(graph, null, layout, styles, out);
    for (Edge edge : graph.edges()) {
      Route route = layout.routes().get(edge.id());
      if (route == null || route.points().size() < 2) {
        continue;
      }
      drawEdge(edge, route, styles, out);
    }
    out.append("</svg>\n");
    return out.toString();
  }

  private static void drawNodes(MachineGraph graph, String parent, Layout layout, Styles styles, StringBuilder out) {
    for (Node node : graph.children(parent)) {
      Box box = layout.boxes().get(node.id());
      if (box == null) {
        continue;
      }
      boolean container = !graph.children(node.id()).isEmpty();
      String kind = switch (node.kind()) {
        case START, END -> "marker";
        case BRANCH -> "branch";
        case STATE -> container ? "node container" : "node";
      };
      String extra = node.kind() == NodeKind.STATE ? styles.nodeClass(node) : "";
      out.append("<g class=\"").append(kind).append(extra.isEmpty() ? "" : " " + extra).append("\" data-id=\"")
          .append(escape(node.id())).append("\"");
      if (node.kind() == NodeKind.STATE) {
        out.append(" data-name=\"").append(escape(node.name())).append("\"");
      }
      out.append(">");
      String tooltip = node.kind() == NodeKind.STATE ? styles.nodeTooltip(node) : null;
      out.append("<title>").append(escape(node.name() + (tooltip == null ? "" : "\n" + tooltip))).append("</title>");
      double radius = node.kind() == NodeKind.START || node.kind() == NodeKind.END ? box.height() / 2 : 6;
      out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"%.1f\"/>",
          box.x(), box.y(), box.width(), box.height(), radius));
      if (container || node.kind() == NodeKind.BRANCH) {
        out.append(text(box.x() + 10, box.y() + 18, node.name(), "title", false));
        if (node.kind() == NodeKind.STATE) {
          out.append(text(box.x() + 12 + GraphLayout.textWidth(node.name()), box.y() + 18,
              node.type().aslName(), "type", false));
        }
      } else if (node.kind() == NodeKind.STATE) {
        out.append(text(box.x() + box.width() / 2, box.y() + 20, node.name(), "name", true));
        out.append(text(box.x() + box.width() / 2, box.y() + 36, GraphLayout.typeLabel(node), "type", true));
      } else {
        out.append(text(box.x() + box.width() / 2, box.y() + box.height() / 2 + 4, node.name(), "name", true));
      }
      out.append("</g>\n");
      if (container) {
        drawNodes(graph, node.id(), layout, styles, out);
      }
    }
  }

  private static void drawEdge(Edge edge, Route route, Styles styles, StringBuilder out) {
    String extra = styles.edgeClass(edge);
    out.append("<g class=\"edge").append(edge.isErrorPath() ? " error" : "").append(extra.isEmpty() ? "" : " " + extra)
        .append("\" data-id=\"").append(escape(edge.id())).append("\" data-from=\"").append(escape(edge.from()))
        .append("\" data-to=\"").append(escape(edge.to())).append("\">");
    out.append("<title>").append(escape(edge.label() != null ? edge.label() : edge.from() + " \u2192 " + edge.to()))
        .append("</title>");
    List<double[]> points = route.points();
    StringBuilder d = new StringBuilder();
    for (int i = 0; i < points.size(); i++) {
      double[] p = points.get(i);
      d.append(i == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", p[0], p[1]));
    }
    out.append("<path d=\"").append(d).append("\"/>");
    double[] end = points.get(points.size() - 1);
    double[] before = points.get(points.size() - 2);
    out.append(arrowHead(before, end));
    if (route.label() != null && edge.label() != null) {
      Box l = route.label();
      out.append("<g class=\"label\">");
      out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"3\"/>",
          l.x(), l.y(), l.width(), l.height()));
      out.append(text(l.x() + l.width() / 2, l.y() + l.height() - 4, edge.label(), null, true));
      out.append("</g>");
    }
    out.append("</g>\n");
  }

  private static String arrowHead(double[] from, double[] to) {
    double dx = to[0] - from[0];
    double dy = to[1] - from[1];
    double length = Math.max(1e-6, Math.hypot(dx, dy));
    double ux = dx / length;
    double uy = dy / length;
    double size = 8;
    double bx = to[0] - ux * size;
    double by = to[1] - uy * size;
    return String.format(Locale.ROOT, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\"/>",
        to[0], to[1], bx - uy * size / 2, by + ux * size / 2, bx + uy * size / 2, by - ux * size / 2);
  }

  private static String text(double x, double y, String text, String cssClass, boolean centered) {
    return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\"%s%s>%s</text>", x, y,
        cssClass == null ? "" : " class=\"" + cssClass + "\"", centered ? " text-anchor=\"middle\"" : "", escape(text));
  }

  /** XML-escapes text for element content and attribute values. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
      }
    }
    return out.toString();
  }
}

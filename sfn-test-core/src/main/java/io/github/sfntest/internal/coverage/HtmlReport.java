package io.github.sfntest.internal.coverage;

import static io.github.sfntest.internal.graph.SvgGraph.escape;

import io.github.sfntest.internal.coverage.MachineReport.Ratio;
import io.github.sfntest.internal.graph.GraphLayout;
import io.github.sfntest.internal.graph.MachineGraph.Edge;
import io.github.sfntest.internal.graph.MachineGraph.Node;
import io.github.sfntest.internal.graph.MachineGraph.RetryRule;
import io.github.sfntest.internal.graph.SvgGraph;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The HTML pages of the report: an overview and one page per machine with its graph. Everything is
 * inline (CSS, SVG, a few lines of script), so the pages open from the file system without network.
 */
final class HtmlReport {

  private static final String CSS = String.join("\n",
      "body{font-family:Helvetica,Arial,sans-serif;margin:24px;color:#16191f}",
      "h1{font-size:22px}h2{font-size:17px;margin-top:28px}",
      "table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #d1d5db;padding:4px 10px;text-align:left;"
          + "vertical-align:top;font-size:13px}th{background:#f2f3f3}",
      "td.num{text-align:right;white-space:nowrap}",
      ".bar{display:inline-block;width:70px;height:9px;background:#fdf3f1;border:1px solid #d13212;margin-right:6px}",
      ".bar span{display:block;height:100%;background:#1d8102}",
      ".ok{color:#1d8102}.missed{color:#d13212}",
      ".layout{display:flex;gap:24px;align-items:flex-start}",
      ".graph{border:1px solid #d1d5db;padding:8px;overflow:auto;max-width:72vw;background:#fff}",
      ".panel{min-width:260px;max-width:380px;font-size:13px}",
      ".legend span{display:inline-block;padding:2px 8px;margin-right:6px;border:2px solid}",
      ".node{cursor:pointer}",
      "details{font-size:13px}code{font-size:12px}");

  private HtmlReport() {}

  static String index(List<MachineReport> machines) {
    StringBuilder out = page("sfn-test coverage");
    out.append("<h1>State machine coverage</h1>\n");
    Ratio states = new Ratio(0, 0);
    Ratio transitions = new Ratio(0, 0);
    Ratio errors = new Ratio(0, 0);
    for (MachineReport m : machines) {
      states = states.plus(m.states());
      transitions = transitions.plus(m.transitions());
      errors = errors.plus(m.errorPaths());
    }
    out.append("<p>").append(machines.size()).append(" state machine version(s). States are covered when an execution"
        + " entered them; transitions when one was taken (each Choice rule, Default and Catch rule on its own); error"
        + " paths are Catch rules taken and Retry rules fired.</p>\n");
    out.append("<table id=\"overview\"><tr><th>State machine</th><th>Version</th><th>States</th><th>Transitions</th>"
        + "<th>Error paths</th><th>Executions</th><th>Tests that touched it</th></tr>\n");
    for (MachineReport m : machines) {
      out.append("<tr data-machine=\"").append(escape(m.name())).append("\"><td><a href=\"").append(escape(m.page()))
          .append("\">").append(escape(m.name())).append("</a></td><td><code>").append(m.hash()).append("</code></td>");
      out.append(ratioCell(m.states(), "states")).append(ratioCell(m.transitions(), "transitions"))
          .append(ratioCell(m.errorPaths(), "errors"));
      out.append("<td class=\"num\">").append(m.machine().executions()).append("</td><td>");
      Set<String> tests = m.machine().tests();
      out.append("<details><summary>").append(tests.size()).append(" test(s)</summary>");
      tests.forEach(t -> out.append(escape(t)).append("<br>"));
      out.append("</details></td></tr>\n");
    }
    out.append("<tr><th>All</th><th></th>").append(ratioCell(states, "states")).append(ratioCell(transitions, "transitions"))
        .append(ratioCell(errors, "errors")).append("<th></th><th></th></tr>\n");
    out.append("</table>\n<p>Machine-readable: <a href=\"coverage.json\">coverage.json</a>.</p>\n");
    return out.append("</body></html>\n").toString();
  }

  static String machinePage(MachineReport m) {
    StringBuilder out = page(m.name() + " coverage");
    out.append("<p><a href=\"index.html\">\u2190 all state machines</a></p>\n");
    out.append("<h1>").append(escape(m.name())).append(" <small><code>").append(m.hash()).append("</code></small></h1>\n");
    out.append("<table id=\"summary\"><tr><th>States</th><th>Transitions</th><th>Error paths</th><th>Executions</th></tr><tr>")
        .append(ratioCell(m.states(), "states")).append(ratioCell(m.transitions(), "transitions"))
        .append(ratioCell(m.errorPaths(), "errors")).append("<td class=\"num\">").append(m.machine().executions())
        .append("</td></tr></table>\n");
    out.append("<p class=\"legend\"><span style=\"border-color:#1d8102;background:#e8f5e9\">covered</span>"
        + "<span style=\"border-color:#d13212;background:#fdf3f1\">not covered</span> dashed arrows: Catch rules. "
        + "Click a state to see the tests that reached it.</p>\n");
    String svg = SvgGraph.render(m.graph(), GraphLayout.layout(m.graph()), new CoverageStyles(m));
    out.append("<div class=\"layout\"><div class=\"graph\">").append(svg).append("</div>\n");
    out.append("<div class=\"panel\" id=\"panel\"><h2 id=\"panel-title\">Tests per state</h2><div id=\"panel-body\">"
        + "Click a state in the graph.</div></div></div>\n");

    out.append("<h2>States</h2>\n<table id=\"states\"><tr><th>State</th><th>Type</th><th>Covered</th><th>Tests that reached it</th></tr>\n");
    for (Node state : m.graph().states()) {
      Set<String> tests = m.testsOfState(state.id());
      out.append("<tr data-id=\"").append(escape(state.id())).append("\"><td>").append(escape(state.id())).append("</td><td>")
          .append(state.type().aslName()).append("</td>").append(yesNo(!tests.isEmpty())).append("<td>");
      tests.forEach(t -> out.append(escape(t)).append("<br>"));
      out.append("</td></tr>\n");
    }
    out.append("</table>\n<h2>Transitions</h2>\n<table id=\"transitions\"><tr><th>Transition</th><th>Covered</th><th>Tests</th></tr>\n");
    for (Edge edge : m.transitionEdges()) {
      Set<String> tests = m.testsOfEdge(edge.id());
      out.append("<tr data-id=\"").append(escape(edge.id())).append("\"><td>").append(escape(MachineReport.describe(edge)))
          .append("</td>").append(yesNo(!tests.isEmpty())).append("<td>").append(tests.size()).append("</td></tr>\n");
    }
    out.append("</table>\n<h2>Retry rules</h2>\n");
    if (m.graph().retries().isEmpty()) {
      out.append("<p>None.</p>\n");
    } else {
      out.append("<table id=\"retries\"><tr><th>State</th><th>Rule</th><th>Fired</th><th>Tests</th></tr>\n");
      for (RetryRule rule : m.graph().retries()) {
        Set<String> tests = m.testsOfRetry(rule.id());
        out.append("<tr data-id=\"").append(escape(rule.id())).append("\"><td>").append(escape(rule.stateId()))
            .append("</td><td>#").append(rule.index() + 1).append(' ').append(escape(String.join(", ", rule.errorEquals())))
            .append("</td>").append(yesNo(!tests.isEmpty())).append("<td>");
        tests.forEach(t -> out.append(escape(t)).append("<br>"));
        out.append("</td></tr>\n");
      }
      out.append("</table>\n");
    }
    out.append(SCRIPT);
    return out.append("</body></html>\n").toString();
  }

  /** Shows the tests of a clicked state (from the States table) in the side panel. */
  private static final String SCRIPT = String.join("\n",
      "<script>",
      "(function(){",
      "  var rows={};document.querySelectorAll('#states tr[data-id]').forEach(function(r){rows[r.dataset.id]=r;});",
      "  document.querySelectorAll('.sfn-graph .node').forEach(function(n){",
      "    n.addEventListener('click',function(ev){ev.stopPropagation();",
      "      document.querySelectorAll('.sfn-graph .selected').forEach(function(s){s.classList.remove('selected');});",
      "      n.classList.add('selected');var r=rows[n.dataset.id];",
      "      document.getElementById('panel-title').textContent=n.dataset.id;",
      "      var tests=r?r.cells[3].innerHTML:'';",
      "      document.getElementById('panel-body').innerHTML=tests?'<b>Reached by:</b><br>'+tests:'<span class=\"missed\">No test reached this state.</span>';",
      "    });",
      "  });",
      "})();",
      "</script>\n");

  private static StringBuilder page(String title) {
    StringBuilder out = new StringBuilder(8192);
    out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
        .append("</title><style>").append(CSS).append("</style></head><body>\n");
    return out;
  }

  private static String ratioCell(Ratio ratio, String metric) {
    return String.format(Locale.ROOT,
        "<td class=\"num\" data-metric=\"%s\" data-covered=\"%d\" data-total=\"%d\"><span class=\"bar\"><span style=\"width:%.0f%%\">"
            + "</span></span>%.1f%% (%d/%d)</td>",
        metric, ratio.covered(), ratio.total(), ratio.percent(), ratio.percent(), ratio.covered(), ratio.total());
  }

  private static String yesNo(boolean covered) {
    return covered ? "<td class=\"ok\">yes</td>" : "<td class=\"missed\">no</td>";
  }

  /** Colours covered states and edges green, the others red, and lists the tests in tooltips. */
  private record CoverageStyles(MachineReport m) implements SvgGraph.Styles {
    @Override
    public String nodeClass(Node node) {
      return m.covered(node) ? "covered" : "uncovered";
    }

    @Override
    public String edgeClass(Edge edge) {
      if (edge.kind() == io.github.sfntest.internal.graph.MachineGraph.EdgeKind.START) {
        return m.machine().executions() > 0 ? "covered" : "uncovered";
      }
      return m.covered(edge) ? "covered" : "uncovered";
    }

    @Override
    public String nodeTooltip(Node node) {
      Set<String> tests = m.testsOfState(node.id());
      return tests.isEmpty() ? "not reached by any test" : "reached by " + tests.size() + " test(s)";
    }
  }
}

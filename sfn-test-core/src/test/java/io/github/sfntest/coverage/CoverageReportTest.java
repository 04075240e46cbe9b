package io.github.sfntest.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.asl.Definitions;
import io.github.sfntest.internal.coverage.CoverageCollector;
import io.github.sfntest.internal.coverage.CoverageData;
import io.github.sfntest.internal.coverage.CoverageReportWriter;
import io.github.sfntest.internal.graph.MachineGraph;
import io.github.sfntest.internal.json.Json;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class CoverageReportTest {

  @TempDir static Path dir;

  static Path report;
  static JsonNode coverageJson;
  static String machinePage;

  @BeforeAll
  static void writeReport() throws Exception {
    MachineGraph graph = MachineGraph.of(Definitions.model(CoverageFixtures.MACHINE));
    String hash = CoverageData.hash(CoverageFixtures.MACHINE);
    // Two "JVMs", each with its own raw file, as forked Surefire runs write them.
    CoverageData first = new CoverageData();
    first.add(CoverageFixtures.MACHINE, hash, CoverageCollector.collect(graph, CoverageFixtures.retriedThroughRuleTwo()),
        "RouterTest > retried()");
    CoverageData second = new CoverageData();
    second.add(CoverageFixtures.MACHINE, hash, CoverageCollector.collect(graph, CoverageFixtures.caughtFatal()),
        "RouterSpec > caught");
    Files.createDirectories(dir.resolve("in/raw"));
    Files.writeString(dir.resolve("in/raw/a.json"), Json.write(first.toJson()));
    Files.writeString(dir.resolve("in/raw/b.json"), Json.write(second.toJson()));

    report = Coverage.mergeReports(dir.resolve("out"), List.of(dir.resolve("in")), null);
    coverageJson = Json.parse(Files.readString(dir.resolve("out/coverage.json")));
    machinePage = Files.readString(dir.resolve("out").resolve(coverageJson.at("/machines/0/page").asText()));
  }

  @Test
  void coverage_json_merges_both_raw_files_with_the_tests_of_each_item() {
    JsonNode machine = coverageJson.at("/machines/0");
    assertThat(coverageJson.at("/machines").size()).isEqualTo(1);
    assertThat(machine.path("name").asText()).isEqualTo("Router");
    assertThat(machine.path("executions").asInt()).isEqualTo(2);
    // Route, Work, Done, Failed of 8 states.
    assertThat(machine.at("/states/covered").asInt()).isEqualTo(4);
    assertThat(machine.at("/states/total").asInt()).isEqualTo(8);
    Map<String, JsonNode> states = byId(machine.path("stateItems"));
    assertThat(states.get("Work").path("tests")).extracting(JsonNode::asText)
        .containsExactly("RouterSpec > caught", "RouterTest > retried()");
    assertThat(states.get("Done").path("tests")).extracting(JsonNode::asText).containsExactly("RouterTest > retried()");
    assertThat(states.get("Fan/0/Left").path("covered").asBoolean()).isFalse();
    // Error paths: catch 0 taken and retry 0 fired, of 2 catches + 2 retry rules.
    assertThat(machine.at("/errorPaths/covered").asInt()).isEqualTo(2);
    assertThat(machine.at("/errorPaths/total").asInt()).isEqualTo(4);
  }

  @Test
  void every_state_is_a_node_and_every_transition_an_edge_of_the_svg_coloured_as_coverage_json_says() throws Exception {
    Element svg = svgOf(machinePage);
    Map<String, String> nodeClasses = new HashMap<>();
    Map<String, String> edgeClasses = new HashMap<>();
    NodeList groups = svg.getElementsByTagName("g");
    for (int i = 0; i < groups.getLength(); i++) {
      Element g = (Element) groups.item(i);
      List<String> classes = List.of(g.getAttribute("class").split(" "));
      if (classes.contains("node")) {
        nodeClasses.put(g.getAttribute("data-id"), g.getAttribute("class"));
      } else if (classes.contains("edge")) {
        edgeClasses.put(g.getAttribute("data-id"), g.getAttribute("class"));
      }
    }
    JsonNode machine = coverageJson.at("/machines/0");
    Map<String, JsonNode> states = byId(machine.path("stateItems"));
    Map<String, JsonNode> transitions = byId(machine.path("transitionItems"));
    assertThat(nodeClasses.keySet()).containsExactlyInAnyOrderElementsOf(states.keySet());
    assertThat(edgeClasses.keySet()).containsAll(transitions.keySet()).hasSize(transitions.size() + 1); // + Start arrow
    states.forEach((id, item) -> assertThat(nodeClasses.get(id))
        .as(id).contains(item.path("covered").asBoolean() ? " covered" : "uncovered"));
    transitions.forEach((id, item) -> assertThat(edgeClasses.get(id))
        .as(id).endsWith(item.path("covered").asBoolean() ? " covered" : "uncovered"));
    long coveredNodes = nodeClasses.values().stream().filter(c -> c.endsWith(" covered")).count();
    assertThat(coveredNodes).isEqualTo(machine.at("/states/covered").asLong());
  }

  @Test
  void index_lists_the_machine_with_the_numbers_of_coverage_json_and_works_offline() throws Exception {
    String index = Files.readString(report);
    JsonNode machine = coverageJson.at("/machines/0");
    for (String metric : List.of("states", "transitions", "errorPaths")) {
      String cell = "data-metric=\"" + (metric.equals("errorPaths") ? "errors" : metric) + "\" data-covered=\""
          + machine.at("/" + metric + "/covered").asInt() + "\" data-total=\"" + machine.at("/" + metric + "/total").asInt() + "\"";
      assertThat(index).contains(cell);
      assertThat(machinePage).contains(cell);
    }
    assertThat(index).contains("href=\"" + machine.path("page").asText() + "\"").contains("2 test(s)");
    for (String page : List.of(index, machinePage)) {
      // The SVG namespace is a name, not a download.
      assertThat(page.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http://", "https://", "<link", "src=\"");
    }
  }

  @Test
  void machine_page_lists_per_state_the_tests_that_reached_it() {
    assertThat(machinePage).containsPattern("<tr data-id=\"Failed\"><td>Failed</td><td>Fail</td><td class=\"ok\">yes</td>"
        + "<td>RouterSpec &gt; caught<br></td>");
    assertThat(machinePage).contains("<tr data-id=\"Fan/1/Items/0/Each\"><td>Fan/1/Items/0/Each</td><td>Pass</td>"
        + "<td class=\"missed\">no</td>");
  }

  @Test
  void minimum_fails_with_the_uncovered_states_and_transitions_listed() {
    assertThatThrownBy(() -> Coverage.mergeReports(dir.resolve("gated"), List.of(dir.resolve("in")),
        "states:80,Router.transitions:70"))
        .isInstanceOf(CoverageMinimumException.class)
        .hasMessageContaining("Router (" + CoverageData.hash(CoverageFixtures.MACHINE)
            + "): states coverage 50.0% (4 of 8) is below the minimum 80.0%")
        .hasMessageContaining("state Fan/0/Left")
        .hasMessageContaining("transitions coverage")
        .hasMessageContaining("transition Route \u2192 Fan (Rule #3)");
  }

  @Test
  void minimum_met_passes_and_a_malformed_one_says_what_is_expected() {
    assertThat(Coverage.mergeReports(dir.resolve("passing"), List.of(dir.resolve("in")), "states:50,total.errors:50"))
        .exists();
    assertThatThrownBy(() -> Coverage.mergeReports(dir.resolve("bad"), List.of(dir.resolve("in")), "states=80"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Bad coverage minimum \"states=80\"")
        .hasMessageContaining("expected entries like states:80");
  }

  static Map<String, JsonNode> byId(JsonNode items) {
    Map<String, JsonNode> result = new HashMap<>();
    items.forEach(item -> result.put(item.path("id").asText(), item));
    return result;
  }

  static Element svgOf(String page) throws Exception {
    int start = page.indexOf("<svg");
    int end = page.indexOf("</svg>") + "</svg>".length();
    assertThat(start).isNotNegative();
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new InputSource(new StringReader(page.substring(start, end)))).getDocumentElement();
  }
}

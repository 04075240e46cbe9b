package io.github.sfntest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.internal.coverage.CoverageData;
import io.github.sfntest.internal.coverage.CoverageRuntime;
import io.github.sfntest.junit.examples.Examples;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The extension records every execution's coverage under the name of the test that started it. */
class CoverageAttributionTest {

  @Test
  void executions_and_their_child_executions_are_attributed_to_the_test_that_ran_them() {
    StateMachineExtensionTest.run(Examples.NestedExecutions.class).testEvents().assertStatistics(s -> s.failed(0));

    CoverageData data = CoverageRuntime.get().data();
    CoverageData.Machine payment = machine(data, "Payment");
    String parentTest = "NestedExecutions > runsTheChildWithTheSameMocks(StateMachineUnderTest, MockedResponses)";
    String childTest = "NestedExecutions > theChildAlone(StateMachineUnderTest, StateMachineDefinition, MockedResponses)";
    // The child machine is covered both when the parent started it and when a test ran it alone.
    assertThat(payment.tests()).contains(parentTest, childTest);
    Map<String, Set<String>> hits = payment.hits();
    assertThat(hits.get("s:Charge")).contains(parentTest, childTest);
    // The parent machine (named after its file) is attributed to the parent's test only.
    assertThat(data.machines()).filteredOn(m -> !m.name().equals("Payment") && m.tests().contains(parentTest))
        .singleElement().satisfies(parent -> assertThat(parent.tests()).doesNotContain(childTest));
  }

  @Test
  void a_single_state_test_covers_its_state_and_the_transition_it_reported() {
    StateMachineExtensionTest.run(Examples.SingleStateCoverage.class).testEvents().assertStatistics(s -> s.failed(0));

    CoverageData.Machine routing = machine(CoverageRuntime.get().data(), "SingleStateRouting");
    String test = "SingleStateCoverage > goldGoesExpress(SingleState)";
    Map<String, Set<String>> hits = routing.hits();
    assertThat(hits.get("s:Route")).containsExactly(test);
    assertThat(hits.get("e:Route -> Express [choice_rule 0]")).containsExactly(test);
    // only what the single state did: not the states after it, nor the Default it did not take
    assertThat(hits).doesNotContainKeys("s:Express", "e:Route -> Standard [default]", "e:(start) -> Route [start]");
  }

  @Test
  void a_failed_test_report_names_an_svg_of_the_path_its_execution_took() throws Exception {
    var results = StateMachineExtensionTest.run(Examples.FailingAssertion.class);
    String summary = results.allEvents().reportingEntryPublished().stream()
        .map(e -> e.getRequiredPayload(org.junit.platform.engine.reporting.ReportEntry.class))
        .map(entry -> entry.getKeyValuePairs().get(StateMachineExtension.REPORT_KEY))
        .findFirst().orElseThrow();

    java.util.regex.Matcher path = java.util.regex.Pattern.compile("its path through the graph: (\\S+\\.svg)").matcher(summary);
    assertThat(path.find()).as(summary).isTrue();
    String svg = java.nio.file.Files.readString(java.nio.file.Path.of(path.group(1)));
    assertThat(svg).startsWith("<svg").contains("class=\"node path\" data-id=\"NegativeSentimentDetected\"");
  }

  private static CoverageData.Machine machine(CoverageData data, String name) {
    return data.machines().stream().filter(m -> m.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no coverage of " + name + " in " + data.machines().stream()
            .map(CoverageData.Machine::name).toList()));
  }
}

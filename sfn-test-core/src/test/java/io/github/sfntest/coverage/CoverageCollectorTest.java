package io.github.sfntest.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.internal.asl.Definitions;
import io.github.sfntest.internal.coverage.CoverageCollector;
import io.github.sfntest.internal.graph.MachineGraph;
import io.github.sfntest.mock.MockedResponses;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CoverageCollectorTest {

  private final MachineGraph graph = MachineGraph.of(Definitions.model(CoverageFixtures.MACHINE));

  private Set<String> covered(ExecutionResult result) {
    return CoverageCollector.collect(graph, result);
  }

  @Test
  void graph_has_a_node_per_state_at_every_level_and_an_edge_per_possible_transition() {
    assertThat(graph.states()).extracting(MachineGraph.Node::id).containsExactlyInAnyOrder(
        "Route", "Work", "Fan", "Fan/0/Left", "Fan/1/Items", "Fan/1/Items/0/Each", "Failed", "Done");
    assertThat(graph.edges()).extracting(MachineGraph.Edge::id).containsExactlyInAnyOrder(
        "(start) -> Route [start]",
        "Route -> Work [choice_rule 0]", "Route -> Work [choice_rule 1]", "Route -> Fan [choice_rule 2]",
        "Route -> Done [default]",
        "Work -> Done [next]", "Work -> Failed [catch 0]", "Work -> Done [catch 1]",
        "Fan -> Done [next]",
        "Failed -> (end) [end]", "Done -> (end) [end]");
    assertThat(graph.retries()).extracting(MachineGraph.RetryRule::id)
        .containsExactly("Work [retry 0]", "Work [retry 1]");
  }

  @Test
  void choice_rule_is_found_by_replaying_the_rules_when_two_lead_to_the_same_state() {
    ExecutionResult result = CoverageFixtures.retriedThroughRuleTwo();
    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);

    Set<String> items = covered(result);

    assertThat(items).contains("e:Route -> Work [choice_rule 1]")
        .doesNotContain("e:Route -> Work [choice_rule 0]");
    assertThat(items).contains("e:(start) -> Route [start]", "s:Route", "s:Work",
        "e:Work -> Done [next]", "s:Done", "e:Done -> (end) [end]");
  }

  @Test
  void a_failed_attempt_followed_by_another_fires_the_matching_retry_rule() {
    Set<String> items = covered(CoverageFixtures.retriedThroughRuleTwo());

    assertThat(items).contains("r:Work [retry 0]").doesNotContain("r:Work [retry 1]");
  }

  @Test
  void a_caught_failure_covers_the_catch_rule_that_matched_not_the_later_one_to_another_state() {
    ExecutionResult result = CoverageFixtures.caughtFatal();
    assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);

    Set<String> items = covered(result);

    assertThat(items).contains("e:Route -> Work [choice_rule 0]", "e:Work -> Failed [catch 0]", "s:Failed",
            "e:Failed -> (end) [end]")
        .doesNotContain("e:Work -> Done [next]", "e:Work -> Done [catch 1]", "r:Work [retry 0]");
  }

  @Test
  void states_inside_parallel_branches_and_map_iterations_are_covered_by_their_path() {
    Set<String> items = covered(CoverageFixtures.fannedOut());

    assertThat(items).contains("e:Route -> Fan [choice_rule 2]", "s:Fan", "s:Fan/0/Left", "s:Fan/1/Items",
        "s:Fan/1/Items/0/Each", "e:Fan -> Done [next]");
    assertThat(items).noneMatch(i -> i.startsWith("s:Work"));
  }

  @Test
  void default_is_covered_when_no_rule_matched() {
    Set<String> items = covered(CoverageFixtures.run("{\"kind\": \"z\"}", MockedResponses.create()));

    assertThat(items).contains("e:Route -> Done [default]").noneMatch(i -> i.contains("choice_rule"));
  }

  private Set<String> singleState(io.github.sfntest.teststate.TestStateRequest.Builder request) {
    var asked = request.definition(CoverageFixtures.MACHINE.toJson()).build();
    var result = io.github.sfntest.testing.StateTester.test(asked);
    var details = result.inspection().errorDetails();
    return CoverageCollector.collectSingleState(graph, asked.stateName().orElseThrow(), result.nextState().orElse(null),
        result.status() == io.github.sfntest.teststate.TestStateStatus.CAUGHT_ERROR ? result.error().orElse(null) : null,
        details.map(d -> d.path("catchIndex").asInt(-1)).orElse(-1),
        result.status() == io.github.sfntest.teststate.TestStateStatus.RETRIABLE
            ? details.map(d -> d.path("retryIndex").asInt(-1)).orElse(-1) : -1,
        asked.input().orElseThrow(), java.util.Map.of());
  }

  @Test
  void a_single_state_test_covers_the_state_and_the_transition_it_reported() {
    var route = io.github.sfntest.teststate.TestStateRequest.builder().stateName("Route");
    assertThat(singleState(route.input("{\"kind\": \"b\"}")))
        .containsExactly("s:Route", "e:Route -> Work [choice_rule 1]");
    assertThat(singleState(route.input("{\"kind\": \"z\"}")))
        .containsExactly("s:Route", "e:Route -> Done [default]");
  }

  @Test
  void a_single_state_test_covers_the_catch_rule_or_the_retry_rule_it_reported() {
    var work = io.github.sfntest.teststate.TestStateRequest.builder().stateName("Work").input("{}");
    // at INFO TestState reports no catch index: the rule is found from the error and the next state
    assertThat(singleState(work.mockError("Fatal", "boom"))).containsExactly("s:Work", "e:Work -> Failed [catch 0]");
    assertThat(singleState(work.mockError("Transient", "again").retrierRetryCount(1)
        .inspectionLevel(io.github.sfntest.teststate.InspectionLevel.DEBUG)))
        .containsExactly("s:Work", "r:Work [retry 0]");
    assertThat(singleState(work.mockError("Transient", "again").retrierRetryCount(2)))
        .containsExactly("s:Work", "e:Work -> Done [catch 1]");
    assertThat(singleState(io.github.sfntest.teststate.TestStateRequest.builder().stateName("Work").input("{}")
        .mockResult("{\"StatusCode\": 200}"))).containsExactly("s:Work", "e:Work -> Done [next]");
  }
}

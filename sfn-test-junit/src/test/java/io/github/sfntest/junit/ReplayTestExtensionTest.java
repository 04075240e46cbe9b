package io.github.sfntest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.sfntest.junit.examples.ReplayExamples;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** {@link ReplayTest @ReplayTest}: one test per recorded history, named after the file. */
class ReplayTestExtensionTest {

  static EngineExecutionResults run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute();
  }

  @Test
  void every_history_is_a_test_named_after_its_file() {
    run(ReplayExamples.Matching.class).testEvents().assertThatEvents().haveExactly(1,
        event(displayName("ada.json"), finishedSuccessfully())).haveExactly(1,
        event(displayName("grace.json"), finishedSuccessfully()));
  }

  @Test
  void a_changed_definition_fails_each_recording_with_the_divergence() {
    EngineExecutionResults results = run(ReplayExamples.Changed.class);

    results.testEvents().assertStatistics(s -> s.started(2).failed(2));
    results.testEvents().assertThatEvents().haveExactly(1, event(displayName("ada.json"), finishedWithFailure(
        message(m -> m.contains("diverges from the recording at state \"Greet\" (OUTPUT)")
            && m.contains("recorded: {\"greeting\":\"Hello, Ada\"}") && m.contains("replayed: {\"greeting\":\"Hi, Ada\"}")))));
  }

  @Test
  void a_pattern_matching_nothing_fails_saying_where_it_looked() {
    EngineExecutionResults results = run(ReplayExamples.NoHistories.class);

    assertThat(results.containerEvents().failed().stream()
        .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable()
            .orElseThrow().getMessage()))
        .anySatisfy(m -> assertThat(m).startsWith(
            "@ReplayTest(histories = \"replay/none/*.json\"): no recorded history matches \"replay/none/*.json\""));
  }

  @Test
  void a_ReplayResult_parameter_needs_the_definition() {
    run(ReplayExamples.NoDefinition.class).testEvents().assertThatEvents().haveExactly(1, event(displayName("ada.json"),
        finishedWithFailure(message(m -> m.contains("A ReplayResult parameter needs the definition to replay on:"
        + " @ReplayTest(histories = \"replay/recordings/ada.json\", definition = \"<file>.asl.json\")")))));
  }
}

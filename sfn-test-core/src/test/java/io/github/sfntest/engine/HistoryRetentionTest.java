package io.github.sfntest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfntest.assertions.SfnAssertions;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.history.HistoryEvent;
import io.github.sfntest.history.HistoryRetention;
import io.github.sfntest.history.HistoryEventType;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HistoryRetentionTest {

  static String q(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  /** A top-level Pass, an inline Map of 3 iterations (a Pass each), a Parallel of two Pass branches. */
  static final String MACHINE = q("{'StartAt':'First','States':{"
      + "'First':{'Type':'Pass','Next':'Map'},"
      + "'Map':{'Type':'Map','ItemsPath':'$.items','ItemProcessor':{'StartAt':'Inner','States':{"
      + "'Inner':{'Type':'Pass','End':true}}},'ResultPath':'$.mapped','Next':'Both'},"
      + "'Both':{'Type':'Parallel','Branches':["
      + "{'StartAt':'Left','States':{'Left':{'Type':'Pass','Result':1,'End':true}}},"
      + "{'StartAt':'Right','States':{'Right':{'Type':'Pass','Result':2,'End':true}}}],'End':true}}}");

  static final String INPUT = q("{'items':[1,2,3]}");

  static ExecutionResult run(HistoryRetention retention, int maxHistoryEvents, String definition, String input) {
    EngineOptions options =
        EngineOptions.builder().historyRetention(retention).maxHistoryEvents(maxHistoryEvents).build();
    try (Engine engine = Engine.inProcess(options)) {
      return engine.run(StartRequest.of(StateMachineDefinition.of("retention", definition), input));
    }
  }

  static ExecutionResult run(HistoryRetention retention) {
    return run(retention, EngineOptions.AWS_MAX_HISTORY_EVENTS, MACHINE, INPUT);
  }

  static List<String> describe(List<HistoryEvent> events) {
    return events.stream().map(e -> e.id() + ":" + e.type() + "<-" + e.previousEventId()).collect(Collectors.toList());
  }

  @Test
  void full_is_the_default_and_keeps_every_event() {
    assertThat(EngineOptions.defaults().historyRetention()).isEqualTo(HistoryRetention.FULL);
    ExecutionResult full = run(HistoryRetention.FULL);
    try (Engine engine = Engine.inProcess()) {
      ExecutionResult byDefault = engine.run(StartRequest.of(StateMachineDefinition.of("retention", MACHINE), INPUT));
      assertThat(describe(byDefault.history().events())).isEqualTo(describe(full.history().events()));
    }
    assertThat(full.history().retention()).isEqualTo(HistoryRetention.FULL);
    assertThat(full.history().events()).extracting(HistoryEvent::id)
        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, full.history().size()).boxed().toList());
  }

  @Test
  void summary_keeps_the_top_level_states_and_each_iterations_start_and_end_with_their_aws_ids() {
    ExecutionResult full = run(HistoryRetention.FULL);
    ExecutionResult summary = run(HistoryRetention.SUMMARY);

    assertThat(summary.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(summary.output()).isEqualTo(full.output());
    assertThat(summary.history().retention()).isEqualTo(HistoryRetention.SUMMARY);
    List<HistoryEventType> types = summary.history().events().stream().map(HistoryEvent::type).toList();
    assertThat(types).filteredOn(t -> t == HistoryEventType.PASS_STATE_ENTERED).hasSize(1); // First only
    assertThat(types).filteredOn(t -> t == HistoryEventType.MAP_ITERATION_STARTED).hasSize(3);
    assertThat(types).filteredOn(t -> t == HistoryEventType.MAP_ITERATION_SUCCEEDED).hasSize(3);
    assertThat(types).contains(HistoryEventType.MAP_STATE_ENTERED, HistoryEventType.MAP_STATE_EXITED,
        HistoryEventType.PARALLEL_STATE_ENTERED, HistoryEventType.PARALLEL_STATE_SUCCEEDED,
        HistoryEventType.PARALLEL_STATE_EXITED, HistoryEventType.EXECUTION_SUCCEEDED);
    // Every kept event is the FULL history's event of the same id, linked the same way.
    List<String> fullEvents = describe(full.history().events());
    assertThat(fullEvents).containsAll(describe(summary.history().events()));
    assertThat(summary.history().size()).isLessThan(full.history().size());
    assertThat(summary.history().events().get(summary.history().size() - 1).id())
        .isEqualTo(full.history().size());
  }

  @Test
  void none_keeps_only_the_execution_level_events() {
    ExecutionResult full = run(HistoryRetention.FULL);
    ExecutionResult none = run(HistoryRetention.NONE);

    assertThat(none.output()).isEqualTo(full.output());
    assertThat(describe(none.history().events())).containsExactly(
        "1:ExecutionStarted<-0",
        full.history().size() + ":ExecutionSucceeded<-" + (full.history().size() - 1));
  }

  @Test
  void the_history_limit_still_counts_every_event_aws_would_record() {
    // FULL records 2 + 4 + 4*3 + ... events; a limit of 10 stops both runs at the same point.
    ExecutionResult full = run(HistoryRetention.FULL, 10, MACHINE, INPUT);
    ExecutionResult none = run(HistoryRetention.NONE, 10, MACHINE, INPUT);
    assertThat(full.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(none.status()).isEqualTo(full.status());
    assertThat(none.error()).isEqualTo(full.error());
    assertThat(none.cause()).isEqualTo(full.cause());
  }

  @Test
  void a_distributed_maps_children_keep_only_their_execution_events_under_summary() {
    String definition = q("{'StartAt':'Map','States':{'Map':{'Type':'Map','ItemsPath':'$.items',"
        + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},"
        + "'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}},'End':true}}}");
    ExecutionResult full = run(HistoryRetention.FULL, EngineOptions.AWS_MAX_HISTORY_EVENTS, definition, INPUT);
    ExecutionResult summary = run(HistoryRetention.SUMMARY, EngineOptions.AWS_MAX_HISTORY_EVENTS, definition, INPUT);

    assertThat(summary.output()).isEqualTo(full.output());
    assertThat(describe(summary.history().events())).isEqualTo(describe(full.history().events()));
    ExecutionResult child = summary.mapRuns().get(0).child(0);
    assertThat(child.history().events()).extracting(HistoryEvent::type)
        .containsExactly(HistoryEventType.EXECUTION_STARTED, HistoryEventType.EXECUTION_SUCCEEDED);
    assertThat(full.mapRuns().get(0).child(0).history().size()).isGreaterThan(2);
  }

  @Test
  void an_assertion_on_a_dropped_event_fails_naming_the_option() {
    ExecutionResult summary = run(HistoryRetention.SUMMARY);
    SfnAssertions.assertThat(summary).state("First").wasEntered();
    assertThatThrownBy(() -> SfnAssertions.assertThat(summary).state("Inner").wasEntered())
        .hasMessageContaining("EngineOptions.historyRetention(SUMMARY)")
        .hasMessageContaining("HistoryRetention.FULL");
    ExecutionResult none = run(HistoryRetention.NONE);
    assertThatThrownBy(() -> SfnAssertions.assertThat(none).visited("First"))
        .hasMessageContaining("EngineOptions.historyRetention(NONE)")
        .hasMessageContaining("keeps only the execution-level events");
    // A FULL history's failure carries no such note.
    assertThatThrownBy(() -> SfnAssertions.assertThat(run(HistoryRetention.FULL)).state("Nope").wasEntered())
        .hasMessageNotContaining("historyRetention");
  }
}

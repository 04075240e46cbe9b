package io.github.sfntest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.history.HistoryEvent;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The engine records JSON trees, not strings, and shares them: a state's output is the next
 * state's input, a ResultPath copies only the objects along its path, a template's objects share
 * its key array, {@code $$.State} is shared by a Map's iterations. That holds only if no one changes
 * a node once it is recorded: the history, rendered after the run, must show every payload as it
 * was when its event happened, run after run.
 */
class SharedPayloadsTest {

  static String q(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  static final String MACHINE = q("{'StartAt':'Build','States':{"
      + "'Build':{'Type':'Pass','Parameters':{'a.$':'$.a','list.$':'$.list'},'Next':'Nest'},"
      + "'Nest':{'Type':'Pass','Result':{'x':1},'ResultPath':'$.nested.deep','Next':'Choose'},"
      + "'Choose':{'Type':'Choice','Choices':[{'Variable':'$.a','NumericEquals':1,'Next':'Fan'}],'Default':'Tidy'},"
      + "'Fan':{'Type':'Map','ItemsPath':'$.list',"
      + "'ItemSelector':{'v.$':'$$.Map.Item.Value','i.$':'$$.Map.Item.Index','s.$':'$$.State.Name'},"
      + "'ItemProcessor':{'StartAt':'Inner','States':{'Inner':{'Type':'Pass',"
      + "'Parameters':{'v.$':'$.v','sum.$':'States.MathAdd($.v, $.i)','s.$':'$.s'},'End':true}}},"
      + "'ResultPath':'$.results','Next':'Tidy'},"
      + "'Tidy':{'Type':'Pass','InputPath':'$.nested','OutputPath':'$.deep','End':true}}}");

  static final String AFTER_NEST = q("{'a':1,'list':[10,20],'nested':{'deep':{'x':1}}}");
  static final String AFTER_FAN = q("{'a':1,'list':[10,20],'nested':{'deep':{'x':1}},"
      + "'results':[{'v':10,'sum':10,'s':'Fan'},{'v':20,'sum':21,'s':'Fan'}]}");

  static final List<String> EXPECTED = List.of(
      "Build in " + q("{'a':1,'list':[10,20]}"),
      "Build out " + q("{'a':1,'list':[10,20]}"),
      "Nest in " + q("{'a':1,'list':[10,20]}"),
      "Nest out " + AFTER_NEST,
      "Choose in " + AFTER_NEST,
      "Choose out " + AFTER_NEST,
      "Fan in " + AFTER_NEST,
      "Inner in " + q("{'v':10,'i':0,'s':'Fan'}"),
      "Inner out " + q("{'v':10,'sum':10,'s':'Fan'}"),
      "Inner in " + q("{'v':20,'i':1,'s':'Fan'}"),
      "Inner out " + q("{'v':20,'sum':21,'s':'Fan'}"),
      "Fan out " + AFTER_FAN,
      "Tidy in " + AFTER_FAN,
      "Tidy out " + q("{'x':1}"));

  static List<String> payloads(ExecutionResult result) {
    return result.history().events().stream()
        .filter(e -> e.type().isStateEntered() || e.type().isStateExited())
        .map(e -> e.stateName().orElseThrow() + (e.type().isStateEntered() ? " in " : " out ")
            + (e.type().isStateEntered() ? e.detail("input") : e.detail("output")).orElseThrow())
        .collect(Collectors.toList());
  }

  @Test
  void the_history_rendered_after_the_run_shows_each_payload_as_it_was_recorded() {
    try (Engine engine = Engine.inProcess()) {
      StartRequest request = StartRequest.of(StateMachineDefinition.of("shared", MACHINE), q("{'a':1,'list':[10,20]}"));
      ExecutionResult first = engine.run(request);
      ExecutionResult second = engine.run(request);

      assertThat(first.output()).hasValueSatisfying(out -> assertThat(out.toString()).isEqualTo(q("{'x':1}")));
      assertThat(payloads(first)).containsExactlyElementsOf(EXPECTED);
      // The second run reuses the compiled templates (and their key arrays): the first run's history is unchanged.
      assertThat(payloads(second)).containsExactlyElementsOf(EXPECTED);
      assertThat(payloads(first)).containsExactlyElementsOf(EXPECTED);
      assertThat(first.history().events().stream()
          .filter(e -> e.type().name().startsWith("MAP_ITERATION_"))
          .map(e -> e.type().awsName() + " " + e.details().orElseThrow()))
          .containsExactly( // no MaxConcurrency: both iterations start before either ends
              "MapIterationStarted " + q("{'index':0,'name':'Fan'}"),
              "MapIterationStarted " + q("{'index':1,'name':'Fan'}"),
              "MapIterationSucceeded " + q("{'index':0,'name':'Fan'}"),
              "MapIterationSucceeded " + q("{'index':1,'name':'Fan'}"));
    }
  }

  @Test
  void an_event_with_lazy_details_builds_them_once_and_keeps_its_ids() {
    int[] built = new int[1];
    HistoryEvent event = HistoryEvent.withLazyDetails(7, 5, java.time.Instant.EPOCH,
        io.github.sfntest.history.HistoryEventType.PASS_STATE_ENTERED, () -> {
          built[0]++;
          return io.github.sfntest.internal.json.Json.NODES.objectNode().put("name", "P");
        });

    assertThat(built[0]).isZero();
    assertThat(event.stateName()).contains("P");
    assertThat(event.details()).isPresent();
    assertThat(built[0]).isEqualTo(1);
    assertThat(event.id()).isEqualTo(7);
    assertThat(event.previousEventId()).isEqualTo(5);
  }
}

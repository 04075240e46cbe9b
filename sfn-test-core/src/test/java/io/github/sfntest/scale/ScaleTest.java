package io.github.sfntest.scale;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.s3.InMemoryS3;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 21's scale targets: an inline Map of 40,000 iterations and a Distributed Map over
 * 1,000,000 items complete within a test JVM's heap. Tagged "scale": see docs/performance.md for
 * the command and the heap bounds measured.
 */
@Tag("scale")
class ScaleTest {

  static String q(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  @Test
  void an_inline_map_of_40000_iterations_completes() {
    int n = 40_000;
    StringBuilder input = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      input.append(i == 0 ? "" : ",").append(i);
    }
    input.append(']');
    String definition = q("{'StartAt':'Map','States':{'Map':{'Type':'Map','ItemProcessor':{"
        + "'StartAt':'Double','States':{'Double':{'Type':'Pass',"
        + "'Parameters':{'v.$':'States.MathAdd($, $)'},'OutputPath':'$.v','End':true}}},"
        + "'ResultSelector':{'count.$':'States.ArrayLength($)','last.$':'$[39999]'},'End':true}}}");
    // AWS would stop at its 25,000-event limit: lifted, as a load test does.
    EngineOptions options = EngineOptions.builder().maxHistoryEvents(0).build();
    ExecutionResult result;
    try (Engine engine = Engine.inProcess(options)) {
      result = engine.run(StartRequest.of(StateMachineDefinition.of("inline", definition), input.toString()));
    }
    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(result.output().orElseThrow().toString()).isEqualTo("{\"count\":40000,\"last\":79998}");
    // MapStateEntered/Started/Succeeded/Exited, 4 events per iteration, execution started/succeeded.
    assertThat(result.history()).hasSize(2 + 4 + 4 * n);
  }

  @Test
  void a_distributed_map_over_1000000_items_completes() {
    int n = 1_000_000;
    StringBuilder lines = new StringBuilder(n * 12);
    for (int i = 0; i < n; i++) {
      lines.append("{\"id\":").append(i).append("}\n");
    }
    InMemoryS3 s3 = new InMemoryS3().putObject("big", "items.jsonl", lines.toString());
    String definition = q("{'StartAt':'Map','States':{'Map':{'Type':'Map',"
        + "'ItemReader':{'Resource':'arn:aws:states:::s3:getObject','Parameters':{'Bucket':'big','Key':'items.jsonl'},"
        + "'ReaderConfig':{'InputType':'JSONL'}},"
        + "'ItemBatcher':{'MaxItemsPerBatch':100},"
        + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'EXPRESS'},'StartAt':'Count',"
        + "'States':{'Count':{'Type':'Pass','Parameters':{'n.$':'States.ArrayLength($.Items)'},'End':true}}},"
        + "'ResultWriter':{'Resource':'arn:aws:states:::s3:putObject','Parameters':{'Bucket':'out','Prefix':'r'}},"
        + "'End':true}}}");
    ExecutionResult result;
    try (Engine engine = Engine.inProcess()) {
      result = engine.run(StartRequest.of(StateMachineDefinition.of("big", definition), "{}").withS3(s3));
    }
    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    io.github.sfntest.assertions.SfnAssertions.assertThat(result).mapRun("Map").succeeded()
        .hasItemsRead(n).hasSucceededChildren(n / 100);
  }
}

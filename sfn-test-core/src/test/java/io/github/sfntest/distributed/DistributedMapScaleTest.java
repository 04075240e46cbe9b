package io.github.sfntest.distributed;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.s3.InMemoryS3;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.junit.jupiter.api.Test;

/** A Distributed Map over 100,000 CSV rows completes in-process; prints time and heap used. */
class DistributedMapScaleTest {

  static final int ITEMS = 100_000;

  @Test
  void a_distributed_map_over_100000_csv_rows_completes_in_process() {
    StringBuilder csv = new StringBuilder("id,value\n");
    for (int i = 0; i < ITEMS; i++) {
      csv.append(i).append(",v").append(i).append('\n');
    }
    InMemoryS3 s3 = new InMemoryS3().putObject("big", "rows.csv", csv.toString());
    String definition = DistributedMapSupport.q("{'StartAt':'Map','States':{'Map':{'Type':'Map',"
        + "'ItemReader':{'Resource':'arn:aws:states:::s3:getObject','Parameters':{'Bucket':'big','Key':'rows.csv'},"
        + "'ReaderConfig':{'InputType':'CSV','CSVHeaderLocation':'FIRST_ROW'}},"
        + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'EXPRESS'},'StartAt':'Tag',"
        + "'States':{'Tag':{'Type':'Pass','Parameters':{'id.$':'$.id'},'End':true}}},"
        + "'ResultWriter':{'Resource':'arn:aws:states:::s3:putObject','Parameters':{'Bucket':'out','Prefix':'r'}},"
        + "'End':true}}}");
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long heapBefore = memory.getHeapMemoryUsage().getUsed();
    long start = System.nanoTime();
    ExecutionResult result;
    try (Engine engine = Engine.inProcess()) {
      result = engine.run(StartRequest.of(StateMachineDefinition.of("big", definition), "{}").withS3(s3));
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.gc();
    long retained = memory.getHeapMemoryUsage().getUsed() - heapBefore;

    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(result).mapRun("Map").succeeded().hasItemsRead(ITEMS).hasSucceededChildren(ITEMS);
    assertThat(result.history().size()).isEqualTo(8);
    System.out.printf("distributed map over %,d items: %,d ms, %,d MB heap retained by the result (children with histories)%n",
        ITEMS, millis, retained / (1024 * 1024));
  }
}

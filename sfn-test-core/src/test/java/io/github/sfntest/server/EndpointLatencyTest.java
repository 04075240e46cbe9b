package io.github.sfntest.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** Measures a simple execution through the real SDK client: StartExecution + DescribeExecution. */
class EndpointLatencyTest {

  @Test
  void simpleExecutionRoundTrip() {
    try (SfnServer server = SfnServer.start(); SfnClient sfn = Clients.sfn(server.endpoint())) {
      String arn = sfn.createStateMachine(b -> b.name("Latency").roleArn(SfnServerTest.ROLE)
          .definition("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}")).stateMachineArn();
      int warmup = 200;
      int n = 300;
      long[] micros = new long[n];
      for (int i = 0; i < warmup + n; i++) {
        long t0 = System.nanoTime();
        String exec = sfn.startExecution(b -> b.stateMachineArn(arn).input("{\"i\":1}")).executionArn();
        ExecutionStatus status = sfn.describeExecution(b -> b.executionArn(exec)).status();
        long t = (System.nanoTime() - t0) / 1000;
        assertThat(status).isEqualTo(ExecutionStatus.SUCCEEDED);
        if (i >= warmup) {
          micros[i - warmup] = t;
        }
      }
      Arrays.sort(micros);
      String report = String.format("start+describe of a Pass machine over HTTP: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms (n=%d)",
          micros[n / 2] / 1000.0, micros[n * 9 / 10] / 1000.0, micros[n * 99 / 100] / 1000.0, n);
      System.out.println(report);
      assertThat(micros[n / 2]).as(report).isLessThan(50_000);
    }
  }
}

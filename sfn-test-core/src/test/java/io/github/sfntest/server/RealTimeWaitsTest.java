package io.github.sfntest.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/** WaitMode.REAL: the API shows the execution as it would be on AWS at each moment. */
class RealTimeWaitsTest {

  @Test
  void waitStatesTakeRealTime() throws Exception {
    try (SfnServer server = SfnServer.builder().waitMode(WaitMode.REAL).start(); SfnClient sfn = Clients.sfn(server.endpoint())) {
      String arn = sfn.createStateMachine(b -> b.name("Waiting").roleArn(SfnServerTest.ROLE).definition(
          "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":1,\"Next\":\"P\"},\"P\":{\"Type\":\"Pass\",\"End\":true}}}"))
          .stateMachineArn();
      long t0 = System.nanoTime();
      String exec = sfn.startExecution(b -> b.stateMachineArn(arn)).executionArn();
      assertThat(sfn.describeExecution(b -> b.executionArn(exec)).status()).isEqualTo(ExecutionStatus.RUNNING);
      List<HistoryEvent> early = sfn.getExecutionHistory(b -> b.executionArn(exec)).events();
      assertThat(early).extracting(HistoryEvent::type).containsExactly(HistoryEventType.EXECUTION_STARTED,
          HistoryEventType.WAIT_STATE_ENTERED);
      ExecutionStatus status;
      do {
        Thread.sleep(50);
        status = sfn.describeExecution(b -> b.executionArn(exec)).status();
      } while (status == ExecutionStatus.RUNNING && System.nanoTime() - t0 < 10_000_000_000L);
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      assertThat(status).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(took).isBetween(Duration.ofMillis(950), Duration.ofSeconds(5));
      assertThat(sfn.getExecutionHistory(b -> b.executionArn(exec)).events()).hasSize(6);
    }
  }

  @Test
  void callbackTimeoutsFireOnTheWallClock() throws Exception {
    try (SfnServer server = SfnServer.builder().waitMode(WaitMode.REAL).start(); SfnClient sfn = Clients.sfn(server.endpoint())) {
      String arn = sfn.createStateMachine(b -> b.name("Timeout").roleArn(SfnServerTest.ROLE).definition(
          "{\"StartAt\":\"Ask\",\"States\":{\"Ask\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::sqs:sendMessage.waitForTaskToken\","
              + "\"TimeoutSeconds\":1,\"Parameters\":{\"QueueUrl\":\"q\",\"MessageBody\":{\"t.$\":\"$$.Task.Token\"}},\"End\":true}}}"))
          .stateMachineArn();
      String exec = sfn.startExecution(b -> b.stateMachineArn(arn)).executionArn();
      Thread.sleep(300);
      assertThat(sfn.describeExecution(b -> b.executionArn(exec)).status()).isEqualTo(ExecutionStatus.RUNNING);
      long t0 = System.nanoTime();
      ExecutionStatus status;
      do {
        Thread.sleep(50);
        status = sfn.describeExecution(b -> b.executionArn(exec)).status();
      } while (status == ExecutionStatus.RUNNING && System.nanoTime() - t0 < 10_000_000_000L);
      assertThat(status).isEqualTo(ExecutionStatus.FAILED);
      assertThat(sfn.describeExecution(b -> b.executionArn(exec)).error()).isEqualTo("States.Timeout");
    }
  }
}

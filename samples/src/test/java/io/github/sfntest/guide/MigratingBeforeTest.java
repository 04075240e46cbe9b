package io.github.sfntest.guide;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.sdk.SdkEngine;
import io.github.sfntest.server.SfnServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * docs/migrating.md, "before": a test in the style of AWS's Step Functions Local samples (SDK client,
 * create the machine, start "arn#TestCase", poll, read the history). Here the endpoint is
 * sfn-test's own, loaded with the same MockConfigFile, so the code runs without Docker.
 */
class MigratingBeforeTest {

  static SfnServer stepFunctionsLocal;

  @BeforeAll
  static void start() {
    stepFunctionsLocal = SfnServer.builder().mockConfig(Path.of("local-testing-mock-config/MockConfigFile.json")).start();
  }

  @AfterAll
  static void stop() {
    stepFunctionsLocal.close();
  }

  @Test
  void happy_path() throws Exception {
    // [before]
    SfnClient client = SdkEngine.client(stepFunctionsLocal.endpoint(), "us-east-1");
    String definition = Files.readString(Path.of("local-testing-mock-config/local_testing.asl.json"));
    String stateMachineArn = client.createStateMachine(b -> b.name("LocalTesting").definition(definition)
        .roleArn("arn:aws:iam::123456789012:role/DummyRole")).stateMachineArn();

    String input = Files.readString(Path.of("local-testing-mock-config/events/sfn_valid_input.json"));
    String executionArn = client.startExecution(b -> b.stateMachineArn(stateMachineArn + "#HappyPathTest")
        .input(input)).executionArn();
    ExecutionStatus status;
    do {
      Thread.sleep(100);
      status = client.describeExecution(b -> b.executionArn(executionArn)).status();
    } while (status == ExecutionStatus.RUNNING);

    List<HistoryEvent> events = client.getExecutionHistory(b -> b.executionArn(executionArn)).events();
    assertThat(status).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(events).filteredOn(e -> e.type() == HistoryEventType.TASK_STATE_ENTERED)
        .extracting(e -> e.stateEnteredEventDetails().name())
        .contains("DetectSentiment", "Add to FollowUp", "CustomerAddedToFollowup");
    // [/before]
  }
}

package io.github.sfntest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfntest.mock.MockConfigFile;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveFilter;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveStatus;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.StateMachineTypeNotSupportedException;

/** RedriveExecution and the redrive members of DescribeExecution/ListExecutions, through the AWS SDK v2. */
class RedriveEndpointTest {

  static final String ROLE = "arn:aws:iam::111111111111:role/sfn";
  static final String CHARGING = "{\"StartAt\":\"Prepare\",\"States\":{"
      + "\"Prepare\":{\"Type\":\"Pass\",\"Result\":1,\"ResultPath\":\"$.prepared\",\"Next\":\"Charge\"},"
      + "\"Charge\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\",\"Parameters\":"
      + "{\"FunctionName\":\"charge\",\"Payload.$\":\"$\"},\"ResultSelector\":{\"charged.$\":\"$.Payload.charged\"},"
      + "\"ResultPath\":\"$.charge\",\"End\":true}}}";
  // The first call is declined, the call after the redrive succeeds.
  static final String MOCKS = "{\"StateMachines\":{\"Charging\":{\"TestCases\":{\"DeclinedThenOk\":{\"Charge\":\"R\"},"
      + "\"Ok\":{\"Charge\":\"Ok\"}}}},\"MockedResponses\":{"
      + "\"R\":{\"0\":{\"Throw\":{\"Error\":\"Payment.Declined\",\"Cause\":\"card expired\"}},"
      + "\"1\":{\"Return\":{\"Payload\":{\"charged\":42}}}},"
      + "\"Ok\":{\"0\":{\"Return\":{\"Payload\":{\"charged\":1}}}}}}";

  static SfnServer server;
  static SfnClient sfn;
  static String machine;

  @BeforeAll
  static void start() {
    server = SfnServer.builder().mockConfig(MockConfigFile.parse(MOCKS)).start();
    sfn = Clients.sfn(server.endpoint());
    machine = sfn.createStateMachine(b -> b.name("Charging").definition(CHARGING).roleArn(ROLE)).stateMachineArn();
  }

  @AfterAll
  static void stop() {
    sfn.close();
    server.close();
  }

  @Test
  void aFailedExecutionIsRedrivenFromTheFailedState() {
    String arn = sfn.startExecution(b -> b.stateMachineArn(machine + "#DeclinedThenOk").name("redrive-1")
        .input("{\"order\":7}")).executionArn();
    DescribeExecutionResponse failed = sfn.describeExecution(b -> b.executionArn(arn));
    assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(failed.redriveStatus()).isEqualTo(ExecutionRedriveStatus.REDRIVABLE);
    assertThat(failed.redriveCount()).isZero();
    assertThat(failed.redriveDate()).isNull();

    Instant redriveDate = sfn.redriveExecution(b -> b.executionArn(arn).clientToken("token-1")).redriveDate();
    // the same client token is answered idempotently, without a second redrive
    assertThat(sfn.redriveExecution(b -> b.executionArn(arn).clientToken("token-1")).redriveDate()).isEqualTo(redriveDate);

    DescribeExecutionResponse redriven = sfn.describeExecution(b -> b.executionArn(arn));
    assertThat(redriven.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(redriven.output()).isEqualTo("{\"order\":7,\"prepared\":1,\"charge\":{\"charged\":42}}");
    assertThat(redriven.redriveCount()).isEqualTo(1);
    assertThat(redriven.redriveDate()).isEqualTo(redriveDate);
    assertThat(redriven.redriveStatus()).isEqualTo(ExecutionRedriveStatus.NOT_REDRIVABLE);
    assertThat(redriven.redriveStatusReason()).isEqualTo("Execution is SUCCEEDED and cannot be redriven.");

    java.util.List<HistoryEvent> events = sfn.getExecutionHistory(b -> b.executionArn(arn)).events();
    HistoryEvent redrive = events.stream().filter(e -> e.type() == HistoryEventType.EXECUTION_REDRIVEN).findFirst()
        .orElseThrow();
    assertThat(redrive.executionRedrivenEventDetails().redriveCount()).isEqualTo(1);
    assertThat(events.stream().filter(e -> e.type() == HistoryEventType.PASS_STATE_ENTERED).count()).isEqualTo(1);
    assertThat(events.stream().filter(e -> e.type() == HistoryEventType.TASK_STATE_ENTERED).count()).isEqualTo(2);

    assertThatThrownBy(() -> sfn.redriveExecution(b -> b.executionArn(arn)))
        .isInstanceOf(ExecutionNotRedrivableException.class)
        .hasMessageContaining("Execution is SUCCEEDED and cannot be redriven.");

    java.util.List<String> redrivenArns = sfn.listExecutions(b -> b.stateMachineArn(machine)
        .redriveFilter(ExecutionRedriveFilter.REDRIVEN)).executions().stream().map(ExecutionListItem::executionArn)
        .toList();
    assertThat(redrivenArns).contains(arn);
    String plain = sfn.startExecution(b -> b.stateMachineArn(machine + "#Ok").name("plain-1")).executionArn();
    assertThat(redrivenArns).doesNotContain(plain);
    assertThat(sfn.listExecutions(b -> b.stateMachineArn(machine).redriveFilter(ExecutionRedriveFilter.NOT_REDRIVEN))
        .executions().stream().map(ExecutionListItem::executionArn).toList()).contains(plain).doesNotContain(arn);
  }

  @Test
  void expressExecutionsAreNotRedriven() {
    String express = sfn.createStateMachine(b -> b.name("ChargingExpress").definition(CHARGING).roleArn(ROLE)
        .type(StateMachineType.EXPRESS)).stateMachineArn();
    String arn = sfn.startExecution(b -> b.stateMachineArn(express)).executionArn();
    assertThatThrownBy(() -> sfn.redriveExecution(b -> b.executionArn(arn)))
        .isInstanceOf(StateMachineTypeNotSupportedException.class);
  }
}

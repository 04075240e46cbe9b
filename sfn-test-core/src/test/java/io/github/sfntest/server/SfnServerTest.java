package io.github.sfntest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfntest.mock.MockConfigFile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ActivityDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.InvalidOutputException;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineTypeNotSupportedException;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;
import software.amazon.awssdk.services.sfn.model.TestStateResponse;
import software.amazon.awssdk.services.sfn.model.TestExecutionStatus;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResponse;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;

/** The endpoint through the real AWS SDK v2 client over real HTTP. */
class SfnServerTest {

  static final String ROLE = "arn:aws:iam::111111111111:role/sfn";
  static final String PASS = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Result\":{\"ok\":true},\"ResultPath\":\"$.r\",\"Next\":\"W\"},"
      + "\"W\":{\"Type\":\"Wait\",\"Seconds\":3600,\"End\":true}}}";
  static final String CALLBACK = "{\"StartAt\":\"Ask\",\"States\":{\"Ask\":{\"Type\":\"Task\","
      + "\"Resource\":\"arn:aws:states:::sqs:sendMessage.waitForTaskToken\",\"Parameters\":{\"QueueUrl\":\"q\","
      + "\"MessageBody\":{\"token.$\":\"$$.Task.Token\"}},\"End\":true}}}";
  static final String LAMBDA = "{\"StartAt\":\"Charge\",\"States\":{\"Charge\":{\"Type\":\"Task\","
      + "\"Resource\":\"arn:aws:states:::lambda:invoke\",\"Parameters\":{\"FunctionName\":\"charge\",\"Payload.$\":\"$\"},"
      + "\"OutputPath\":\"$.Payload\",\"End\":true}}}";
  static final String MOCKS = "{\"StateMachines\":{\"Charging\":{\"TestCases\":{\"Happy\":{\"Charge\":\"Ok\"},"
      + "\"Declined\":{\"Charge\":\"No\"}}}},\"MockedResponses\":{\"Ok\":{\"0\":{\"Return\":{\"Payload\":{\"charged\":42}}}},"
      + "\"No\":{\"0\":{\"Throw\":{\"Error\":\"Payment.Declined\",\"Cause\":\"card expired\"}}}}}";

  static SfnServer server;
  static SfnClient sfn;

  @BeforeAll
  static void start() {
    server = SfnServer.builder().mockConfig(MockConfigFile.parse(MOCKS)).activityPollTimeout(java.time.Duration.ofMillis(300)).start();
    sfn = Clients.sfn(server.endpoint());
  }

  @AfterAll
  static void stop() {
    sfn.close();
    server.close();
  }

  static String create(String name, String definition) {
    return sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(ROLE)).stateMachineArn();
  }

  @Test
  void createStartDescribeAndReadTheHistory() {
    String arn = create("Passing", PASS);
    assertThat(arn).isEqualTo("arn:aws:states:us-east-1:111111111111:stateMachine:Passing");
    String exec = sfn.startExecution(b -> b.stateMachineArn(arn).name("first").input("{\"a\":1}")).executionArn();
    assertThat(exec).isEqualTo("arn:aws:states:us-east-1:111111111111:execution:Passing:first");
    DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(exec));
    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(d.output()).isEqualTo("{\"a\":1,\"r\":{\"ok\":true}}");
    assertThat(d.name()).isEqualTo("first");
    assertThat(d.stateMachineArn()).isEqualTo(arn);
    assertThat(java.time.Duration.between(d.startDate(), d.stopDate())).isEqualTo(java.time.Duration.ofHours(1));
    List<HistoryEvent> events = sfn.getExecutionHistory(b -> b.executionArn(exec)).events();
    assertThat(events).extracting(HistoryEvent::type).containsExactly(HistoryEventType.EXECUTION_STARTED,
        HistoryEventType.PASS_STATE_ENTERED, HistoryEventType.PASS_STATE_EXITED, HistoryEventType.WAIT_STATE_ENTERED,
        HistoryEventType.WAIT_STATE_EXITED, HistoryEventType.EXECUTION_SUCCEEDED);
    assertThat(events.get(1).stateEnteredEventDetails().name()).isEqualTo("P");
    assertThat(events.get(0).executionStartedEventDetails().input()).isEqualTo("{\"a\":1}");
    assertThat(events.get(0).executionStartedEventDetails().roleArn()).isNotBlank();
    assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(arn)).definition()).isEqualTo(PASS);
    assertThat(sfn.describeStateMachineForExecution(b -> b.executionArn(exec)).definition()).isEqualTo(PASS);
    assertThat(sfn.listExecutions(b -> b.stateMachineArn(arn)).executions()).extracting(e -> e.name()).contains("first");
    assertThat(sfn.listStateMachines().stateMachines()).extracting(s -> s.name()).contains("Passing");
  }

  @Test
  void historyPagesReverseOrderAndWithoutData() {
    String arn = create("Paging", PASS);
    String exec = sfn.startExecution(b -> b.stateMachineArn(arn).input("{\"secret\":1}")).executionArn();
    List<HistoryEvent> all = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String t = token;
      GetExecutionHistoryResponse page = sfn.getExecutionHistory(b -> b.executionArn(exec).maxResults(4).nextToken(t));
      all.addAll(page.events());
      token = page.nextToken();
      pages++;
    } while (token != null);
    assertThat(pages).isEqualTo(2);
    assertThat(all).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(sfn.getExecutionHistoryPaginator(b -> b.executionArn(exec).maxResults(1)).events()).hasSize(6);
    List<HistoryEvent> reversed = sfn.getExecutionHistory(b -> b.executionArn(exec).reverseOrder(true)).events();
    assertThat(reversed).extracting(HistoryEvent::id).containsExactly(6L, 5L, 4L, 3L, 2L, 1L);
    HistoryEvent started = sfn.getExecutionHistory(b -> b.executionArn(exec).includeExecutionData(false)).events().get(0);
    assertThat(started.executionStartedEventDetails().input()).isNull();
    assertThatThrownBy(() -> sfn.getExecutionHistory(b -> b.executionArn(exec).nextToken("garbage")))
        .isInstanceOf(software.amazon.awssdk.services.sfn.model.InvalidTokenException.class);
  }

  @Test
  void testCaseSuffixSelectsTheMocks() {
    String arn = create("Charging", LAMBDA);
    String happy = sfn.startExecution(b -> b.stateMachineArn(arn + "#Happy")).executionArn();
    assertThat(sfn.describeExecution(b -> b.executionArn(happy)).output()).isEqualTo("{\"charged\":42}");
    String declined = sfn.startExecution(b -> b.stateMachineArn(arn + "#Declined")).executionArn();
    DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(declined));
    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(d.error()).isEqualTo("Payment.Declined");
    assertThat(d.cause()).isEqualTo("card expired");
    assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(arn + "#Hapy")))
        .hasMessageContaining("Did you mean \"Happy\"");
  }

  @Test
  void callbacksThroughTheApi() throws Exception {
    String arn = create("Callback", CALLBACK);
    String exec = sfn.startExecution(b -> b.stateMachineArn(arn)).executionArn();
    assertThat(sfn.describeExecution(b -> b.executionArn(exec)).status()).isEqualTo(ExecutionStatus.RUNNING);
    HistoryEvent scheduled = sfn.getExecutionHistory(b -> b.executionArn(exec)).events().stream()
        .filter(e -> e.type() == HistoryEventType.TASK_SCHEDULED).findFirst().orElseThrow();
    String token = new com.fasterxml.jackson.databind.ObjectMapper().readTree(scheduled.taskScheduledEventDetails().parameters())
        .path("MessageBody").path("token").asText();
    assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(token).output("{not json")))
        .isInstanceOf(InvalidOutputException.class);
    sfn.sendTaskHeartbeat(b -> b.taskToken(token));
    sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"approved\":true}"));
    DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(exec));
    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(d.output()).isEqualTo("{\"approved\":true}");
    assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}")))
        .isInstanceOf(TaskTimedOutException.class); // AWS: the task has ended

    String failing = sfn.startExecution(b -> b.stateMachineArn(arn)).executionArn();
    String token2 = pendingToken(failing);
    sfn.sendTaskFailure(b -> b.taskToken(token2).error("Rejected").cause("no"));
    DescribeExecutionResponse f = sfn.describeExecution(b -> b.executionArn(failing));
    assertThat(f.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(f.error()).isEqualTo("Rejected");
  }

  static String pendingToken(String exec) throws Exception {
    HistoryEvent scheduled = sfn.getExecutionHistory(b -> b.executionArn(exec)).events().stream()
        .filter(e -> e.type() == HistoryEventType.TASK_SCHEDULED).findFirst().orElseThrow();
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(scheduled.taskScheduledEventDetails().parameters())
        .path("MessageBody").path("token").asText();
  }

  @Test
  void stopExecution() {
    String arn = create("Stopping", CALLBACK);
    String exec = sfn.startExecution(b -> b.stateMachineArn(arn)).executionArn();
    sfn.stopExecution(b -> b.executionArn(exec).error("Manual").cause("operator"));
    DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(exec));
    assertThat(d.status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(d.error()).isEqualTo("Manual");
    List<HistoryEvent> events = sfn.getExecutionHistory(b -> b.executionArn(exec)).events();
    assertThat(events.get(events.size() - 1).type()).isEqualTo(HistoryEventType.EXECUTION_ABORTED);
    assertThat(sfn.listExecutions(b -> b.stateMachineArn(arn).statusFilter(ExecutionStatus.ABORTED)).executions()).hasSize(1);
  }

  @Test
  void activities() {
    String activity = sfn.createActivity(b -> b.name("approve")).activityArn();
    assertThat(activity).isEqualTo("arn:aws:states:us-east-1:111111111111:activity:approve");
    assertThat(sfn.describeActivity(b -> b.activityArn(activity)).name()).isEqualTo("approve");
    assertThat(sfn.listActivities().activities()).extracting(a -> a.name()).contains("approve");
    String arn = create("WithActivity", "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\",\"Resource\":\"" + activity
        + "\",\"Parameters\":{\"n.$\":\"$.n\"},\"End\":true}}}");
    assertThat(sfn.getActivityTask(b -> b.activityArn(activity)).taskToken()).isNull();
    String exec = sfn.startExecution(b -> b.stateMachineArn(arn).input("{\"n\":7}")).executionArn();
    GetActivityTaskResponse task = sfn.getActivityTask(b -> b.activityArn(activity).workerName("w1"));
    assertThat(task.input()).isEqualTo("{\"n\":7}");
    assertThat(sfn.getActivityTask(b -> b.activityArn(activity)).taskToken()).as("handed out once").isNull();
    sfn.sendTaskSuccess(b -> b.taskToken(task.taskToken()).output("{\"done\":7}"));
    assertThat(sfn.describeExecution(b -> b.executionArn(exec)).output()).isEqualTo("{\"done\":7}");
    assertThatThrownBy(() -> sfn.getActivityTask(b -> b.activityArn(activity + "x")))
        .isInstanceOf(ActivityDoesNotExistException.class);
    sfn.deleteActivity(b -> b.activityArn(activity));
    assertThatThrownBy(() -> sfn.describeActivity(b -> b.activityArn(activity))).isInstanceOf(ActivityDoesNotExistException.class);
  }

  @Test
  void syncExecutionOfAnExpressMachine() {
    // an EXPRESS execution runs at most 5 minutes: a 1-minute Wait instead of PASS's hour
    String arn = sfn.createStateMachine(b -> b.name("Express").definition(PASS.replace("3600", "60")).roleArn(ROLE)
        .type("EXPRESS")).stateMachineArn();
    StartSyncExecutionResponse r = sfn.startSyncExecution(b -> b.stateMachineArn(arn).input("{\"x\":true}"));
    assertThat(r.status()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
    assertThat(r.output()).isEqualTo("{\"x\":true,\"r\":{\"ok\":true}}");
    String standard = create("NotExpress", PASS);
    assertThatThrownBy(() -> sfn.startSyncExecution(b -> b.stateMachineArn(standard)))
        .isInstanceOf(StateMachineTypeNotSupportedException.class);
  }

  @Test
  void updateAndDeleteStateMachine() {
    String arn = create("Updating", PASS);
    String other = "{\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"Succeed\"}}}";
    assertThatThrownBy(() -> create("Updating", other)).isInstanceOf(StateMachineAlreadyExistsException.class);
    assertThat(create("Updating", PASS)).as("idempotent").isEqualTo(arn);
    sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(other));
    assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(arn)).definition()).isEqualTo(other);
    sfn.deleteStateMachine(b -> b.stateMachineArn(arn));
    assertThatThrownBy(() -> sfn.describeStateMachine(b -> b.stateMachineArn(arn)))
        .isInstanceOf(StateMachineDoesNotExistException.class)
        .hasMessageContaining("State Machine Does Not Exist: '" + arn + "'");
  }

  @Test
  void awsErrorsMapToSdkExceptions() {
    String arn = create("Errors", PASS);
    assertThatThrownBy(() -> create("bad name", PASS)).isInstanceOf(InvalidNameException.class);
    assertThatThrownBy(() -> create("Broken", "{\"StartAt\":\"Nope\",\"States\":{}}"))
        .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("Invalid State Machine Definition");
    assertThatThrownBy(() -> sfn.describeExecution(b -> b.executionArn(arn.replace("stateMachine", "execution") + ":nope")))
        .isInstanceOf(ExecutionDoesNotExistException.class);
    assertThatThrownBy(() -> sfn.describeExecution(b -> b.executionArn("not-an-arn"))).isInstanceOf(InvalidArnException.class);
    assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(arn).input("{oops")))
        .isInstanceOf(InvalidExecutionInputException.class);
    sfn.startExecution(b -> b.stateMachineArn(arn).name("once"));
    assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(arn).name("once").input("{\"other\":1}")))
        .isInstanceOf(ExecutionAlreadyExistsException.class);
    assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(arn + "x")))
        .isInstanceOf(StateMachineDoesNotExistException.class);
  }

  @Test
  void validateDefinitionAndTestState() {
    ValidateStateMachineDefinitionResponse ok = sfn.validateStateMachineDefinition(b -> b.definition(PASS));
    assertThat(ok.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.OK);
    ValidateStateMachineDefinitionResponse bad = sfn.validateStateMachineDefinition(b -> b.definition("{\"StartAt\":\"X\",\"States\":{}}"));
    assertThat(bad.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.FAIL);
    assertThat(bad.diagnostics()).isNotEmpty();
    TestStateResponse pass = sfn.testState(b -> b.definition("{\"Type\":\"Pass\",\"Result\":{\"v\":1},\"Next\":\"Then\"}")
        .roleArn(ROLE).input("{}"));
    assertThat(pass.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(pass.output()).isEqualTo("{\"v\":1}");
    assertThat(pass.nextState()).isEqualTo("Then");
    TestStateResponse choice = sfn.testState(b -> b.definition("{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.n\","
        + "\"NumericGreaterThan\":5,\"Next\":\"Big\"}],\"Default\":\"Small\"}").roleArn(ROLE).input("{\"n\":9}"));
    assertThat(choice.nextState()).isEqualTo("Big");
    TestStateResponse fail = sfn.testState(b -> b.definition("{\"Type\":\"Fail\",\"Error\":\"E\",\"Cause\":\"c\"}").roleArn(ROLE));
    assertThat(fail.status()).isEqualTo(TestExecutionStatus.FAILED);
    assertThat(fail.error()).isEqualTo("E");
  }

  @Test
  void concurrentClientsGetConsistentAnswers() throws Exception {
    String arn = create("Concurrent", PASS);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<ExecutionStatus>> results = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        String name = "c" + i;
        results.add(pool.submit(() -> {
          String exec = sfn.startExecution(b -> b.stateMachineArn(arn).name(name)).executionArn();
          return sfn.describeExecution(b -> b.executionArn(exec)).status();
        }));
      }
      for (java.util.concurrent.Future<ExecutionStatus> f : results) {
        assertThat(f.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(ExecutionStatus.SUCCEEDED);
      }
      assertThat(sfn.listExecutionsPaginator(b -> b.stateMachineArn(arn).maxResults(7)).executions()).hasSize(100);
    } finally {
      pool.shutdownNow();
    }
  }
}

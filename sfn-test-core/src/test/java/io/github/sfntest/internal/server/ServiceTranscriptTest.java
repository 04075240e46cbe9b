package io.github.sfntest.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.internal.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The endpoint's answers to a session of requests, compared with a recording made before the split (issue 14). */
class ServiceTranscriptTest {

  private static final String GOLDEN = "src/test/resources/io/github/sfntest/internal/server/transcript-skip-waits.txt";

  static final String DEF = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Next\":\"W\"},"
      + "\"W\":{\"Type\":\"Wait\",\"Seconds\":5,\"Next\":\"T\"},\"T\":{\"Type\":\"Task\","
      + "\"Resource\":\"arn:aws:states:::lambda:invoke.waitForTaskToken\",\"Parameters\":{\"FunctionName\":\"f\","
      + "\"Payload\":{\"token.$\":\"$$.Task.Token\"}},\"End\":true}}}";
  static final String PASS = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";
  static final String ACT = "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\",\"Resource\":"
      + "\"arn:aws:states:us-east-1:111111111111:activity:act\",\"End\":true}}}";
  static final String ROLE = "arn:aws:iam::111111111111:role/r";
  static final String SM = "arn:aws:states:us-east-1:111111111111:stateMachine:";

  /**
   * Replays a scripted session covering every action and its errors and compares the answers with
   * the recorded ones (timestamps and UUIDs masked). Re-record with {@code -Dtranscript.update=true}
   * when the wire is meant to change, and review the diff.
   */
  @Test
  void every_action_answers_as_recorded() throws Exception {
    String text = transcript();
    Path golden = Path.of(GOLDEN);
    if (Boolean.getBoolean("transcript.update")) {
      Files.writeString(golden, text);
    }
    assertThat(text).isEqualTo(Files.readString(golden));
  }

  static String transcript() {
    StepFunctionsService s = new StepFunctionsService(new ServiceConfig(EngineOptions.defaults(), false, true,
        () -> null, Duration.ofMillis(30), Duration.ofMillis(300)));
    List<String> lines = new ArrayList<>();
    String token = "none";
    for (String[] step : script()) {
      String body = step[1].replace("$TOKEN", token);
      lines.add(">> " + step[0] + " " + body);
      try {
        ObjectNode res = s.handle(step[0], (ObjectNode) Json.parse(body));
        lines.add("<< " + Json.write(res));
        JsonNode tasks = res.get("tasks");
        if (tasks != null && tasks.size() > 0) {
          token = tasks.get(0).get("taskToken").asText();
        }
        if (res.has("taskToken")) {
          token = res.get("taskToken").asText();
        }
      } catch (ApiException e) {
        lines.add("!! " + e.status() + " " + e.type() + " " + e.getMessage());
      }
    }
    s.close();
    try {
      s.handle("AWSStepFunctions.ListActivities", Json.NODES.objectNode());
    } catch (ApiException e) {
      lines.add("!! " + e.status() + " " + e.type() + " " + e.getMessage());
    }
    lines.add("actions " + s.actionNames() + " caps " + s.capabilities());
    return String.join("\n", lines)
        .replaceAll("\\d{10}\\.\\d{1,3}", "T")
        .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "U");
  }

  static String[][] script() {
    String a = "AWSStepFunctions.";
    String x = "SfnTest.";
    String esc = Json.write(Json.NODES.textNode(DEF));
    String pass = Json.write(Json.NODES.textNode(PASS));
    String act = Json.write(Json.NODES.textNode(ACT));
    String e1 = "arn:aws:states:us-east-1:111111111111:execution:sm:e1";
    String e2 = "arn:aws:states:us-east-1:111111111111:execution:sm:e2";
    String actArn = "arn:aws:states:us-east-1:111111111111:activity:act";
    return new String[][] {
      {"", "{}"}, {"Foo.Bar", "{}"}, {a + "Nope", "{}"}, {x + "Nope", "{}"},
      {a + "CreateStateMachine", "{}"},
      {a + "CreateStateMachine", "{\"name\":5,\"definition\":" + esc + ",\"roleArn\":\"" + ROLE + "\"}"},
      {a + "CreateStateMachine", "{\"name\":\"bad name\",\"definition\":" + esc + ",\"roleArn\":\"" + ROLE + "\"}"},
      {a + "CreateStateMachine", "{\"name\":\"sm\",\"definition\":" + esc + ",\"roleArn\":\"nope\"}"},
      {a + "CreateStateMachine", "{\"name\":\"sm\",\"definition\":\"{}\",\"roleArn\":\"" + ROLE + "\"}"},
      {a + "CreateStateMachine", "{\"name\":\"sm\",\"definition\":\"{nope\",\"roleArn\":\"" + ROLE + "\"}"},
      {a + "CreateStateMachine", "{\"name\":\"sm\",\"definition\":" + esc + ",\"roleArn\":\"" + ROLE + "\",\"type\":\"X\"}"},
      {a + "CreateStateMachine", "{\"name\":\"sm\",\"definition\":" + esc + ",\"roleArn\":\"" + ROLE
          + "\",\"tags\":[{\"key\":\"k\",\"value\":\"v\"}]}"},
      {a + "CreateStateMachine", "{\"name\":\"sm\",\"definition\":" + esc + ",\"roleArn\":\"" + ROLE + "\"}"},
      {a + "CreateStateMachine", "{\"name\":\"sm\",\"definition\":" + pass + ",\"roleArn\":\"" + ROLE + "\"}"},
      {a + "CreateStateMachine", "{\"name\":\"ex\",\"definition\":" + pass + ",\"roleArn\":\"" + ROLE + "\",\"type\":\"EXPRESS\"}"},
      {a + "CreateStateMachine", "{\"name\":\"acts\",\"definition\":" + act + ",\"roleArn\":\"" + ROLE + "\",\"tags\":[5]}"},
      {a + "UpdateStateMachine", "{\"stateMachineArn\":\"" + SM + "sm\"}"},
      {a + "UpdateStateMachine", "{\"stateMachineArn\":\"" + SM + "sm\",\"roleArn\":\"x\"}"},
      {a + "UpdateStateMachine", "{\"stateMachineArn\":\"" + SM + "sm\",\"description\":\"d\",\"roleArn\":\"" + ROLE + "\"}"},
      {a + "UpdateStateMachine", "{\"stateMachineArn\":\"" + SM + "zz\",\"roleArn\":\"" + ROLE + "\"}"},
      {a + "DescribeStateMachine", "{\"stateMachineArn\":\"" + SM + "sm\"}"},
      {a + "DescribeStateMachine", "{\"stateMachineArn\":\"" + SM + "nope\"}"},
      {a + "DescribeStateMachine", "{\"stateMachineArn\":\"arn:aws:states:us-east-1:111111111111:activity:sm\"}"},
      {a + "DescribeStateMachine", "{\"stateMachineArn\":\"junk\"}"},
      {a + "ListStateMachines", "{}"},
      {a + "ListStateMachines", "{\"maxResults\":1}"},
      {a + "ListStateMachines", "{\"maxResults\":1,\"nextToken\":\"c2ZuLXRlc3Q6MQ\"}"},
      {a + "ListStateMachines", "{\"maxResults\":5000}"},
      {a + "ListStateMachines", "{\"maxResults\":\"x\"}"},
      {a + "ListStateMachines", "{\"nextToken\":\"bad\"}"},
      {a + "ValidateStateMachineDefinition", "{\"definition\":" + esc + "}"},
      {a + "ValidateStateMachineDefinition", "{\"definition\":\"{\\\"StartAt\\\":\\\"X\\\"}\"}"},
      {a + "ValidateStateMachineDefinition", "{\"definition\":\"{\\\"StartAt\\\":\\\"X\\\"}\",\"maxResults\":1,\"severity\":\"WARNING\"}"},
      {a + "StartExecution", "{}"},
      {a + "StartExecution", "{\"stateMachineArn\":\"" + SM + "sm\",\"input\":\"{bad\"}"},
      {a + "StartExecution", "{\"stateMachineArn\":\"" + SM + "sm\",\"name\":\"a b\"}"},
      {a + "StartExecution", "{\"stateMachineArn\":\"" + SM + "sm\",\"name\":\"e1\",\"input\":\"{\\\"a\\\":1}\"}"},
      {a + "StartExecution", "{\"stateMachineArn\":\"" + SM + "sm\",\"name\":\"e1\",\"input\":\"{\\\"a\\\":1}\"}"},
      {a + "StartExecution", "{\"stateMachineArn\":\"" + SM + "sm\",\"name\":\"e1\",\"input\":\"{}\"}"},
      {a + "StartExecution", "{\"stateMachineArn\":\"" + SM + "sm#\"}"},
      {a + "StartExecution", "{\"stateMachineArn\":\"" + SM + "sm#case\"}"},
      {a + "StartSyncExecution", "{\"stateMachineArn\":\"" + SM + "sm\"}"},
      {a + "StartSyncExecution", "{\"stateMachineArn\":\"" + SM + "ex\",\"name\":\"s1\",\"input\":\"{\\\"q\\\":2}\"}"},
      {a + "DescribeExecution", "{\"executionArn\":\"" + e1 + "\"}"},
      {a + "DescribeExecution", "{\"executionArn\":\"arn:aws:states:us-east-1:111111111111:execution:sm:zz\"}"},
      {a + "DescribeExecution", "{\"executionArn\":\"arn:aws:states:us-east-1:111111111111:stateMachine:sm:zz\"}"},
      {a + "DescribeExecution", "{\"executionArn\":\"junk\"}"},
      {a + "DescribeStateMachineForExecution", "{\"executionArn\":\"" + e1 + "\"}"},
      {a + "ListExecutions", "{}"},
      {a + "ListExecutions", "{\"mapRunArn\":\"arn:x\"}"},
      {a + "ListExecutions", "{\"stateMachineArn\":\"" + SM + "sm\"}"},
      {a + "ListExecutions", "{\"stateMachineArn\":\"" + SM + "sm\",\"statusFilter\":\"SUCCEEDED\"}"},
      {a + "ListExecutions", "{\"stateMachineArn\":\"" + SM + "sm\",\"statusFilter\":\"NOPE\"}"},
      {x + "AdvanceTime", "{\"executionArn\":\"" + e1 + "\",\"milliseconds\":6000}"},
      {x + "AdvanceTime", "{\"executionArn\":\"" + e1 + "\"}"},
      {x + "ListWaitingTasks", "{\"executionArn\":\"" + e1 + "\"}"},
      {a + "SendTaskHeartbeat", "{\"taskToken\":\"$TOKEN\"}"},
      {a + "SendTaskSuccess", "{\"taskToken\":\"$TOKEN\",\"output\":\"{bad\"}"},
      {a + "SendTaskSuccess", "{\"taskToken\":\"$TOKEN\",\"output\":\"{\\\"ok\\\":true}\"}"},
      {a + "SendTaskSuccess", "{\"taskToken\":\"$TOKEN\",\"output\":\"{}\"}"},
      {a + "SendTaskFailure", "{\"taskToken\":\"!!\"}"},
      {a + "SendTaskFailure", "{\"taskToken\":\"abc\",\"error\":\"E\"}"},
      {a + "SendTaskHeartbeat", "{}"},
      {a + "DescribeExecution", "{\"executionArn\":\"" + e1 + "\"}"},
      {a + "GetExecutionHistory", "{\"executionArn\":\"" + e1 + "\"}"},
      {a + "GetExecutionHistory", "{\"executionArn\":\"" + e1 + "\",\"reverseOrder\":true,\"includeExecutionData\":false,\"maxResults\":2}"},
      {a + "GetExecutionHistory", "{\"executionArn\":\"" + e1 + "\",\"maxResults\":2,\"nextToken\":\"c2ZuLXRlc3Q6Mg\"}"},
      {a + "StartExecution", "{\"stateMachineArn\":\"" + SM + "sm\",\"name\":\"e2\"}"},
      {a + "StopExecution", "{\"executionArn\":\"" + e2 + "\",\"error\":\"X\",\"cause\":\"c\"}"},
      {a + "StopExecution", "{\"executionArn\":\"" + e2 + "\"}"},
      {x + "AwaitCompletion", "{\"executionArn\":\"" + e2 + "\"}"},
      {a + "ListExecutions", "{\"stateMachineArn\":\"" + SM + "sm\",\"maxResults\":1}"},
      {a + "CreateActivity", "{\"name\":\"act\",\"tags\":[{\"key\":\"a\",\"value\":\"b\"}]}"},
      {a + "CreateActivity", "{\"name\":\"act\"}"},
      {a + "CreateActivity", "{\"name\":\"b*d\"}"},
      {a + "CreateActivity", "{\"name\":\"act2\"}"},
      {a + "DescribeActivity", "{\"activityArn\":\"" + actArn + "\"}"},
      {a + "DescribeActivity", "{\"activityArn\":\"arn:aws:states:us-east-1:111111111111:activity:none\"}"},
      {a + "ListActivities", "{\"maxResults\":1}"},
      {a + "GetActivityTask", "{\"activityArn\":\"" + actArn + "\"}"},
      {a + "CreateStateMachine", "{\"name\":\"acts\",\"definition\":" + act + ",\"roleArn\":\"" + ROLE + "\"}"},
      {a + "StartExecution", "{\"stateMachineArn\":\"" + SM + "acts\",\"name\":\"a1\"}"},
      {a + "GetActivityTask", "{\"activityArn\":\"" + actArn + "\",\"workerName\":\"w\"}"},
      {a + "SendTaskSuccess", "{\"taskToken\":\"$TOKEN\",\"output\":\"[1]\"}"},
      {a + "DescribeExecution", "{\"executionArn\":\"arn:aws:states:us-east-1:111111111111:execution:acts:a1\"}"},
      {a + "DeleteActivity", "{\"activityArn\":\"arn:aws:states:us-east-1:111111111111:activity:act2\"}"},
      {a + "DeleteActivity", "{\"activityArn\":\"" + SM + "x\"}"},
      {a + "ListActivities", "{}"},
      {a + "TagResource", "{\"resourceArn\":\"" + SM + "sm\",\"tags\":[{\"key\":\"k\",\"value\":\"w\"},{\"key\":\"z\"}]}"},
      {a + "TagResource", "{\"resourceArn\":\"" + SM + "sm\"}"},
      {a + "TagResource", "{\"resourceArn\":\"" + SM + "none\",\"tags\":[]}"},
      {a + "TagResource", "{\"resourceArn\":\"bad\",\"tags\":[]}"},
      {a + "ListTagsForResource", "{\"resourceArn\":\"" + SM + "sm\"}"},
      {a + "UntagResource", "{\"resourceArn\":\"" + SM + "sm\",\"tagKeys\":[\"k\"]}"},
      {a + "UntagResource", "{\"resourceArn\":\"" + SM + "sm\"}"},
      {a + "ListTagsForResource", "{\"resourceArn\":\"" + SM + "sm\"}"},
      {a + "ListTagsForResource", "{\"resourceArn\":\"" + actArn + "\"}"},
      {x + "DescribeEndpoint", "{}"},
      {x + "PutMockConfig", "{\"mockConfig\":\"{bad\"}"},
      {x + "PutMockConfig", "{\"mockConfig\":\"{\\\"StateMachines\\\":{\\\"sm\\\":{\\\"TestCases\\\":{\\\"c\\\":{\\\"T\\\":\\\"R\\\"}}}},"
          + "\\\"MockedResponses\\\":{\\\"R\\\":{\\\"0\\\":{\\\"Return\\\":{\\\"x\\\":1}}}}}\"}"},
      {a + "StartExecution", "{\"stateMachineArn\":\"" + SM + "sm#c\",\"name\":\"m1\"}"},
      {a + "DescribeExecution", "{\"executionArn\":\"arn:aws:states:us-east-1:111111111111:execution:sm:m1\"}"},
      {a + "TestState", "{\"definition\":\"{\\\"Type\\\":\\\"Pass\\\",\\\"End\\\":true}\",\"input\":\"{}\"}"},
      {a + "TestState", "{}"},
      {a + "DeleteStateMachine", "{\"stateMachineArn\":\"" + SM + "sm\"}"},
      {a + "DeleteStateMachine", "{\"stateMachineArn\":\"bad\"}"},
      {a + "ListTagsForResource", "{\"resourceArn\":\"" + SM + "sm\"}"},
      {a + "ListStateMachines", "{}"},
    };
  }
}

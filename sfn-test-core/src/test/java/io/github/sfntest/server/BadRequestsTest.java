package io.github.sfntest.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Bad requests get AWS-shaped errors ({"__type", "message"}, x-amzn-ErrorType), never a hang or a stack trace. */
class BadRequestsTest {

  static SfnServer server;

  @BeforeAll
  static void start() {
    server = SfnServer.builder().maxBodyBytes(64 * 1024).start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpClient fresh() {
    return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  record Answer(int status, String type, String message, String header) {}

  static Answer post(String target, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.endpoint().resolve("/"))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/x-amz-json-1.0")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (target != null) {
      b.header("X-Amz-Target", target);
    }
    // A client of its own per request: after a refused body (413) the server closes the connection,
    // and a pooled connection could be picked up in that instant (the AWS SDK retries; this test does not).
    HttpResponse<String> r = fresh().send(b.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode json = new ObjectMapper().readTree(r.body());
    assertThat(r.body()).doesNotContain("\tat ").doesNotContain("Exception:\n");
    return new Answer(r.statusCode(), json.path("__type").asText(null), json.path("message").asText(null),
        r.headers().firstValue("x-amzn-ErrorType").orElse(null));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', textBlock = """
      AWSStepFunctions.StartExecution    | {not json                                        | 400 | SerializationException
      AWSStepFunctions.StartExecution    | [1,2]                                            | 400 | SerializationException
      AWSStepFunctions.StartExecution    | "text"                                           | 400 | SerializationException
      AWSStepFunctions.DoSomethingElse   | {}                                               | 400 | UnknownOperationException
      Foo.Bar                            | {}                                               | 400 | UnknownOperationException
      AWSStepFunctions.DescribeExecution | {"executionArn": 42}                             | 400 | SerializationException
      AWSStepFunctions.DescribeExecution | {"executionArn": {"a": 1}}                       | 400 | SerializationException
      AWSStepFunctions.DescribeExecution | {}                                               | 400 | ValidationException
      AWSStepFunctions.DescribeExecution | {"executionArn": "arn:aws:states:us-east-1:111111111111:execution:X:y"} | 400 | ExecutionDoesNotExist
      AWSStepFunctions.DescribeExecution | {"executionArn": "nonsense"}                     | 400 | InvalidArn
      AWSStepFunctions.DescribeStateMachine | {"stateMachineArn": "arn:aws:states:us-east-1:111111111111:stateMachine:Nope"} | 400 | StateMachineDoesNotExist
      AWSStepFunctions.DescribeStateMachine | {"stateMachineArn": "arn:aws:states:us-east-1:111111111111:activity:Nope"} | 400 | InvalidArn
      AWSStepFunctions.StartExecution    | {"stateMachineArn": "arn:aws:states:us-east-1:111111111111:stateMachine:Nope#Case"} | 400 | StateMachineDoesNotExist
      AWSStepFunctions.ListExecutions    | {"stateMachineArn": "arn:aws:states:us-east-1:111111111111:stateMachine:Nope", "maxResults": "ten"} | 400 | SerializationException
      AWSStepFunctions.ListExecutions    | {"stateMachineArn": "arn:aws:states:us-east-1:111111111111:stateMachine:Nope", "maxResults": 5000} | 400 | ValidationException
      AWSStepFunctions.GetExecutionHistory | {"executionArn": "arn:aws:states:us-east-1:111111111111:execution:X:y", "reverseOrder": "yes"} | 400 | SerializationException
      AWSStepFunctions.SendTaskSuccess   | {"taskToken": "AAAA", "output": "{}"}             | 400 | InvalidToken
      AWSStepFunctions.SendTaskSuccess   | {"taskToken": "not a token!", "output": "{}"}     | 400 | InvalidToken
      AWSStepFunctions.CreateStateMachine | {"name": "x", "definition": "{}", "roleArn": "arn:aws:iam::111111111111:role/r"} | 400 | InvalidDefinition
      AWSStepFunctions.CreateStateMachine | {"name": "x", "definition": "{}", "roleArn": "role"} | 400 | InvalidArn
      AWSStepFunctions.CreateStateMachine | {"name": "x", "definition": "{\\"StartAt\\":\\"A\\",\\"States\\":{\\"A\\":{\\"Type\\":\\"Pass\\",\\"End\\":true}}}", "roleArn": "arn:aws:iam::111111111111:role/r", "type": "FAST"} | 400 | ValidationException
      AWSStepFunctions.TestState         | {"definition": "{\\"Type\\":\\"Nope\\"}", "roleArn": "arn:aws:iam::111111111111:role/r"} | 400 | InvalidDefinition
      """)
  void answersWithAwsErrorTypes(String target, String body, int status, String type) throws Exception {
    Answer a = post(target, body);
    assertThat(a.status()).isEqualTo(status);
    assertThat(a.type()).isEqualTo(type);
    assertThat(a.header()).isEqualTo(type);
    assertThat(a.message()).isNotBlank();
  }

  @Test
  void missingTargetHeader() throws Exception {
    Answer a = post(null, "{}");
    assertThat(a.type()).isEqualTo("UnknownOperationException");
    assertThat(a.message()).contains("X-Amz-Target");
  }

  @Test
  void hugeBodyIs413() throws Exception {
    String big = "{\"input\":\"" + "x".repeat(200_000) + "\"}";
    Answer a = post("AWSStepFunctions.StartExecution", big);
    assertThat(a.status()).isEqualTo(413);
    assertThat(a.type()).isEqualTo("RequestEntityTooLargeException");
  }

  @Test
  void deeplyNestedJsonIsNotA500WithStackTrace() throws Exception {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    Answer a = post("AWSStepFunctions.StartExecution", deep);
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.type()).isEqualTo("SerializationException");
  }

  @Test
  void emptyBodyIsAnEmptyRequest() throws Exception {
    Answer a = post("AWSStepFunctions.ListStateMachines", "");
    assertThat(a.status()).isEqualTo(0 + 400 - 400 + 200);
  }

  @Test
  void healthCheckAndOtherMethods() throws Exception {
    HttpResponse<String> get = fresh().send(HttpRequest.newBuilder(server.endpoint().resolve("/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.body()).contains("\"running\"");
    HttpResponse<String> put = fresh().send(HttpRequest.newBuilder(server.endpoint().resolve("/x"))
        .PUT(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).isEqualTo(404);
    assertThat(put.body()).contains("UnknownOperationException");
  }
}

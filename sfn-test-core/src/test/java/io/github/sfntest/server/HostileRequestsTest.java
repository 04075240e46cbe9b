package io.github.sfntest.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.json.Json;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The endpoint against requests no SDK sends: idle and half-sent connections cannot starve it,
 * every malformed request gets an AWS-shaped 4xx ({"__type", "message"} and x-amzn-ErrorType),
 * never the server's own page, a 500 or a stack trace.
 */
class HostileRequestsTest {

  static SfnServer server;

  @BeforeAll
  static void start() {
    server = SfnServer.builder().start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static final String DEFINITION =
      "{\\\"StartAt\\\":\\\"P\\\",\\\"States\\\":{\\\"P\\\":{\\\"Type\\\":\\\"Pass\\\",\\\"End\\\":true}}}";

  private static JsonNode awsError(RawHttp.Answer answer, int status, String type) {
    assertThat(answer.status()).as(answer.head()).isEqualTo(status);
    assertThat(answer.head().toLowerCase()).contains("content-type: application/x-amz-json-1.0")
        .contains("x-amzn-errortype: " + type.toLowerCase());
    JsonNode body = Json.parse(answer.body());
    assertThat(body.path("__type").asText()).isEqualTo(type);
    assertThat(body.path("message").asText()).isNotBlank().doesNotContain("\tat ").doesNotContain("<html");
    return body;
  }

  @Test
  void hundreds_of_half_sent_requests_do_not_starve_a_normal_call() throws Exception {
    List<Socket> idle = new ArrayList<>();
    try {
      for (int i = 0; i < 300; i++) {
        Socket s = RawHttp.open(server.endpoint());
        s.getOutputStream().write("POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Tar".getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        idle.add(s);
      }
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(server.endpoint().resolve("/"))
          .timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/x-amz-json-1.0")
          .header("X-Amz-Target", "AWSStepFunctions.ListStateMachines")
          .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).contains("stateMachines");
    } finally {
      for (Socket s : idle) {
        s.close();
      }
    }
  }

  @Test
  void a_content_length_that_is_not_a_number_is_an_aws_shaped_400() throws Exception {
    RawHttp.Answer answer = RawHttp.exchange(server.endpoint(),
        "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-amz-json-1.0\r\n"
            + "X-Amz-Target: AWSStepFunctions.ListStateMachines\r\nContent-Length: abc\r\n\r\n{}", 10_000);
    assertThat(awsError(answer, 400, "SerializationException").path("message").asText()).contains("Malformed HTTP request (400");
  }

  @Test
  void oversized_headers_are_an_aws_shaped_431() throws Exception {
    RawHttp.Answer answer = RawHttp.exchange(server.endpoint(),
        "POST / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "x".repeat(40_000) + "\r\n\r\n", 10_000);
    awsError(answer, 431, "SerializationException");
  }

  @Test
  void a_garbage_request_line_is_an_aws_shaped_400() throws Exception {
    awsError(RawHttp.exchange(server.endpoint(), "\u0001\u0002 nonsense\r\n\r\n", 10_000), 400, "SerializationException");
  }

  @Test
  void the_content_type_must_be_aws_json() throws Exception {
    for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", null}) {
      JsonNode body = awsError(RawHttp.exchange(server.endpoint(),
          RawHttp.post("AWSStepFunctions.ListStateMachines", type, "{}"), 10_000), 415, "UnsupportedMediaTypeException");
      assertThat(body.path("message").asText()).contains("application/x-amz-json-1.0");
    }
    for (String type : new String[] {"application/x-amz-json-1.0", "application/x-amz-json-1.1; charset=utf-8"}) {
      assertThat(RawHttp.exchange(server.endpoint(), RawHttp.post("AWSStepFunctions.ListStateMachines", type, "{}"), 10_000)
          .status()).isEqualTo(200);
    }
  }

  @Test
  void a_body_that_is_not_utf8_is_a_serialization_exception() throws Exception {
    byte[] head = ("POST / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-Amz-Target: AWSStepFunctions.ListStateMachines\r\n"
        + "Content-Type: application/x-amz-json-1.0\r\nContent-Length: 4\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] request = java.util.Arrays.copyOf(head, head.length + 4);
    System.arraycopy(new byte[] {'{', '"', (byte) 0xFF, '}'}, 0, request, head.length, 4);
    awsError(RawHttp.exchange(server.endpoint(), request, 10_000), 400, "SerializationException");
  }

  @Test
  void execution_inputs_beyond_the_json_policy_are_invalid_execution_input() throws Exception {
    String arn = Json.parse(RawHttp.exchange(server.endpoint(), RawHttp.post("AWSStepFunctions.CreateStateMachine",
        "application/x-amz-json-1.0", "{\"name\":\"hostile\",\"definition\":\"" + DEFINITION
            + "\",\"roleArn\":\"arn:aws:iam::111111111111:role/r\"}"), 10_000).body()).path("stateMachineArn").asText();
    String deep = "[".repeat(9_000) + "]".repeat(9_000);
    for (String input : new String[] {deep, "{\\\"n\\\": 1E+2147483647}", "{\\\"n\\\": 1e10000}"}) {
      RawHttp.Answer answer = RawHttp.exchange(server.endpoint(), RawHttp.post("AWSStepFunctions.StartExecution",
          "application/x-amz-json-1.0", "{\"stateMachineArn\":\"" + arn + "\",\"input\":\"" + input + "\"}"), 10_000);
      awsError(answer, 400, "InvalidExecutionInput");
    }
  }

  @Test
  void an_unmocked_task_names_its_state_through_the_endpoint_as_in_the_cli() throws Exception {
    String definition = "{\\\"StartAt\\\":\\\"Charge\\\",\\\"States\\\":{\\\"Charge\\\":{\\\"Type\\\":\\\"Task\\\","
        + "\\\"Resource\\\":\\\"arn:aws:states:::lambda:invoke\\\",\\\"End\\\":true}}}";
    String arn = Json.parse(RawHttp.exchange(server.endpoint(), RawHttp.post("AWSStepFunctions.CreateStateMachine",
        "application/x-amz-json-1.0", "{\"name\":\"unmocked\",\"definition\":\"" + definition
            + "\",\"roleArn\":\"arn:aws:iam::111111111111:role/r\"}"), 10_000).body()).path("stateMachineArn").asText();
    String execution = Json.parse(RawHttp.exchange(server.endpoint(), RawHttp.post("AWSStepFunctions.StartExecution",
        "application/x-amz-json-1.0", "{\"stateMachineArn\":\"" + arn + "\"}"), 10_000).body()).path("executionArn").asText();
    JsonNode described = Json.parse(RawHttp.exchange(server.endpoint(), RawHttp.post("AWSStepFunctions.DescribeExecution",
        "application/x-amz-json-1.0", "{\"executionArn\":\"" + execution + "\"}"), 10_000).body());
    assertThat(described.path("status").asText()).isEqualTo("FAILED");
    assertThat(described.path("cause").asText())
        .startsWith("The task state 'Charge' (resource arn:aws:states:::lambda:invoke) has no mock");
  }

  @Test
  void an_express_execution_that_waits_past_five_minutes_times_out() throws Exception {
    String definition = "{\\\"StartAt\\\":\\\"W\\\",\\\"States\\\":{\\\"W\\\":{\\\"Type\\\":\\\"Wait\\\","
        + "\\\"Seconds\\\":600,\\\"End\\\":true}}}";
    String arn = Json.parse(RawHttp.exchange(server.endpoint(), RawHttp.post("AWSStepFunctions.CreateStateMachine",
        "application/x-amz-json-1.0", "{\"name\":\"slow-express\",\"type\":\"EXPRESS\",\"definition\":\"" + definition
            + "\",\"roleArn\":\"arn:aws:iam::111111111111:role/r\"}"), 10_000).body()).path("stateMachineArn").asText();
    JsonNode sync = Json.parse(RawHttp.exchange(server.endpoint(), RawHttp.post("AWSStepFunctions.StartSyncExecution",
        "application/x-amz-json-1.0", "{\"stateMachineArn\":\"" + arn + "\"}"), 10_000).body());
    assertThat(sync.path("status").asText()).isEqualTo("TIMED_OUT");
  }

  @Test
  void a_request_body_nested_beyond_the_policy_is_a_serialization_exception() throws Exception {
    String deep = "{\"a\":".repeat(9_000) + "1" + "}".repeat(9_000);
    awsError(RawHttp.exchange(server.endpoint(), RawHttp.post("AWSStepFunctions.ListStateMachines",
        "application/x-amz-json-1.0", deep), 10_000), 400, "SerializationException");
  }
}

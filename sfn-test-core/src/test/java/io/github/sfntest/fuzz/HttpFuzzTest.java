package io.github.sfntest.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.server.SfnServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Raw, mutated HTTP requests to the endpoint on loopback: every answer is a 2xx or an AWS-shaped
 * 4xx ({"__type", "message"}, x-amzn-ErrorType), or the connection is closed because the request
 * itself was cut short; a 5xx, a non-JSON answer, a trace or no answer at all is an escape.
 */
class HttpFuzzTest {

  static final long SEED = 22022L;
  // A fixed count, so every run tries the same seeded inputs; sized so the four fuzzers and the
  // validator fuzz stay under a minute together on a 2-core CI machine.
  static final int REQUESTS = 300;

  static final String DEFINITION = "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\","
      + "\"Resource\":\"arn:aws:states:::lambda:invoke\",\"End\":true}}}";

  static final String[][] ACTIONS = {
    {"ListStateMachines", "{}"},
    {"CreateStateMachine", "{\"name\":\"fuzz\",\"definition\":" + Json.NODES.textNode(DEFINITION)
        + ",\"roleArn\":\"arn:aws:iam::111111111111:role/r\"}"},
    {"StartExecution", "{\"stateMachineArn\":\"arn:aws:states:us-east-1:123456789012:stateMachine:fuzz\","
        + "\"input\":\"{\\\"a\\\":[1,2,{\\\"b\\\":null}]}\"}"},
    {"StartSyncExecution", "{\"stateMachineArn\":\"arn:aws:states:us-east-1:123456789012:stateMachine:fuzz\",\"input\":\"{}\"}"},
    {"DescribeExecution", "{\"executionArn\":\"arn:aws:states:us-east-1:123456789012:execution:fuzz:x\"}"},
    {"GetExecutionHistory", "{\"executionArn\":\"arn:aws:states:us-east-1:123456789012:execution:fuzz:x\",\"maxResults\":5}"},
    {"SendTaskSuccess", "{\"taskToken\":\"AAAA\",\"output\":\"{}\"}"},
    {"ValidateStateMachineDefinition", "{\"definition\":" + Json.NODES.textNode(DEFINITION) + "}"},
    {"TestState", "{\"definition\":\"{\\\"Type\\\":\\\"Pass\\\",\\\"End\\\":true}\",\"roleArn\":\"arn:aws:iam::111111111111:role/r\",\"input\":\"{}\"}"},
    {"ListExecutions", "{\"stateMachineArn\":\"arn:aws:states:us-east-1:123456789012:stateMachine:fuzz\",\"maxResults\":10}"},
  };

  static final String[] HEADER_MUTATIONS = {
    "Content-Length: abc", "Content-Length: -5", "Content-Length: 99999999999999999999", "Content-Length: 1\r\nContent-Length: 2",
    "Transfer-Encoding: chunked", "Transfer-Encoding: gzip", "Content-Type: text/plain", "Content-Type:",
    "X-Amz-Target: AWSStepFunctions.", "X-Amz-Target: " + "A".repeat(10_000), "X-Amz-Target: AWSStepFunctions.ListStateMachines\r\nX-Amz-Target: Foo",
    " folded: header", "Bad Header Name: x", "X-Null: a\u0000b", "Host:", "Expect: 100-continue", "Connection: upgrade\r\nUpgrade: h2c",
    "X-Long: " + "x".repeat(20_000), "Content-Encoding: gzip",
  };

  static final String[] REQUEST_LINES = {
    "POST / HTTP/1.1", "POST / HTTP/1.0", "GET / HTTP/1.1", "HEAD /health HTTP/1.1", "PUT / HTTP/1.1", "DELETE /x HTTP/1.1",
    "POST /%zz HTTP/1.1", "POST /" + "a".repeat(20_000) + " HTTP/1.1", "POST / HTTP/9.9", "POST  /  HTTP/1.1", "\u0001\u00ff / HTTP/1.1",
    "POST * HTTP/1.1", "OPTIONS * HTTP/1.1", "POST http://evil.example/ HTTP/1.1", "BREW / HTCPCP/1.0",
  };

  @Test
  void mutated_requests_get_a_2xx_or_an_aws_shaped_4xx() {
    Outcomes outcomes = new Outcomes("raw HTTP requests");
    try (SfnServer server = SfnServer.builder().maxBodyBytes(300 * 1024).start()) {
      assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
        Random random = new Random(SEED);
        Mutator mutator = new Mutator(SEED);
        send(server.endpoint(), request(ACTIONS[1][0], ACTIONS[1][1], null, null), outcomes, "seed");
        for (int i = 0; i < REQUESTS; i++) {
          String[] action = ACTIONS[random.nextInt(ACTIONS.length)];
          byte[] body = switch (random.nextInt(4)) {
            case 0 -> action[1].getBytes(StandardCharsets.UTF_8);
            case 1 -> mutator.mutate(action[1]);
            case 2 -> action[1].replace("{}", Json.NODES.textNode(HostileValues.pick(random)).toString().replace("\\\"", "\\\""))
                .getBytes(StandardCharsets.UTF_8);
            default -> ("{\"input\":" + HostileValues.pick(random) + ",\"definition\":" + HostileValues.pick(random) + "}")
                .getBytes(StandardCharsets.UTF_8);
          };
          String line = random.nextInt(4) == 0 ? REQUEST_LINES[random.nextInt(REQUEST_LINES.length)] : null;
          String header = random.nextInt(3) == 0 ? HEADER_MUTATIONS[random.nextInt(HEADER_MUTATIONS.length)] : null;
          byte[] request = request(action[0], body, line, header);
          boolean cut = random.nextInt(10) == 0;
          if (cut) {
            request = Mutator.slice(request, 0, random.nextInt(request.length));
          }
          send(server.endpoint(), request, outcomes,
              (cut ? "CUT " : "") + new String(request, 0, Math.min(request.length, 400), StandardCharsets.ISO_8859_1));
        }
      }, "an HTTP request hung");
    }
    outcomes.assertNothingEscaped(REQUESTS);
  }

  static byte[] request(String action, String body, String line, String header) {
    return request(action, body.getBytes(StandardCharsets.UTF_8), line, header);
  }

  static byte[] request(String action, byte[] body, String line, String header) {
    String head = (line == null ? "POST / HTTP/1.1" : line) + "\r\nHost: localhost\r\nConnection: close\r\n"
        + "X-Amz-Target: AWSStepFunctions." + action + "\r\nContent-Type: application/x-amz-json-1.0\r\n"
        + (header == null || !header.startsWith("Content-Length") ? "Content-Length: " + body.length + "\r\n" : "")
        + (header == null ? "" : header + "\r\n") + "\r\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(body);
    return out.toByteArray();
  }

  static void send(URI endpoint, byte[] request, Outcomes outcomes, String shown) throws IOException {
    byte[] answer;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 5_000);
      socket.setSoTimeout(20_000);
      try {
        socket.getOutputStream().write(request);
        socket.shutdownOutput(); // the whole request is sent: the server must answer or close now
      } catch (IOException e) {
        // the server closed early (e.g. on oversized headers); read what it said
      }
      try {
        answer = readAll(socket.getInputStream());
      } catch (SocketTimeoutException e) {
        outcomes.escape("no answer within 20 s", shown, null);
        return;
      }
    }
    classify(answer, outcomes, shown);
  }

  static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    try {
      int n;
      while ((n = in.read(chunk)) > 0) {
        out.write(chunk, 0, n);
      }
    } catch (java.net.SocketException e) {
      // reset after the answer: keep what arrived
    }
    return out.toByteArray();
  }

  static void classify(byte[] bytes, Outcomes outcomes, String shown) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.isEmpty()) {
      // only a request whose own framing is broken may go unanswered: cut short, or a body that
      // ends before its declared length or chunking
      String framing = shown.contains("Transfer-Encoding: chunked") ? "broken chunking"
          : shown.startsWith("CUT ") ? "request cut short"
          : shown.contains("Content-Length: 99999999999999999999") || shown.contains("Content-Length: -5") ? "bad length"
          : null;
      if (framing == null) {
        outcomes.escape("closed without an answer", shown, null);
      } else {
        outcomes.count("closed without an answer (" + framing + ")");
      }
      return;
    }
    if (!text.startsWith("HTTP/1.1 ") && !text.startsWith("HTTP/1.0 ")) {
      outcomes.escape("not an HTTP answer: " + text.substring(0, Math.min(80, text.length())), shown, null);
      return;
    }
    int status = Integer.parseInt(text.substring(9, 12));
    int split = text.indexOf("\r\n\r\n");
    String headers = split < 0 ? text : text.substring(0, split);
    String body = split < 0 ? "" : text.substring(split + 4);
    if (body.contains("\tat ") || body.contains("<html")) {
      outcomes.escape(status + " with a trace or an HTML page", shown, null);
      return;
    }
    boolean head = shown.startsWith("HEAD ") || shown.startsWith("CUT HEAD ");
    if (status == 505 && body.contains("\"__type\"")) {
      // HTTP itself answers an unknown protocol version with 505; still AWS-shaped
      outcomes.count("505 " + "SerializationException (unknown HTTP version)");
      return;
    }
    if (status >= 500) {
      outcomes.escape(status + " " + body.substring(0, Math.min(200, body.length())), shown, null);
      return;
    }
    if (status >= 400) {
      if (head && body.isEmpty() && headers.toLowerCase().contains("x-amzn-errortype: ")) {
        outcomes.count(status + " (HEAD: no body, error type in x-amzn-ErrorType)");
        return;
      }
      JsonNode json;
      try {
        json = Json.parse(body);
      } catch (IllegalArgumentException e) {
        outcomes.escape(status + " without a JSON body", shown, null);
        return;
      }
      String type = json.path("__type").asText("");
      if (type.isEmpty() || !headers.toLowerCase().contains("x-amzn-errortype: " + type.toLowerCase())) {
        outcomes.escape(status + " not AWS-shaped: " + body, shown, null);
        return;
      }
      outcomes.count(status + " " + type);
      return;
    }
    outcomes.count(status + " success");
  }
}

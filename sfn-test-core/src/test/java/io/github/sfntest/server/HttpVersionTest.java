package io.github.sfntest.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.json.Json;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A request line with an HTTP version the endpoint does not speak gets 505 HTTP Version Not
 * Supported (RFC 9110 section 15.6.6), with an AWS-shaped JSON error body, never an HTML page.
 */
class HttpVersionTest {

  @ParameterizedTest
  @ValueSource(strings = {"HTTP/9.9", "HTTP/3.0"})
  void an_unknown_http_version_gets_505_with_an_aws_shaped_body(String version) throws IOException {
    try (SfnServer server = SfnServer.builder().start()) {
      String body = "{}";
      RawHttp.Answer answer = RawHttp.exchange(server.endpoint(), "POST / " + version + "\r\nHost: localhost\r\n"
          + "X-Amz-Target: AWSStepFunctions.ListStateMachines\r\nContent-Type: application/x-amz-json-1.0\r\n"
          + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body, 10_000);

      assertThat(answer.status()).isEqualTo(505);
      assertThat(answer.head().toLowerCase()).contains("x-amzn-errortype: serializationexception")
          .contains("content-type: application/x-amz-json-1.0");
      JsonNode error = Json.parse(answer.body());
      assertThat(error.get("__type").asText()).isEqualTo("SerializationException");
      assertThat(error.get("message").asText()).contains("HTTP Version Not Supported").contains("HTTP/1.1");
    }
  }
}

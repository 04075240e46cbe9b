package io.github.sfntest.internal.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.internal.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Calls of sfn-test's own actions ({@code X-Amz-Target: SfnTest.<Action>}) on an sfn-test
 * endpoint: waiting tasks, virtual time, completion in virtual time. Other engines do not have
 * them; {@link #probe} tells.
 */
public final class EndpointExtensions {

  private final URI endpoint;
  private final HttpClient http;

  private EndpointExtensions(URI endpoint) {
    this.endpoint = endpoint;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** The extensions of the endpoint and its self-description, or empty when it is not sfn-test's. */
  public static Optional<EndpointExtensions> probe(URI endpoint) {
    if (endpoint == null) {
      return Optional.empty();
    }
    EndpointExtensions ext = new EndpointExtensions(endpoint);
    try {
      JsonNode d = ext.call("DescribeEndpoint", Json.NODES.objectNode());
      return "sfn-test".equals(d.path("engine").asText()) ? Optional.of(ext) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  public JsonNode describe() {
    return call("DescribeEndpoint", Json.NODES.objectNode());
  }

  /** Calls {@code SfnTest.<action>}; AWS-shaped errors become {@link ExtensionException}. */
  public JsonNode call(String action, ObjectNode body) {
    HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/"))
        .timeout(Duration.ofMinutes(5))
        .header("Content-Type", "application/x-amz-json-1.0")
        .header("X-Amz-Target", "SfnTest." + action)
        .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ExtensionException("IOException", "cannot reach " + endpoint + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExtensionException("Interrupted", "interrupted calling " + endpoint);
    }
    JsonNode json;
    try {
      json = Json.parse(response.body());
    } catch (IllegalArgumentException e) {
      throw new ExtensionException("SerializationException", "not a JSON answer from " + endpoint);
    }
    if (response.statusCode() != 200) {
      throw new ExtensionException(json.path("__type").asText("Unknown"), json.path("message").asText(""));
    }
    return json;
  }

  /** An error answer of an extension action. */
  public static final class ExtensionException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String type;

    ExtensionException(String type, String message) {
      super(message);
      this.type = type;
    }

    public String type() {
      return type;
    }
  }
}

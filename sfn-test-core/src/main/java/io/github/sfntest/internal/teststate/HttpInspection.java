package io.github.sfntest.internal.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.internal.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP request and response of an HTTP Task ({@code arn:aws:states:::http:invoke}) at TRACE, in
 * the shapes of the API's {@code InspectionDataRequest} ({@code protocol}, {@code method}, {@code
 * url}, {@code headers}, {@code body}) and {@code InspectionDataResponse} ({@code protocol}, {@code
 * statusCode}, {@code statusMessage}, {@code headers}, {@code body}); every member is a string, as
 * the API types them. The request is what the task's evaluated arguments ask for (the URL with its
 * query parameters, the body encoded as {@code Transform.RequestBodyEncoding} says); the response is
 * the integration's result ({@code StatusCode}, {@code StatusText}, {@code Headers}, {@code
 * ResponseBody}). sfn-test calls no connection, so nothing secret is added (what {@code
 * revealSecrets} would show on AWS: the connection's authorization) and nothing needs hiding.
 */
final class HttpInspection {

  static final String RESOURCE = "arn:aws:states:::http:invoke";

  private HttpInspection() {}

  /** Adds {@code request} and, when the task answered, {@code response} to {@code data}. */
  static void add(ObjectNode data, JsonNode arguments, JsonNode result) {
    if (arguments != null && arguments.isObject()) {
      data.set("request", request(arguments));
    }
    if (result != null && result.isObject()) {
      data.set("response", response(result, arguments));
    }
  }

  private static ObjectNode request(JsonNode args) {
    ObjectNode request = Json.NODES.objectNode();
    String endpoint = args.path("ApiEndpoint").asText("");
    request.put("protocol", protocol(endpoint));
    request.put("method", args.path("Method").asText("").toUpperCase(java.util.Locale.ROOT));
    request.put("url", endpoint + query(args.get("QueryParameters"), endpoint.contains("?") ? "&" : "?"));
    request.put("headers", args.has("Headers") ? Json.write(args.get("Headers")) : "{}");
    request.put("body", body(args.get("RequestBody"), args.path("Transform").path("RequestBodyEncoding").asText("NONE")));
    return request;
  }

  private static ObjectNode response(JsonNode result, JsonNode args) {
    ObjectNode response = Json.NODES.objectNode();
    response.put("protocol", protocol(args == null ? "" : args.path("ApiEndpoint").asText("")));
    JsonNode status = result.get("StatusCode");
    if (status != null && !status.isNull()) {
      response.put("statusCode", status.asText());
    }
    if (result.hasNonNull("StatusText")) {
      response.put("statusMessage", result.get("StatusText").asText());
    }
    response.put("headers", result.has("Headers") ? Json.write(result.get("Headers")) : "{}");
    JsonNode body = result.get("ResponseBody");
    response.put("body", body == null || body.isNull() ? "" : body.isTextual() ? body.asText() : Json.write(body));
    return response;
  }

  private static String protocol(String endpoint) {
    int colon = endpoint.indexOf("://");
    return colon > 0 ? endpoint.substring(0, colon).toLowerCase(java.util.Locale.ROOT) : "https";
  }

  private static String query(JsonNode params, String separator) {
    if (params == null || !params.isObject() || params.isEmpty()) {
      return "";
    }
    List<String> pairs = new ArrayList<>();
    params.properties().forEach(e -> {
      if (e.getValue().isArray()) {
        e.getValue().forEach(v -> pairs.add(encode(e.getKey()) + "=" + encode(v.isTextual() ? v.asText() : Json.write(v))));
      } else {
        JsonNode v = e.getValue();
        pairs.add(encode(e.getKey()) + "=" + encode(v.isTextual() ? v.asText() : Json.write(v)));
      }
    });
    return separator + String.join("&", pairs);
  }

  private static String body(JsonNode body, String encoding) {
    if (body == null || body.isNull()) {
      return "";
    }
    if (encoding.equals("URL_ENCODED") && body.isObject()) {
      return query(body, "");
    }
    return body.isTextual() ? body.asText() : Json.write(body);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

package io.github.sfntest.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.engine.StatesErrors;
import io.github.sfntest.internal.StatesException;
import io.github.sfntest.internal.json.Json;

/**
 * The checks an optimised integration makes on its resolved {@code Parameters} before the task
 * starts. A refused value fails the state with {@code States.Runtime} before {@code TaskScheduled},
 * with AWS's cause: {@code The Parameters '<json>' could not be used to start the Task: [<reason>]}.
 */
public final class IntegrationParameters {
  private IntegrationParameters() {}

  public static void check(TaskResource resource, JsonNode params) {
    if (resource.kind() == TaskResource.Kind.SERVICE && "apigateway".equals(resource.resourceType())) {
      checkApiGatewayHeaders(params);
    }
  }

  /**
   * API Gateway's {@code Headers} is a map from header name to a list of values ({@code
   * {"key": ["value1", "value2"]}} in "Call API Gateway with Step Functions"); a plain string value
   * is refused, as the recording of {@code invoke_with_headers[singleStringHeader]} shows.
   */
  private static void checkApiGatewayHeaders(JsonNode params) {
    JsonNode headers = params == null ? null : params.get("Headers");
    if (headers == null || headers.isNull()) {
      return;
    }
    boolean valid = headers.isObject();
    for (JsonNode values : headers) {
      valid &= values.isArray();
      for (JsonNode v : values) {
        valid &= v.isTextual();
      }
    }
    if (!valid) {
      throw new StatesException(StatesErrors.RUNTIME, "The Parameters '" + Json.write(params)
          + "' could not be used to start the Task: [The value of the field 'Headers' has an invalid format]");
    }
  }
}

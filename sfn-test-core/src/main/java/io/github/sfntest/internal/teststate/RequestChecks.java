package io.github.sfntest.internal.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.teststate.TestStateException;
import io.github.sfntest.teststate.TestStateRequest;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** The requests AWS's TestState refuses, with AWS's messages. */
final class RequestChecks {

  private static final Set<String> NO_MOCK_TYPES = Set.of("Pass", "Succeed", "Fail", "Choice", "Wait");
  private static final Map<String, Set<String>> CONTEXT_FIELDS = Map.of(
      "Execution", Set.of("Id", "Input", "Name", "RoleArn", "StartTime", "RedriveCount", "RedriveTime"),
      "State", Set.of("EnteredTime", "Name", "RetryCount"),
      "StateMachine", Set.of("Id", "Name"),
      "Task", Set.of("Token"),
      "Map", Set.of("Item"));

  private RequestChecks() {}

  static void check(TestStateRequest request, TestedState tested) {
    if (request.mockResult().isPresent() && request.hasMockError()) {
      throw validation("A test mock should have only one of the following fields: [result, errorOutput].");
    }
    if (request.hasMock() && request.revealSecrets()) {
      throw validation("TestState does not support RevealSecrets when a mock is specified.");
    }
    if (request.hasMock() && NO_MOCK_TYPES.contains(tested.type)) {
      throw validation("State type '" + tested.type + "' is not supported when a mock is specified");
    }
    if (request.mapIterationFailureCount().isPresent() && !request.hasMock()) {
      throw validation("TestState does not support MapIterationFailureCount when a mock is not specified.");
    }
    if (tested.isMapOrParallel() && !request.hasMock() && !request.runChildren()) {
      throw new TestStateException("InvalidDefinition", "TestState API does not support Map or Parallel states. "
          + "Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]");
    }
    if (tested.type.equals("Task") && !request.hasMock() && request.roleArn().isEmpty()
        && request.taskHandler().isEmpty()) {
      throw validation("RoleArn must be specified when testing a Task state");
    }
    request.context().ifPresent(RequestChecks::checkContext);
    StateConfigurations.check(request, tested);
  }

  /** The parsed mock result, checked against the state type; null without one. */
  static JsonNode mockResult(TestStateRequest request, TestedState tested) {
    if (request.mockResult().isEmpty()) {
      return null;
    }
    JsonNode result;
    try {
      result = Json.parse(request.mockResult().get());
    } catch (IllegalArgumentException e) {
      throw validation("Mocked result must be valid JSON");
    }
    if (tested.type.equals("Task")) {
      MockShapeCheck.check(tested.state.path("Resource").asText(null), result,
          request.fieldValidationMode().orElse(io.github.sfntest.teststate.TestStateRequest.FieldValidationMode.STRICT));
    }
    if (tested.type.equals("Parallel") && !result.isArray()) {
      throw validation("Mocked result must be an array.");
    }
    if (tested.type.equals("Map")) {
      if (tested.state.has("ResultWriter")) {
        if (!result.isObject()) {
          throw validation("Mocked result must be a JSON object.");
        }
      } else if (!result.isArray()) {
        throw validation("Mocked result must be an array.");
      }
      int failures = request.mapIterationFailureCount().orElse(0);
      int read = StateConfigurations.itemCount(request, tested);
      int iterations = read >= 0 ? read : result.size();
      if (result.isArray() && failures > iterations) {
        throw validation("Map iteration failure count must be less than or equal to the number of Map iterations");
      }
    }
    return result;
  }

  private static void checkContext(JsonNode context) {
    if (!context.isObject()) {
      throw validation("Invalid Context object provided: the context must be a JSON object");
    }
    Iterator<Map.Entry<String, JsonNode>> it = context.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      Set<String> allowed = CONTEXT_FIELDS.get(e.getKey());
      if (allowed == null) {
        throw validation("Invalid Context object provided: Field '" + e.getKey() + "' is not allowed");
      }
      if (e.getValue().isObject()) {
        Iterator<String> names = e.getValue().fieldNames();
        while (names.hasNext()) {
          String name = names.next();
          if (!allowed.contains(name)) {
            throw validation("Invalid Context object provided: Field '" + name + "' is not allowed");
          }
        }
      }
    }
  }

  private static TestStateException validation(String message) {
    return new TestStateException("ValidationException", message);
  }
}

package io.github.sfntest.internal.intrinsics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.sfntest.testsupport.SharedDir;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.internal.EvaluationScope;
import io.github.sfntest.internal.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the evaluator on the Pass-state Parameters of the AWS-recorded intrinsic_functions cases of
 * the conformance corpus and checks the recorded output. The context object carries the corpus
 * placeholders themselves ({@code <ArnPart_0idx>}, ...), so outputs built from it compare exactly;
 * outputs the recording masked (random numbers, UUIDs) are checked for shape instead.
 */
class IntrinsicConformanceTest {


  private static final JsonNode CONTEXT =
      Json.parse(
          "{\"Execution\":{\"Name\":\"<ExecArnPart_0idx>\","
              + "\"Id\":\"arn:<partition>:states:<region>:111111111111:execution:<ArnPart_0idx>:<ExecArnPart_0idx>\"},"
              + "\"StateMachine\":{\"Id\":\"arn:<partition>:states:<region>:111111111111:stateMachine:<ArnPart_0idx>\","
              + "\"Name\":\"<ArnPart_0idx>\"}}");

  @TestFactory
  List<DynamicTest> pass_state_parameters_match_the_aws_recorded_output() throws IOException {
    Path corpus = SharedDir.require("conformance/cases");
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode entry : Json.parse(Files.readString(corpus.resolve("index.json"))).get("cases")) {
      String id = entry.get("id").asText();
      if (!entry.path("feature_area").asText().equals("intrinsic_functions")) {
        continue;
      }
      Path dir = corpus.resolve(id);
      JsonNode definition = Json.parse(Files.readString(dir.resolve("definition.json")));
      JsonNode state = definition.get("States").get(definition.get("StartAt").asText());
      // JSONata cases of the same area exercise JSONata functions, not intrinsics.
      if (!state.path("Type").asText().equals("Pass") || !state.has("Parameters")) {
        continue;
      }
      JsonNode input = Json.parse(Files.readString(dir.resolve("input.json")));
      JsonNode expected = Json.parse(Files.readString(dir.resolve("expected.json")));
      tests.add(DynamicTest.dynamicTest(id, () -> check(state.get("Parameters"), input, expected)));
    }
    assertThat(tests).hasSizeGreaterThan(50);
    return tests;
  }

  private static void check(JsonNode parameters, JsonNode input, JsonNode expected) {
    assertThat(expected.get("status").asText()).isEqualTo("SUCCEEDED");
    EvaluationScope scope = FakeIntrinsicEnvironment.scope(input, CONTEXT, Map.of());
    JsonNode actual = evaluateTemplate(parameters, scope, new FakeIntrinsicEnvironment(42L));
    JsonNode output = expected.get("output");
    for (Iterator<Map.Entry<String, JsonNode>> it = output.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode want = field.getValue();
      JsonNode got = actual.get(field.getKey());
      assertThat(got).as(field.getKey()).isNotNull();
      if (want.isTextual() && want.textValue().equals("RandomNumberGenerated")) {
        JsonNode bounds = input.get("FunctionInput");
        assertThat(got.isIntegralNumber()).isTrue();
        assertThat(got.intValue())
            .isGreaterThanOrEqualTo((int) Math.round(bounds.get("fst").doubleValue()))
            .isLessThan((int) Math.round(bounds.get("snd").doubleValue()));
      } else if (want.isTextual() && want.textValue().equals("generated-uuid")) {
        assertThat(got.textValue()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
      } else {
        assertThat(IntrinsicValues.canonical(got))
            .as("%s: expected %s but got %s", field.getKey(), Json.write(want), Json.write(got))
            .isEqualTo(IntrinsicValues.canonical(want));
      }
    }
    assertThat(actual.size()).isEqualTo(output.size());
  }

  /** Just enough of ASL's payload templates for these cases: "x.$" fields and literals. */
  private static JsonNode evaluateTemplate(
      JsonNode template, EvaluationScope scope, IntrinsicEnvironment environment) {
    ObjectNode result = Json.NODES.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = template.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey();
      if (key.endsWith(".$")) {
        String expression = field.getValue().textValue();
        result.set(
            key.substring(0, key.length() - 2),
            IntrinsicFunctions.isIntrinsicCall(expression)
                ? IntrinsicFunctions.parse(expression).evaluate(scope, environment)
                : environment.readPath(expression, scope));
      } else {
        result.set(key, field.getValue());
      }
    }
    return result;
  }
}

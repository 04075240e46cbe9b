package io.github.sfntest.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.internal.json.Json;
import org.junit.jupiter.api.Test;

class DispatcherTest {

  private static ObjectNode answer(String text) {
    ObjectNode out = Json.NODES.objectNode();
    out.put("answer", text);
    return out;
  }

  private final Dispatcher dispatcher = new Dispatcher()
      .aws("Zeta", r -> answer("zeta " + r.str("name")))
      .aws("Alpha", r -> answer("alpha"))
      .extension("Own", r -> answer("own"));

  @Test
  void routes_aws_and_own_actions_by_their_prefix() {
    ObjectNode body = Json.NODES.objectNode().put("name", "n");

    assertThat(dispatcher.dispatch("AWSStepFunctions.Zeta", body).get("answer").asText()).isEqualTo("zeta n");
    assertThat(dispatcher.dispatch("SfnTest.Own", body).get("answer").asText()).isEqualTo("own");
  }

  @Test
  void an_own_action_under_the_aws_prefix_is_unknown_and_the_answer_lists_the_aws_actions_in_registration_order() {
    assertThatThrownBy(() -> dispatcher.dispatch("AWSStepFunctions.Own", Json.NODES.objectNode()))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.type()).isEqualTo("UnknownOperationException");
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.getMessage())
              .isEqualTo("Unknown operation AWSStepFunctions.Own; this endpoint implements AWSStepFunctions.Zeta, Alpha");
        });
  }

  @Test
  void a_missing_target_says_which_header_is_expected() {
    for (String target : new String[] {null, " "}) {
      assertThatThrownBy(() -> dispatcher.dispatch(target, Json.NODES.objectNode()))
          .isInstanceOf(ApiException.class)
          .hasMessage("Missing X-Amz-Target header: expected AWSStepFunctions.<Action>");
    }
  }

  @Test
  void an_action_registered_twice_is_a_programming_error() {
    assertThatThrownBy(() -> dispatcher.aws("Alpha", r -> answer("again")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Action Alpha is registered twice");
    assertThat(dispatcher.awsNames()).containsExactly("Zeta", "Alpha");
  }
}

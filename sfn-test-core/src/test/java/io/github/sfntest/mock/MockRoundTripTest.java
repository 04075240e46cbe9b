package io.github.sfntest.mock;

import static io.github.sfntest.mock.Invocations.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.internal.json.Json;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MockRoundTripTest {

  static final MockConfigFile SALES_LEAD = MockConfigFileTest.SALES_LEAD;

  /** The file reduced to one test case and the responses it uses, as Step Functions Local sees it. */
  static JsonNode projection(MockConfigFile file, String sm, String tc) {
    JsonNode all = Json.parse(file.toJson());
    ObjectNode out = Json.NODES.objectNode();
    ObjectNode states = out.putObject("StateMachines").putObject(sm).putObject("TestCases").putObject(tc);
    ObjectNode responses = out.putObject("MockedResponses");
    file.mockedStates(sm, tc).forEach((state, response) -> {
      states.put(state, response);
      responses.set(response, all.get("MockedResponses").get(response));
    });
    return out;
  }

  @Test
  void every_sample_test_case_loads_into_the_dsl_and_writes_back_identically() {
    for (String tc : SALES_LEAD.testCaseNames("LocalTesting")) {
      MockedResponses dsl = MockedResponses.fromMockConfigFile(SALES_LEAD, "LocalTesting", tc);
      String written = dsl.toMockConfigFile("LocalTesting", tc);
      assertThat(Json.parse(written)).as(tc).isEqualTo(projection(SALES_LEAD, "LocalTesting", tc));
    }
  }

  @Test
  void a_loaded_test_case_answers_exactly_like_the_file_including_past_the_last_key() {
    for (String tc : SALES_LEAD.testCaseNames("LocalTesting")) {
      TaskHandler file = SALES_LEAD.testCase("LocalTesting", tc);
      MockedResponses dsl = MockedResponses.fromMockConfigFile(SALES_LEAD, "LocalTesting", tc);
      for (String state : SALES_LEAD.mockedStates("LocalTesting", tc).keySet()) {
        for (int i = 0; i < 6; i++) {
          TaskOutcome a = file.invoke(call(state, "r", "{}", i));
          TaskOutcome b = dsl.invoke(call(state, "r", "{}", i));
          assertThat(b.getClass()).isEqualTo(a.getClass());
          if (a instanceof TaskOutcome.Failure fa && "States.Runtime".equals(fa.error())) {
            assertThat(((TaskOutcome.Failure) b).error()).isEqualTo("States.Runtime");
          } else {
            assertThat(b).as(tc + " " + state + " #" + i).isEqualTo(a);
          }
        }
      }
    }
  }

  @Test
  void bounded_dsl_mocks_write_a_file_that_loads_back_into_equal_mocks() {
    MockedResponses dsl = MockedResponses.forTestCase("Retry");
    dsl.onState("Charge").willThrow("Boom", "first").times(2).thenReturn(Map.of("ok", true)).times(1);
    dsl.onState("Notify").named("NotifyOk").willReturn(IntegrationResults.snsPublish("m")).times(3);
    String written = dsl.toMockConfigFile("Orders", "Retry");
    assertThat(Json.parse(written))
        .isEqualTo(
            Json.parse(
                "{\"StateMachines\":{\"Orders\":{\"TestCases\":{\"Retry\":{\"Charge\":\"Mock_Charge\",\"Notify\":\"NotifyOk\"}}}},"
                    + "\"MockedResponses\":{\"Mock_Charge\":{\"0-1\":{\"Throw\":{\"Error\":\"Boom\",\"Cause\":\"first\"}},"
                    + "\"2\":{\"Return\":{\"ok\":true}}},\"NotifyOk\":{\"0-2\":{\"Return\":"
                    + Json.write(IntegrationResults.snsPublish("m")) + "}}}}"));
    MockedResponses back = MockedResponses.fromMockConfigFile(MockConfigFile.parse(written), "Orders", "Retry");
    assertThat(back.toMockConfigFile("Orders", "Retry")).isEqualTo(written);
    for (int i = 0; i < 5; i++) {
      for (String state : new String[] {"Charge", "Notify"}) {
        TaskOutcome a = dsl.invoke(call(state, "r", "{}", i));
        TaskOutcome b = back.invoke(call(state, "r", "{}", i));
        if (a instanceof TaskOutcome.Failure fa && "States.Runtime".equals(fa.error())) {
          assertThat(((TaskOutcome.Failure) b).error()).isEqualTo("States.Runtime");
        } else {
          assertThat(b).isEqualTo(a);
        }
      }
    }
  }

  @Test
  void an_open_ended_last_response_is_written_as_a_single_invocation() {
    MockedResponses dsl = MockedResponses.create();
    dsl.onState("A").willReturn("1");
    assertThat(Json.parse(dsl.toMockConfigFile("SM", "Case")).at("/MockedResponses/Mock_A"))
        .isEqualTo(Json.parse("{\"0\":{\"Return\":1}}"));
  }

  @Test
  void computed_answers_callbacks_latencies_and_non_state_mocks_refuse_to_render() {
    MockedResponses answer = MockedResponses.create();
    answer.onState("Price").willReturn("1").thenAnswer(inv -> 2);
    assertThatThrownBy(() -> answer.toMockConfigFile("SM", "Case"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "mocks.onState(\"Price\"), invocation(s) 1 and later: a computed answer (willAnswer) cannot be written"
                + " to a MockConfigFile, which holds only fixed Return/Throw responses; use willReturn(...) with the"
                + " value instead");

    MockedResponses callback = MockedResponses.create();
    callback.onState("Approve").willWaitForCallback().times(1);
    assertThatThrownBy(() -> callback.toMockConfigFile("SM", "Case"))
        .hasMessage(
            "mocks.onState(\"Approve\"), invocation(s) \"0\": willWaitForCallback has no MockConfigFile form (Step"
                + " Functions Local answers a mocked .waitForTaskToken task at once with its Return); use"
                + " willReturn(<callback output>)");

    MockedResponses slow = MockedResponses.create();
    slow.onState("Slow").willReturn("{}").withLatency(Duration.ofSeconds(3));
    assertThatThrownBy(() -> slow.toMockConfigFile("SM", "Case"))
        .hasMessage(
            "mocks.onState(\"Slow\"), invocation(s) 0 and later: withLatency(PT3S) has no MockConfigFile form;"
                + " remove it to write the file");

    MockedResponses lambda = MockedResponses.create();
    lambda.onLambda("fn").willReturn("{}");
    assertThatThrownBy(() -> lambda.toMockConfigFile("SM", "Case"))
        .hasMessage(
            "mocks.onLambda(\"fn\") cannot be written to a MockConfigFile, which mocks by state name only; mock the"
                + " states that call it with mocks.onState(\"<StateName>\") instead");
  }

  @Test
  void two_states_sharing_a_response_name_write_it_once_or_refuse_if_they_differ() {
    MockedResponses same = MockedResponses.create();
    same.onState("A").named("Ok").willReturn("1");
    same.onState("B").named("Ok").willReturn("1");
    assertThat(Json.parse(same.toMockConfigFile("SM", "Case")).get("MockedResponses").size()).isEqualTo(1);

    MockedResponses differ = MockedResponses.create();
    differ.onState("A").named("Ok").willReturn("1");
    differ.onState("B").named("Ok").willReturn("2");
    assertThatThrownBy(() -> differ.toMockConfigFile("SM", "Case"))
        .hasMessage(
            "two states use the response name \"Ok\" with different responses; give one of them another name with"
                + " .named(\"...\")");
  }
}

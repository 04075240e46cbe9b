package io.github.sfntest.samples.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.replay.Divergence;
import io.github.sfntest.replay.RecordedExecution;
import io.github.sfntest.replay.Replay;
import io.github.sfntest.replay.ReplayResult;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Executions of the order-shipping workflow that really happened (replay-order-management/recordings:
 * an order whose ninja T-shirt was out of stock once, and a fraudulent customer), replayed against
 * the definition as it is now. The recorded answers of the Lambdas, EventBridge, SNS and the SQS
 * callback are the mocks; nobody wrote one by hand.
 */
class ReplayShipOrderTest {

  static final Map<String, String> RESOURCES = Map.of(
      "LambdaGetCustomerStatus", "arn:aws:lambda:us-east-1:123456789012:function:GetCustomerStatus",
      "LambdaReserveProduct", "arn:aws:lambda:us-east-1:123456789012:function:ReserveProduct",
      "PackageAndShipQueue", "https://sqs.us-east-1.amazonaws.com/123456789012/PackageAndShip",
      "EventBusName", "orders",
      "SnsNewOrderTopic", "arn:aws:sns:us-east-1:123456789012:NewOrder");

  static StateMachineDefinition shipOrder(String file) {
    return StateMachineDefinition.fromClasspath(file).withName("ShipOrder").withSubstitutions(RESOURCES);
  }

  static final StateMachineDefinition CURRENT = shipOrder("order-management-callback/ship-order.asl.json");
  /** A refactoring: the Map's results go to $.reserved instead of $.reservations (and the message follows). */
  static final StateMachineDefinition V2 = shipOrder("replay-order-management/ship-order-v2.asl.json");

  static Stream<RecordedExecution> recordings() {
    return RecordedExecution.findAll("replay-order-management/recordings/*.json").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordings")
  void the_current_definition_reproduces_every_recorded_execution(RecordedExecution recording) {
    assertThat(Replay.of(CURRENT, recording).run()).matchesRecording();
  }

  @Test
  void the_recordings_hold_the_paths_that_matter() {
    List<RecordedExecution> all = recordings().toList();
    assertThat(all).extracting(RecordedExecution::name).containsExactly("fraud-order.json", "multiproduct-order.json");
    assertThat(all.get(0).visitedStates()).contains("Notify Fraudulent Customer").doesNotContain("Reserve Products");
    assertThat(all.get(1).visitedStates()).contains("Notify Delayed", "Wait for availability", "Initate Packaging and Shipping");
    assertThat(all.get(1).answerCounts()).containsEntry("Reserve Product", 3); // the ninja T-shirt was asked for twice
  }

  @Test
  void the_v2_refactoring_is_caught_where_the_map_results_now_go_elsewhere() {
    RecordedExecution order = RecordedExecution.fromResource("replay-order-management/recordings/multiproduct-order.json");

    ReplayResult replay = Replay.of(V2, order).run();

    assertThat(replay).divergesAt("Reserve Products").divergesIn(Divergence.Kind.OUTPUT);
    Divergence d = replay.divergence().orElseThrow();
    assertThat(d.recorded().orElseThrow().has("reservations")).isTrue();
    assertThat(d.replayed().orElseThrow().has("reserved")).isTrue();
    assertThat(replay.report()).contains("output of \"Reserve Products\" differs");
  }

  @Test
  void v2_does_not_change_what_a_fraudulent_order_does() {
    RecordedExecution fraud = RecordedExecution.fromResource("replay-order-management/recordings/fraud-order.json");

    assertThat(Replay.of(V2, fraud).run()).matchesRecording();
  }
}

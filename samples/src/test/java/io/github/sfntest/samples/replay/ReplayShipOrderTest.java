package io.github.sfntest.samples.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.junit.ReplayTest;
import io.github.sfntest.replay.Divergence;
import io.github.sfntest.replay.RecordedExecution;
import io.github.sfntest.replay.Replay;
import io.github.sfntest.replay.ReplayResult;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Executions of the order-shipping workflow that really happened (replay-order-management/recordings:
 * an order whose ninja T-shirt was out of stock once, and a fraudulent customer), replayed against
 * the definition as it is now. The recorded answers of the Lambdas, EventBridge, SNS and the SQS
 * callback are the mocks; nobody wrote one by hand. {@code @ReplayTest} makes one test per recording.
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

  /** One test per recording, named after its file. */
  @ReplayTest(histories = "replay-order-management/recordings/*.json",
      definition = "order-management-callback/ship-order.asl.json",
      substitutions = {
          "LambdaGetCustomerStatus=arn:aws:lambda:us-east-1:123456789012:function:GetCustomerStatus",
          "LambdaReserveProduct=arn:aws:lambda:us-east-1:123456789012:function:ReserveProduct",
          "PackageAndShipQueue=https://sqs.us-east-1.amazonaws.com/123456789012/PackageAndShip",
          "EventBusName=orders",
          "SnsNewOrderTopic=arn:aws:sns:us-east-1:123456789012:NewOrder"})
  void the_current_definition_reproduces_every_recorded_execution(ReplayResult replay) {
    assertThat(replay).matchesRecording();
  }

  /** The refactored v2 against every recording: only the orders that reach the Map change. */
  @ReplayTest(histories = "replay-order-management/recordings/*.json")
  void v2_changes_only_what_happens_after_the_map(RecordedExecution recording) {
    ReplayResult replay = Replay.of(V2, recording).run();
    if (recording.visitedStates().contains("Reserve Products")) {
      assertThat(replay).divergesAt("Reserve Products");
    } else {
      assertThat(replay).matchesRecording();
    }
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

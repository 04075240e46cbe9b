package io.github.sfntest.samples.replay

import io.github.sfntest.definition.StateMachineDefinition
import io.github.sfntest.replay.Divergence
import io.github.sfntest.replay.RecordedExecution
import io.github.sfntest.replay.Replay
import spock.lang.Specification

/**
 * The recorded executions of replay-order-management/recordings, replayed in a where: table: the
 * current definition reproduces each of them; the v2 refactoring diverges where it moved the Map's
 * results, and only for the orders that reach the Map.
 */
class ReplayShipOrderSpec extends Specification {

  static final Map<String, String> RESOURCES = [
      LambdaGetCustomerStatus: 'arn:aws:lambda:us-east-1:123456789012:function:GetCustomerStatus',
      LambdaReserveProduct   : 'arn:aws:lambda:us-east-1:123456789012:function:ReserveProduct',
      PackageAndShipQueue    : 'https://sqs.us-east-1.amazonaws.com/123456789012/PackageAndShip',
      EventBusName           : 'orders',
      SnsNewOrderTopic       : 'arn:aws:sns:us-east-1:123456789012:NewOrder']

  static StateMachineDefinition shipOrder(String file) {
    StateMachineDefinition.fromClasspath(file).withName('ShipOrder').withSubstitutions(RESOURCES)
  }

  // [replay-where]
  def "the current definition reproduces #recording.name"() {
    when:
    def replay = Replay.of(shipOrder('order-management-callback/ship-order.asl.json'), recording).run()

    then:
    replay.matchesRecording()
    replay.replayed().status() == recording.status()

    where:
    recording << RecordedExecution.findAll('replay-order-management/recordings/*.json')
  }
  // [/replay-where]

  def "v2 on #file: #verdict"() {
    given:
    def recording = RecordedExecution.fromResource("replay-order-management/recordings/$file")

    when:
    def replay = Replay.of(shipOrder('replay-order-management/ship-order-v2.asl.json'), recording).run()

    then:
    replay.divergence().map { it.stateName().orElse(null) }.orElse(null) == divergesAt
    replay.divergence().map { it.kind() }.orElse(null) == kind

    where:
    file                      | divergesAt         | kind                    | verdict
    'multiproduct-order.json' | 'Reserve Products' | Divergence.Kind.OUTPUT  | 'caught at the Map'
    'fraud-order.json'        | null               | null                    | 'unchanged behaviour'
  }
}

package io.github.sfntest.spock

import org.junit.platform.engine.TestExecutionResult

class RequiresCapabilitySpec extends EmbeddedSpecs {

  def "a feature needing a capability the engine lacks is skipped, saying why"() {
    when:
    def results = runAllowingFailures('''
      @StateMachineTest(definition = 'examples/payment.asl.json', engine = 'limited')
      class Needs extends Specification {
        @RequiresCapability(io.github.sfntest.engine.EngineCapability.MAP_RUN_RESULTS)
        def "needs map runs"() { expect: true }

        @RequiresCapability(io.github.sfntest.engine.EngineCapability.VIRTUAL_TIME)
        def "needs virtual time"(StateMachineUnderTest payment) { expect: payment != null }
      }
    ''')

    then:
    results.testEvents().succeeded().count() == 1
    results.testEvents().failed().count() == 0
    def aborted = results.testEvents().aborted().list()
    aborted.size() == 1
    aborted[0].getRequiredPayload(TestExecutionResult).throwable.get().message ==
        'Skipped: the engine "limited" lacks [MAP_RUN_RESULTS], which this feature requires (@RequiresCapability)'
  }
}

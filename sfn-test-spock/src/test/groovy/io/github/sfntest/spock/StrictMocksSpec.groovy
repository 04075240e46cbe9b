package io.github.sfntest.spock

import org.opentest4j.AssertionFailedError

/** Strict mocks in Spock: the same checks as in JUnit, after an iteration that passed. */
class StrictMocksSpec extends EmbeddedSpecs {

  def "an unused mock and a forgotten mock fail the feature; setup() mocks and lenient ones may go unused"() {
    when:
    def results = runAllowingFailures('''
      @StateMachineTest(definition = 'local-testing/local_testing.asl.json', name = 'LocalTesting')
      @MockConfig(file = 'local-testing/MockConfigFile.json', testCase = 'HappyPathTest')
      class StrictSpec extends Specification {
        StateMachineUnderTest salesLead
        MockedResponses mocks

        def setup() {
          mocks.onLambda('shared-background').willReturn([:])
        }

        def "unused mock"() {
          given:
          mocks.onState('NegativeSentimentDetected').willReturn([:])
          expect:
          salesLead.runWithInputFrom('local-testing/sfn_valid_input.json').status == io.github.sfntest.engine.ExecutionStatus.SUCCEEDED
        }

        def "lenient mock"() {
          given:
          mocks.onState('NegativeSentimentDetected').willReturn([:]).lenient()
          expect:
          salesLead.runWithInputFrom('local-testing/sfn_valid_input.json').status == io.github.sfntest.engine.ExecutionStatus.SUCCEEDED
        }

        def "misspelled state"() {
          when:
          mocks.onState('DetectSentimnet')
          then:
          true
        }
      }
    ''')

    then:
    def failures = failures(results)
    failedNames(results) == ['unused mock', 'misspelled state']
    failures[0] instanceof AssertionFailedError
    failures[0].message == 'Strict mocks: Unused mock: mocks.onState("NegativeSentimentDetected") answered no' +
        ' invocation of this test\'s executions. Remove it, or mark it .lenient() if it is meant for a path this test' +
        ' does not take.'
    failures[1] instanceof IllegalArgumentException
    failures[1].message == 'mocks.onState("DetectSentimnet"): no state "DetectSentimnet" in state machine' +
        ' "LocalTesting"; did you mean "DetectSentiment"? Task states: "Check Identity", "Check Address",' +
        ' "DetectSentiment", "ValidationException", "NegativeSentimentDetected", "CustomValidationFailed",' +
        ' "Add to FollowUp", "CustomerAddedToFollowup".'
  }
}

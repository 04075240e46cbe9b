package io.github.sfntest.spock

/** Failing specs: the history summary of the failed iteration is printed and attached, and can be turned off. */
class FailureReportSpec extends EmbeddedSpecs {

  static final String FAILING = '''
    @StateMachineTest(definition = 'local-testing/local_testing.asl.json', name = 'LocalTesting')
    @MockConfig(file = 'local-testing/MockConfigFile.json')
    class FailingSpec extends Specification {
      StateMachineUnderTest salesLead

      @MockConfig(testCase = 'NegativeSentimentTest')
      def "expects the wrong end"() {
        expect:
        salesLead.runWithInputFrom('local-testing/sfn_valid_input.json').visitedStates.last() == 'CustomerAddedToFollowup'
      }

      def "fails without running"() {
        expect:
        1 == 2
      }
    }
  '''

  def "a failed feature prints and attaches the history summary of its executions"() {
    when:
    def results
    String out = capturingOut { results = runAllowingFailures(FAILING) }

    then:
    failedNames(results) == ['expects the wrong end', 'fails without running']

    and: 'the failure is the power assertion, with the history attached'
    def failures = failures(results)
    def wrongEnd = failures[0]
    wrongEnd instanceof AssertionError
    wrongEnd.suppressed.size() == 1
    with(wrongEnd.suppressed[0] as ExecutionHistorySummary) {
      summary.contains('--- sfn-test execution 1 of 1: LocalTesting (MockConfigFile test case NegativeSentimentTest) on engine in-process ---')
      summary.contains('NegativeSentimentDetected')
      message.startsWith('what the executions of this iteration did:')
      stackTrace.length == 0
    }

    and: 'a feature that started no execution has nothing to report'
    failures[1].suppressed.length == 0

    and: 'the summary is printed once'
    out.count('sfn-test: expects the wrong end failed; what its executions did:') == 1
    !out.contains('fails without running failed')
  }

  def "a failed iteration reports only its own executions and test case"() {
    when:
    def results
    String out = capturingOut {
      results = runAllowingFailures('''
        @StateMachineTest(definition = 'local-testing/local_testing.asl.json', name = 'LocalTesting')
        class DataDrivenSpec extends Specification {
          StateMachineUnderTest salesLead

          def "#testCase follows up the customer"() {
            expect:
            salesLead.runWithInputFrom('local-testing/sfn_valid_input.json').visitedStates.contains('Add to FollowUp')

            where:
            testCase << MockConfigTestCases.of('local-testing/MockConfigFile.json')
          }
        }
      ''')
    }

    then:
    succeededNames(results) == ['HappyPathTest follows up the customer', 'RetryOnServiceExceptionTest follows up the customer']
    failedNames(results) == ['NegativeSentimentTest follows up the customer',
                             'CustomValidationFailedCatchTest follows up the customer',
                             'ValidationExceptionCatchTest follows up the customer']
    failures(results).collect { (it.suppressed[0] as ExecutionHistorySummary).summary.readLines().first() } == [
        '--- sfn-test execution 1 of 1: LocalTesting (MockConfigFile test case NegativeSentimentTest) on engine in-process ---',
        '--- sfn-test execution 1 of 1: LocalTesting (MockConfigFile test case CustomValidationFailedCatchTest) on engine in-process ---',
        '--- sfn-test execution 1 of 1: LocalTesting (MockConfigFile test case ValidationExceptionCatchTest) on engine in-process ---']
    out.count('what its executions did') == 3
  }

  def "a missing mock fails the execution and the message says how to mock it"() {
    when:
    def results = runAllowingFailures('''
      @StateMachineTest(definition = 'examples/payment.asl.json')
      class MissingMockSpec extends Specification {
        StateMachineUnderTest payment
        def "forgets the mock"() {
          expect:
          payment.run().status == SUCCEEDED
        }
      }
    ''')

    then:
    def failure = failures(results).first()
    def summary = (failure.suppressed[0] as ExecutionHistorySummary).summary
    summary.contains('States.Runtime')
    summary.contains("No mock answers Task state 'Charge'")
    summary.contains('To mock it: mocks.onState(')
  }

  def "the report can be turned off in SpockConfig.groovy: #setting"() {
    given:
    runner.configurationScript = configuration

    when:
    def results
    String out = capturingOut { results = runAllowingFailures(FAILING) }

    then:
    failedNames(results).size() == 2
    out.contains('what its executions did') == printed
    (failures(results)[0].suppressed.length == 1) == attached

    where:
    setting                        | configuration                                         || printed | attached
    'printHistoryOnFailure false'  | { -> sfnTest { printHistoryOnFailure = false } }      || false   | true
    'attachHistoryToFailure false' | { -> sfnTest { attachHistoryToFailure = false } }     || true    | false
    'both false'                   | { -> sfnTest { printHistoryOnFailure false; attachHistoryToFailure false } } || false | false
  }

  def "the system property sfntest.printHistoryOnFailure=false turns the report off, as for JUnit"() {
    given:
    System.setProperty('sfntest.printHistoryOnFailure', 'false')

    when:
    def results
    String out = capturingOut { results = runAllowingFailures(FAILING) }

    then:
    !out.contains('what its executions did')
    failures(results)[0].suppressed.length == 0

    cleanup:
    System.clearProperty('sfntest.printHistoryOnFailure')
  }
}

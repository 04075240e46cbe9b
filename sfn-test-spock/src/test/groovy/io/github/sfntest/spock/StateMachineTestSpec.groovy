package io.github.sfntest.spock

import io.github.sfntest.mock.MockedResponses

/** What @StateMachineTest gives a passing spec: definitions, injection, isolation, sharing, MockConfigFiles. */
class StateMachineTestSpec extends EmbeddedSpecs {

  def setup() {
    Recorded.VALUES.clear()
  }

  def "definition and substitutions from a SAM template, start time and seed; fields and parameters injected"() {
    when:
    def results = runPassing('''
      @StateMachineTest(template = 'examples/template.yaml', templateResource = 'OrderStateMachine',
          startTime = '2030-05-01T10:00:00Z', seed = 7)
      class FromTemplateSpec extends Specification {
        Engine engine
        StateMachineDefinition definition
        StateMachineUnderTest orderFlow
        MockedResponses mocks

        def "substitutes the template values"(StateMachineUnderTest sut, MockedResponses injectedMocks, Engine injectedEngine) {
          given:
          mocks.onState('Charge').willReturn(IntegrationResults.lambdaPayload([charged: true]))

          when:
          def result = orderFlow.run(orderId: '42')

          then:
          sut.is(orderFlow)
          injectedMocks.is(mocks)
          injectedEngine.is(engine)
          definition.name() == 'OrderFlow'
          engine.options().seed() == 7
          result.status == SUCCEEDED
          result.elapsed() == Duration.ofHours(1)
          result.output == [function: 'arn:aws:lambda:us-east-1:111111111111:function:ChargeFunction',
                            table: 'orders-dev', queue: 'https://sqs.us-east-1.amazonaws.com/111111111111/orders-dev',
                            stage: 'dev', charge: [charged: true], startedAt: '2030-05-01T10:00:00.000Z']
          mocks.verify('Charge').times(1)
        }
      }
    ''')

    then:
    results.testsSucceededCount == 1
  }

  def "substitutions from a properties file, a JSON file and inline values, later ones winning"() {
    expect:
    runPassing('''
      @StateMachineTest(definition = 'examples/order.asl.yaml',
          substitutionsFile = ['examples/substitutions.properties', 'examples/substitutions.json'],
          substitutions = 'Stage=inline')
      class SubstitutionsSpec extends Specification {
        def "merges the values"(StateMachineUnderTest order, MockedResponses mocks) {
          given:
          mocks.onState('Charge').willReturn(IntegrationResults.lambdaPayload([charged: true]))

          expect:
          order.name() == 'order'
          with(order.run().output) {
            function == 'arn:aws:lambda:eu-west-1:222222222222:function:charge-from-properties'
            table == 'orders-from-json'
            queue == 'https://example.com/queue'
            stage == 'inline'
          }
        }
      }
    ''').testsSucceededCount == 1
  }

  def "several state machines: the child runs nested with the same mocks, @StateMachine picks one"() {
    when:
    def results = runPassing('''
      @StateMachineTest(definition = 'examples/parent.asl.json',
          machines = @StateMachine(value = 'Payment', definition = 'examples/payment.asl.json'))
      class NestedSpec extends Specification {
        StateMachineUnderTest parent
        @StateMachine('Payment') StateMachineUnderTest paymentField
        MockedResponses mocks

        def "runs the child with the same mocks"() {
          given:
          mocks.onState('Charge').willReturn(IntegrationResults.lambdaPayload([receipt: 'r-42']))

          expect:
          parent.run().output == [status: 'SUCCEEDED', receipt: 'r-42']
          mocks.invocations('Charge')*.stateMachineName() == ['Payment']
        }

        def "a failing child fails the task"() {
          given:
          mocks.onState('Charge').willThrow('Card.Declined', 'expired')

          when:
          def result = parent.run()

          then:
          result.status == FAILED
          result.error == 'PaymentFailed'
          result.history.visitsOf('Pay').first().error == 'States.TaskFailed'
        }

        def "the child alone"(@StateMachine('Payment') StateMachineUnderTest payment,
                              @StateMachine('Payment') StateMachineDefinition definition) {
          given:
          mocks.onState('Charge').willAnswer { call -> IntegrationResults.lambdaPayload([receipt: "paid ${call.payload.amount}".toString()]) }

          expect:
          payment.is(paymentField)
          payment.definition().is(definition)
          payment.run(amount: 1).output == [receipt: 'paid 1']
        }
      }
    ''')

    then:
    results.testsSucceededCount == 3
  }

  def "callbacks and virtual time"() {
    expect:
    runPassing('''
      @StateMachineTest(definition = 'examples/callback.asl.json')
      class CallbackSpec extends Specification {
        StateMachineUnderTest approval
        MockedResponses mocks

        def setup() {
          mocks.onState('Approve').willWaitForCallback()
        }

        def "approves"() {
          given:
          def execution = approval.start()

          when:
          def task = execution.awaitTask('Approve')
          execution.sendTaskSuccess(task.taskToken(), '{"approved": true}')

          then:
          execution.awaitCompletion().output == [approved: true]
        }

        def "times out in virtual time"() {
          when:
          def result = approval.start().awaitCompletion()

          then:
          result.error == 'States.Timeout'
          result.elapsed() == Duration.ofDays(1)
        }
      }
    ''').testsSucceededCount == 2
  }

  def "every feature and every iteration gets fresh mocks"() {
    when:
    def results = runPassing('''
      @StateMachineTest(definition = 'examples/payment.asl.json')
      @Stepwise
      class IsolationSpec extends Specification {
        MockedResponses mocks
        StateMachineUnderTest payment

        def "first"() {
          given:
          Recorded.VALUES << mocks
          mocks.onState('Charge').willReturn(IntegrationResults.lambdaPayload([receipt: 'first']))

          expect:
          payment.run().status == SUCCEEDED
        }

        def "second, iteration #i"() {
          given:
          Recorded.VALUES << mocks
          mocks.expectUnmockedTasks() // strict mocks: this feature means to run without a mock

          expect:
          mocks.invocations('Charge').isEmpty()
          payment.run().status == FAILED

          where:
          i << [1, 2]
        }
      }
    ''')

    then:
    succeededNames(results) == ['first', 'second, iteration 1', 'second, iteration 2']
    Recorded.VALUES.size() == 3
    Recorded.VALUES.toSet().size() == 3
  }

  def "iterations running in parallel keep their own mocks and executions"() {
    given:
    runner.configurationScript = { runner { parallel { enabled true; fixed(4) } } }

    when:
    def results = runPassing('''
      @StateMachineTest(definition = 'examples/payment.asl.json')
      class ParallelSpec extends Specification {
        StateMachineUnderTest payment
        MockedResponses mocks

        def "iteration #i"() {
          given:
          mocks.onState('Charge').willAnswer { call -> Thread.sleep(5); IntegrationResults.lambdaPayload([receipt: "r-$i".toString()]) }

          expect:
          payment.run(amount: i).output == [receipt: "r-$i".toString()]
          mocks.invocations('Charge')*.payload == [[amount: i]]

          where:
          i << (1..24)
        }
      }
    ''')

    then:
    succeededNames(results).size() == 24
  }

  def "a @Shared state machine and mocks: one set of mocks for the whole spec, set up in setupSpec"() {
    when:
    def results = runPassing('''
      @StateMachineTest(definition = 'examples/payment.asl.json')
      @Stepwise
      class SharedSpec extends Specification {
        @Shared StateMachineUnderTest payment
        @Shared MockedResponses mocks
        @Shared Engine engine
        @Shared StateMachineDefinition definition

        def setupSpec() {
          mocks.onState('Charge').willAnswer { call -> IntegrationResults.lambdaPayload([receipt: "r-${call.payload.amount}".toString()]) }
        }

        def "first run"() {
          expect:
          payment.run(amount: 1).output == [receipt: 'r-1']
          definition.name() == 'payment'
          payment.engine().is(engine)
        }

        def "the same mocks, which remember the first run"(MockedResponses injected) {
          expect:
          injected.is(mocks)
          payment.run(amount: 2).output == [receipt: 'r-2']
          mocks.verify('Charge').times(2)
        }
      }
    ''')

    then:
    results.testsSucceededCount == 2
  }

  def "@Shared engine and definition in a spec with per-iteration mocks"() {
    expect:
    runPassing('''
      @StateMachineTest(definition = 'examples/payment.asl.json', seed = 3)
      class SharedDefinitionSpec extends Specification {
        @Shared StateMachineDefinition definition
        @Shared Engine sharedEngine
        Engine engine

        def "shared ones are set in setupSpec already"() {
          expect:
          definition.name() == 'payment'
          sharedEngine.options().seed() == 3
          engine.options().seed() == 3
        }
      }
    ''').testsSucceededCount == 1
  }

  def "MockConfigTestCases in where: one iteration per test case, each reported on its own"() {
    when:
    def results = runPassing('''
      @StateMachineTest(definition = 'local-testing/local_testing.asl.json', name = 'LocalTesting')
      class EveryTestCaseSpec extends Specification {
        StateMachineUnderTest salesLead
        MockedResponses mocks

        def "#testCase"() {
          given:
          Recorded.VALUES << testCase.name

          expect:
          salesLead.runWithInputFrom('local-testing/sfn_valid_input.json').status == SUCCEEDED
          mocks.verify('Check Address').atLeastOnce()

          where:
          testCase << MockConfigTestCases.of('local-testing/MockConfigFile.json', 'LocalTesting')
        }
      }
    ''')

    then:
    succeededNames(results) == ['HappyPathTest', 'NegativeSentimentTest', 'CustomValidationFailedCatchTest',
                                'ValidationExceptionCatchTest', 'RetryOnServiceExceptionTest']
    Recorded.VALUES == succeededNames(results)
  }

  def "a data table of test case names with @MockConfig(testCase = '#variable')"() {
    when:
    def results = runPassing('''
      @StateMachineTest(definition = 'local-testing/local_testing.asl.json', name = 'LocalTesting')
      @MockConfig(file = 'local-testing/MockConfigFile.json')
      class TableSpec extends Specification {
        StateMachineUnderTest salesLead

        @MockConfig(testCase = '#name')
        def "#name ends in #end"() {
          expect:
          salesLead.runWithInputFrom('local-testing/sfn_valid_input.json').visitedStates.last() == end

          where:
          name                    | end
          'HappyPathTest'         | 'CustomerAddedToFollowup'
          'NegativeSentimentTest' | 'NegativeSentimentDetected'
        }
      }
    ''')

    then:
    succeededNames(results) == ['HappyPathTest ends in CustomerAddedToFollowup',
                                'NegativeSentimentTest ends in NegativeSentimentDetected']
  }

  def "the spec's test case applies to every feature; the feature's mocks answer first"() {
    expect:
    runPassing('''
      @StateMachineTest(definition = 'local-testing/local_testing.asl.json', name = 'LocalTesting')
      @MockConfig(file = 'local-testing/MockConfigFile.json', testCase = 'HappyPathTest')
      class OverrideSpec extends Specification {
        StateMachineUnderTest salesLead
        MockedResponses mocks

        def "the happy path"() {
          expect:
          salesLead.runWithInputFrom('local-testing/sfn_valid_input.json').visitedStates.last() == 'CustomerAddedToFollowup'
        }

        def "negative after all"() {
          given:
          mocks.onState('DetectSentiment').willReturn(Sentiment: 'NEGATIVE')
          mocks.onState('NegativeSentimentDetected').willReturn([:])

          when:
          def result = salesLead.runWithInputFrom('local-testing/sfn_valid_input.json')

          then:
          result.visitedStates.last() == 'NegativeSentimentDetected'
          mocks.verify('Check Identity').times(1)
        }

        @MockConfig(testCase = 'NegativeSentimentTest')
        def "a feature's test case wins over the spec's"() {
          expect:
          salesLead.runWithInputFrom('local-testing/sfn_valid_input.json').visitedStates.last() == 'NegativeSentimentDetected'
        }
      }
    ''').testsSucceededCount == 3
  }

  def "a subclass inherits the annotations of its base spec"() {
    expect:
    runPassing('''
      @StateMachineTest(definition = 'examples/payment.asl.json')
      abstract class PaymentBase extends Specification {
        MockedResponses mocks
        def setup() {
          mocks.onState('Charge').willReturn(IntegrationResults.lambdaPayload([receipt: 'base']))
        }
      }

      class PaymentSpec extends PaymentBase {
        StateMachineUnderTest payment
        def "runs with the base's mocks"() {
          expect:
          payment.run().output == [receipt: 'base']
        }
      }
    ''').testsSucceededCount == 1
  }

  def "SpockConfig.groovy's sfnTest block sets the defaults; the annotation wins"() {
    given:
    runner.configurationScript {
      sfnTest {
        startTime = '2031-02-03T04:05:06Z'
        seed = 99
        engine = 'in-process'
      }
    }

    expect:
    runPassing('''
      @StateMachineTest(definition = 'examples/payment.asl.json')
      class ConfiguredSpec extends Specification {
        Engine engine
        def "takes the configured defaults"() {
          expect:
          engine.options().startTime() == Instant.parse('2031-02-03T04:05:06Z')
          engine.options().seed() == 99
        }
      }

      @StateMachineTest(definition = 'examples/payment.asl.json', seed = 5, startTime = '2020-01-01T00:00:00Z')
      class AnnotatedSpec extends Specification {
        Engine engine
        def "the annotation wins"() {
          expect:
          engine.options().startTime() == Instant.parse('2020-01-01T00:00:00Z')
          engine.options().seed() == 5
        }
      }
    ''').testsSucceededCount == 2
  }

  def "Groovy-friendly results, histories and mocks"() {
    expect:
    runPassing('''
      @StateMachineTest(definition = 'examples/order.asl.yaml', substitutions = [
          'ChargeFunctionArn=arn:aws:lambda:us-east-1:111111111111:function:charge', 'TableName=t', 'QueueUrl=q', 'Stage=s'])
      class GroovySpec extends Specification {
        StateMachineUnderTest order
        MockedResponses mocks

        def "closures answer, maps go in, Groovy values come out"() {
          given:
          mocks.onLambda('charge')
              .willThrow('Lambda.ServiceException')
              .thenAnswer { call -> [charged: call.payload.amount < 100, attempt: call.retryCount()] }

          when:
          def result = order.run(orderId: '42', amount: 10)

          then:
          result.status == FAILED
          result.error == 'Lambda.ServiceException'
          result.input == [orderId: '42', amount: 10]
          result.output == null
          result.history.types.first() == EXECUTION_STARTED
          result.history.events.find { it.type == TASK_FAILED }.error == 'Lambda.ServiceException'
          result.history.events.find { it.type == TASK_STATE_ENTERED }.stateName == 'Charge'
          result.history.forState('Charge').types == [TASK_STATE_ENTERED, TASK_SCHEDULED, TASK_STARTED, TASK_FAILED]
          mocks.invocations('Charge')*.payload == [[orderId: '42', amount: 10]]
        }
      }
    ''').testsSucceededCount == 1
  }
}

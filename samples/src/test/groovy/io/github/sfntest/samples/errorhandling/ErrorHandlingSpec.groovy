package io.github.sfntest.samples.errorhandling

import static io.github.sfntest.assertions.SfnAssertions.assertThat
import static io.github.sfntest.engine.ExecutionStatus.FAILED
import static io.github.sfntest.engine.ExecutionStatus.SUCCEEDED
import static io.github.sfntest.history.HistoryEventType.LAMBDA_FUNCTION_SCHEDULED
import static io.github.sfntest.history.HistoryEventType.TASK_SCHEDULED

import com.fasterxml.jackson.databind.ObjectMapper
import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.mock.TaskOutcome
import io.github.sfntest.samples.support.Timeline
import io.github.sfntest.spock.SfnGroovyMethods
import io.github.sfntest.spock.StateMachine
import io.github.sfntest.spock.StateMachineTest
import io.github.sfntest.testing.StateMachineUnderTest
import java.time.Duration
import spock.lang.Specification

/**
 * The Retry/Catch tutorials of error-handling-retry-catch/README.md (workshop module 8 and four
 * step-functions-workflows-collection samples), one machine per declaration. Each scenario is a
 * row: mocked error sequences on the left, what the retriers and catchers make of them on the
 * right, all on the virtual clock.
 */
@StateMachineTest(
    definition = 'error-handling-retry-catch/workshop-module08-retry.asl.json', name = 'WorkshopRetry',
    machines = [
        @StateMachine(value = 'WorkshopCatch', definition = 'error-handling-retry-catch/workshop-module08-catch.asl.json'),
        @StateMachine(value = 'SimpleRetry', definition = 'error-handling-retry-catch/simple-retry.asl.json'),
        @StateMachine(value = 'Backoff', definition = 'error-handling-retry-catch/retry-with-exponential-backoff.asl.json',
            substitutions = 'generateRandomResponsesLambda=arn:aws:lambda:us-east-1:123456789012:function:GenerateRandomResponses'),
        @StateMachine(value = 'CommonErrorOption1', definition = 'error-handling-retry-catch/common-error-handling-option1.asl.json',
            substitutions = ['NumberFunctionArn=NumberFunction', 'OddFunctionArn=OddFunction', 'EvenFunctionArn=EvenFunction',
                'CommonErrorOption1FunctionArn=CommonErrorOption1Function']),
        @StateMachine(value = 'CommonErrorOption2', definition = 'error-handling-retry-catch/common-error-handling-option2.asl.json',
            substitutions = ['NumberFunctionArn=NumberFunction', 'OddFunctionArn=OddFunction', 'EvenFunctionArn=EvenFunction',
                'CommonErrorOption2FunctionArn=CommonErrorOption2Function']),
        @StateMachine(value = 'ExplicitFailure', definition = 'error-handling-retry-catch/explicit-failure-with-parallel-states.asl.json',
            substitutions = ['getSuccessFunctionArn=arn:aws:lambda:us-east-1:123456789012:function:GetSuccess',
                'getQuickFailFunctionArn=arn:aws:lambda:us-east-1:123456789012:function:GetQuickFail'])])
class ErrorHandlingSpec extends Specification {

  static final String S3_GET = 'Call Amazon S3 ListObjectsV2'
  static final String BACKOFF_CALL = 'Generate random response'
  static final Map OBJECT = [Body: 'hello', ContentLength: 5, ContentType: 'text/plain']

  StateMachineUnderTest workshopRetry
  @StateMachine('WorkshopCatch') StateMachineUnderTest workshopCatch
  @StateMachine('SimpleRetry') StateMachineUnderTest simpleRetry
  @StateMachine('Backoff') StateMachineUnderTest backoff
  @StateMachine('CommonErrorOption1') StateMachineUnderTest option1
  @StateMachine('CommonErrorOption2') StateMachineUnderTest option2
  @StateMachine('ExplicitFailure') StateMachineUnderTest explicitFailure
  MockedResponses mocks

  static String pythonError(String type, String message) {
    new ObjectMapper().writeValueAsString([errorMessage: message, errorType: type, stackTrace: []])
  }

  static List<Duration> seconds(List<Integer> values) { values.collect { Duration.ofSeconds(it) } }

  // --- workshop module 8: Retry -------------------------------------------------------------

  def "workshop retry: #scenario"() {
    given:
    def stub = mocks.onLambda('FailFunction')
    errors.each { stub = stub.thenThrow(it, "$it happened") }
    if (answer != null) stub.thenReturn(answer)

    when:
    def result = workshopRetry.run('{"who": "workshop"}')

    then:
    result.status == status
    result.error == error
    result.output == output
    Timeline.gaps(result, 'StartExecution', LAMBDA_FUNCTION_SCHEDULED) == seconds(gaps)
    mocks.invocations('StartExecution').every { it.payload == [who: 'workshop'] }   // a bare Lambda ARN gets the state input

    where:
    scenario                                      | errors                          | answer           || status    | error            | output           | gaps
    'a transient CustomError, first retry wins'   | ['CustomError']                 | [status: 'done'] || SUCCEEDED | null             | [status: 'done'] | [1]
    'CustomError three times: 1 s, then 2 s'      | ['CustomError'] * 3             | null             || FAILED    | 'CustomError'    | null             | [1, 2]
    'an error the retrier does not name'          | ['Lambda.Unknown']              | null             || FAILED    | 'Lambda.Unknown' | null             | []
  }

  // --- workshop module 8: Catch -------------------------------------------------------------

  def "workshop catch: #scenario ends in #endState"() {
    given:
    mocks.onLambda('FailureFunction').willAnswer { call ->
      failure ? TaskOutcome.failure(failure, 'boom') : [ok: true]
    }.withLatency(Duration.ofSeconds(latency))

    when:
    def result = workshopCatch.run()

    then:
    result.status == SUCCEEDED
    result.visitedStates == ['StartExecution'] + (endState ? [endState] : [])
    result.output == output
    result.elapsed() == Duration.ofSeconds(Math.min(latency, 5))

    where:
    scenario                       | failure                   | latency || endState              | output
    'CustomError'                  | 'CustomError'             | 0       || 'CustomErrorFallback'   | 'This is a fallback from a custom Lambda function exception'
    'a 10 s function'              | null                      | 10      || 'TimeoutFallback'       | 'This is a fallback from a timeout error'
    'any other error'              | 'Lambda.ServiceException' | 0       || 'CatchAllFallback'      | 'This is a fallback from any error'
    'a 4 s function, no fallback'  | null                      | 4       || null                    | [ok: true]
  }

  def "workshop catch: without ResultPath the error object is the fallback's whole input"() {
    given:
    mocks.onLambda('FailureFunction').willThrow('CustomError', 'This is a custom error!')

    when:
    def result = workshopCatch.run()

    then:
    assertThat(result).state('StartExecution').failedWith('CustomError', 'This is a custom error!').wasCaughtBy('CustomErrorFallback')
    assertThat(result).state('CustomErrorFallback').hasInput('{"Error": "CustomError", "Cause": "This is a custom error!"}')
  }

  // --- simple-retry: two retriers, each with its own counter --------------------------------

  def "simple retry: #errors -> #outcome after #gaps s"() {
    given:
    def stub = mocks.onState(S3_GET)
    errors.each { stub = stub.thenThrow(it, "$it from S3") }
    stub.thenReturn(OBJECT)

    when:
    def result = simpleRetry.run()

    then:
    result.visitedStates.last() == outcome
    Timeline.gaps(result, S3_GET, TASK_SCHEDULED) == seconds(gaps)
    result.elapsed() == Duration.ofSeconds(gaps.sum(0) as long)
    mocks.invocations(S3_GET)*.args.unique() == [[Bucket: 'ExampleS3Bucket', Key: 'MyData']]

    where:
    errors                                  || outcome         | gaps
    []                                      || 'Succeed State' | []
    ['ErrorA', 'ErrorC', 'ErrorB']          || 'Succeed State' | [1, 5, 2]    // ErrorB is the A|B retrier's 2nd retry
    ['ErrorC'] * 4                          || 'Fail State'    | [5, 10, 20]  // defaults: 3 attempts, x2.0
    ['ErrorA', 'ErrorB', 'ErrorA']          || 'Fail State'    | [1, 2]       // A|B retrier used up
    ['S3.NoSuchKeyException']               || 'Fail State'    | []           // in no retrier
  }

  def "simple retry: a 6 s S3 call times out at 5 s and ends in a Fail state without error or cause"() {
    given:
    mocks.onState(S3_GET).willReturn(OBJECT).withLatency(Duration.ofSeconds(6))

    when:
    def result = simpleRetry.run()

    then:
    result.status == FAILED
    result.error == null
    result.cause == null
    result.elapsed() == Duration.ofSeconds(5)
    assertThat(result).state(S3_GET).wasNotRetried().failedWith('States.Timeout').wasCaughtBy('Fail State')
  }

  // --- retry-with-exponential-backoff ------------------------------------------------------

  def "exponential backoff: #failures x #error -> #endState"() {
    given:
    mocks.onLambda('GenerateRandomResponses')
        .willThrow(error, pythonError(error, 'nope')).times(failures)
        .thenReturn([statusCode: 200, body: 'Success'])

    when:
    def result = backoff.run()

    then:
    result.visitedStates == [BACKOFF_CALL, endState]
    Timeline.gaps(result, BACKOFF_CALL, TASK_SCHEDULED) == seconds(gaps)
    result.status == (endState == 'Succeed' ? SUCCEEDED : FAILED)

    where:
    error                             | failures || endState  | gaps
    'InternalServerError'             | 2        || 'Succeed' | [2, 4]
    'Lambda.TooManyRequestsException' | 1        || 'Succeed' | [2]
    'InternalServerError'             | 7        || 'Fail'    | [2, 4, 8, 16, 32, 64]
    'BadRequest'                      | 1        || 'Fail'    | []
  }

  def "exponential backoff: OutputPath keeps the function's payload"() {
    given:
    mocks.onLambda('GenerateRandomResponses').willReturn([statusCode: 200, body: 'Success'])

    expect:
    backoff.run().output == [statusCode: 200, body: 'Success']
  }

  // --- common-error-handling: the functions' logic decides where it fails -----------------

  def setupCommonFunctions() {
    mocks.onLambda('NumberFunction').willAnswer { call ->
      def n = call.payload.Number
      n instanceof Number ? [number: n] : TaskOutcome.failure('ValueError', pythonError('ValueError', 'not a number'))
    }
    // lenient: one background for every number; each run fails at one function and calls one handler
    ['OddFunction', 'EvenFunction', 'CommonErrorOption1Function', 'CommonErrorOption2Function'].each {
      mocks.onLambda(it).lenient()
    }
    mocks.onLambda('OddFunction').willAnswer { call ->
      call.payload.Number % 2 == 0 ? TaskOutcome.failure('Exception', pythonError('Exception', 'even number')) : [odd: true]
    }
    mocks.onLambda('EvenFunction').willAnswer { call ->
      call.payload.Number % 2 != 0 ? TaskOutcome.failure('Exception', pythonError('Exception', 'odd number')) : [even: true]
    }
    mocks.onLambda('CommonErrorOption1Function').willReturn([handled: true])
    mocks.onLambda('CommonErrorOption2Function').willReturn([handled: true])
  }

  def "common handler (option 1): Number #number fails at #failedStep; the handler is told via #failureKey"() {
    given:
    setupCommonFunctions()

    when:
    def result = option1.run(Number: number)

    then: 'every run ends in the handler, which is the point of the sample'
    result.status == SUCCEEDED
    result.visitedStates.last() == 'Common Error Handler'
    result.visitedStates[-2] == failedStep

    and: "the failing step's catcher put the error at \$.$failureKey"
    def handlerInput = mocks.invocations('Common Error Handler').first().payload
    handlerInput.Number == number
    handlerInput[failureKey].Error == error
    handlerInput[failureKey].Cause == pythonError(error, message)
    result.output.commonErrorLambda.Payload == [handled: true]

    where:
    number || failedStep      | failureKey            | error        | message
    3      || 'Even Lambda'   | 'evenLambdaFailure'   | 'Exception'  | 'odd number'
    4      || 'Odd Lambda'    | 'oddLambdaFailure'    | 'Exception'  | 'even number'
    'four' || 'Number Lambda' | 'numberLambdaFailure' | 'ValueError' | 'not a number'
  }

  def "common handler (option 2): the handler gets this execution's context object instead of the error"() {
    given:
    setupCommonFunctions()

    when:
    def result = option2.runWithInputFrom('error-handling-retry-catch/inputs/common-error-even-number.json')

    then:
    result.visitedStates == ['Number Lambda', 'Odd Lambda', 'Common Error Handler']
    def context = mocks.invocations('Common Error Handler').first().payload
    context.Execution.Id == result.executionArn()
    context.Execution.Input == result.input
    context.StateMachine.Name == 'CommonErrorOption2'
    context.StateMachine.Id.endsWith(':stateMachine:CommonErrorOption2')
    result.output.Error == 'Exception'
  }

  // --- explicit-failure-with-parallel-states ----------------------------------------------

  def "explicit failure: a caught branch error fails the execution only after both branches finished"() {
    given:
    def cause = pythonError('Exception', 'Throwing explicit error')
    mocks.onLambda('GetSuccess').willReturn([message: 'success'])
    mocks.onLambda('GetQuickFail').willThrow('Exception', cause)

    when:
    def result = explicitFailure.run(orderId: 'o-1')

    then: 'the Fail state takes error and cause from the caught error (ErrorPath/CausePath)'
    result.status == FAILED
    result.error == 'Exception'
    result.cause == cause
    result.visitedStates.containsAll(['success state', 'quick fail', 'handle failure', 'Evaluate Results', 'Fail'])

    and: 'the Parallel output holds the good result and the caught error side by side'
    def joined = SfnGroovyMethods.toGroovy(result.history.visitsOf('Parallel').first().output().get())
    joined == [[message: 'success'], [orderId: 'o-1', error: [Error: 'Exception', Cause: cause]]]
  }

  def "explicit failure: both branches succeed and both results are returned"() {
    given:
    mocks.onLambda('GetSuccess').willReturn([message: 'success'])
    mocks.onLambda('GetQuickFail').willReturn([message: 'not this time'])

    when:
    def result = explicitFailure.run('{}')

    then:
    result.status == SUCCEEDED
    result.visitedStates.last() == 'Success'
    result.output == [[message: 'success'], [message: 'not this time']]
  }

}

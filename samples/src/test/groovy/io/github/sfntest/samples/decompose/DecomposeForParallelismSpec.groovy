package io.github.sfntest.samples.decompose

import static io.github.sfntest.assertions.SfnAssertions.assertThat
import static io.github.sfntest.engine.ExecutionStatus.FAILED
import static io.github.sfntest.engine.ExecutionStatus.SUCCEEDED
import static io.github.sfntest.history.HistoryEventType.TASK_SCHEDULED

import com.fasterxml.jackson.databind.ObjectMapper
import io.github.sfntest.engine.ExecutionResult
import io.github.sfntest.engine.StartRequest
import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.samples.support.Timeline
import io.github.sfntest.spock.StateMachine
import io.github.sfntest.spock.StateMachineTest
import io.github.sfntest.testing.StateMachineUnderTest
import java.time.Duration
import spock.lang.Specification

/**
 * decompose-for-parallelism/README.md: main records a test run and starts one distributor per
 * batch; a distributor with more than 40 tests starts copies of itself, otherwise it runs each
 * test as a runner execution and records its result with a recorder execution. All four machines
 * are declared, so every startExecution.sync:2 runs a real child on the same virtual clock; only
 * the Lambdas and DynamoDB are mocked (the batch-splitting Lambda with its real rule).
 */
@StateMachineTest(definition = 'decompose-for-parallelism/main.asl.json', name = 'Main',
    substitutions = ['FunctionBuildList=BuildList', 'FunctionGetBatcheFromS3=GetBatchFromS3',
        'LambdaGetTestRunReport=GetTestRunReport', 'TableTestRuns=TestRuns', 'TableTestResults=TestResults',
        'StateMachineDistributor=arn:aws:states:us-east-1:111111111111:stateMachine:Distributor'],
    machines = [
        @StateMachine(value = 'Distributor', definition = 'decompose-for-parallelism/distributor.asl.json',
            substitutions = ['FunctionSplitIfRequired=SplitIfRequired',
                'StateMachineTestSimplewait=arn:aws:states:us-east-1:111111111111:stateMachine:SimpleWait',
                'StateMachineTestResultRecorder=arn:aws:states:us-east-1:111111111111:stateMachine:TestResultRecorder']),
        @StateMachine(value = 'SimpleWait', definition = 'decompose-for-parallelism/runner-simplewait.asl.json'),
        @StateMachine(value = 'TestResultRecorder', definition = 'decompose-for-parallelism/test-result-recorder.asl.json',
            substitutions = ['LambdaGetTestResultsFromSfnStatus=GetTestResultsFromSfnStatus',
                'LambdaRecordMetricDataFunction=RecordMetricData', 'ParameterInstancePrefix=decompose',
                'TableTestResults=TestResults'])])
class DecomposeForParallelismSpec extends Specification {

  static final String ARN = 'arn:aws:states:us-east-1:111111111111'
  static final Map RECORDED_RESULT = [TestStatus        : 'SUCCEEDED', TestName: 'simplewait', TestDurationMs: '3000',
                                      TestSuccessMetricValue: 1, Iteration: '7', 'test-run-id': 'run-1',
                                      TestStartTimeEpoch: '0', TestEndTimeEpoch: '3000']

  StateMachineUnderTest main
  @StateMachine('Distributor') StateMachineUnderTest distributor
  @StateMachine('TestResultRecorder') StateMachineUnderTest recorder
  MockedResponses mocks

  /** The tests of the run per batch, as the S3 batch files would hold them. */
  Map<Integer, List<Map>> batches = [:]

  def setup() {
    mocks.onLambda('SplitIfRequired').willAnswer { call ->   // the real rule: more than 40 tests are split
      def tests = call.payload['tests-to-run']
      tests.size() <= 40 ? call.payload : [
          'test-run-id' : call.payload['test-run-id'],
          'test-batches': tests.collate(40).withIndex().collect { part, id -> [batch_id: id, 'tests-to-run': part] }]
    }
    mocks.onLambda('GetTestResultsFromSfnStatus').willAnswer { call ->   // DescribeExecution of a runner -> result record
      def output = call.payload.Output
      long ms = output['test-input']['delay-seconds'] * 1000L
      [TestStatus: call.payload.Status, TestName: 'simplewait', TestDurationMs: "$ms".toString(),
       TestSuccessMetricValue: call.payload.Status == 'SUCCEEDED' ? 1 : 0, Iteration: "${output['test-number']}".toString(),
       'test-run-id': output['test-run-id'], TestStartTimeEpoch: '0', TestEndTimeEpoch: "$ms".toString()]
    }
    mocks.onLambda('RecordMetricData').willReturn([recorded: true])
    mocks.onResource('arn:aws:states:::dynamodb:putItem').willReturn([:])
    mocks.onLambda('BuildList').willAnswer { call -> [batch_index: batches.keySet() as List, s3_bucket: 'test-batches', s3_key: 'run.json'] }
    mocks.onLambda('GetBatchFromS3').willAnswer { call ->
      [batchnumber: call.payload.batch_id, 'tests-to-run': batches[call.payload.batch_id]]
    }
  }

  static Map test(int number, Integer delaySeconds = null) {
    ['test-number': number, 'test-input': delaySeconds == null ? [:] : ['delay-seconds': delaySeconds]]
  }

  /**
   * Execution names must be unique per state machine (on AWS for 90 days; on an engine behind a
   * shared endpoint for the whole test JVM), so the spec's names carry its own prefix.
   */
  ExecutionResult runDistributor(String name, List<Map> tests) {
    distributor.start(StartRequest.of(distributor.definition(), new ObjectMapper().valueToTree(['test-run-id': 'run-1', 'tests-to-run': tests]))
        .withExecutionName(name)).awaitCompletion()
  }

  def "a distributor with #count tests #how; it takes as long as its slowest test (#slowest s)"() {
    given:
    def tests = (1..count).collect { test(it, it % 10 + 1) }

    when:
    def result = runDistributor("spock-$count", tests)

    then:
    result.status == SUCCEEDED
    result.elapsed() == Duration.ofSeconds(slowest)
    result.visitedStates.contains('RunTests') == !recurses
    result.visitedStates.contains('RecurseToMoreDistributors') == recurses
    result.childExecutions*.stateMachineName.countBy { it } == children

    and: 'every test result is recorded once, in whichever generation ran it'
    mocks.invocations('RecordTestRun-DynamoDB').size() == count
    mocks.invocations('RecordTestRun-DynamoDB')*.args*.Item*.TestId*.S*.toInteger().sort() == (1..count).toList()

    where:
    count || recurses | how                                  | children                                   | slowest
    1     || false    | 'runs its test itself'               | [SimpleWait: 1, TestResultRecorder: 1]     | 2
    2     || false    | 'runs its tests in parallel'         | [SimpleWait: 2, TestResultRecorder: 2]     | 3
    40    || false    | 'still runs them itself'             | [SimpleWait: 40, TestResultRecorder: 40]   | 10
    45    || true     | 'starts two copies of itself'        | [Distributor: 2]                           | 10
  }

  def "the self-recursion names the copies <name>_0 and <name>_1 and splits 40 + 5"() {
    when:
    def result = runDistributor('spock-split', (1..45).collect { test(it, 1) })

    then:
    result.childExecutions*.executionArn() == ["$ARN:execution:Distributor:spock-split_0", "$ARN:execution:Distributor:spock-split_1"]*.toString()
    result.childExecutions.collect { it.history.mapIterations('RunTests').size() } == [40, 5]
    result.childExecutions[1].childExecutions.size() == 10
  }

  def "each test runs in its own named runner; the default delay is 5 s"() {
    when:
    def result = runDistributor('spock-batch0', [test(1, 3), test(2)])

    then:
    def runners = result.childExecutions.findAll { it.stateMachineName() == 'SimpleWait' }
    runners*.executionArn().sort() == ["$ARN:execution:SimpleWait:spock-batch0_test1", "$ARN:execution:SimpleWait:spock-batch0_test2"]*.toString()

    and:
    def defaultDelay = runners.find { it.executionArn().endsWith('spock-batch0_test2') }
    defaultDelay.visitedStates == ['VerifyInput', 'GenerateDefaultTestInput', 'RunTest']
    defaultDelay.elapsed() == Duration.ofSeconds(5)
    defaultDelay.output['test-input'] == ['delay-seconds': 5]
    defaultDelay.input.AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID == result.executionArn()

    and: 'each recorder ends in "Done"'
    result.childExecutions.findAll { it.stateMachineName() == 'TestResultRecorder' }*.output == ['Done', 'Done']
  }

  def "main runs every batch through a distributor, records the run and returns the report"() {
    given:
    batches[0] = [test(1, 2), test(2, 4)]
    batches[1] = [test(3, 6), test(4, 1)]
    mocks.onLambda('GetTestRunReport').willReturn([summary: [test_count: 4, failed: 0]])

    when:
    def result = main.start(StartRequest.of(main.definition(), '{"iteration_count": 2}').withExecutionName('spock-nightly')).awaitCompletion()

    then:
    result.status == SUCCEEDED
    result.output == [summary: [test_count: 4, failed: 0]]
    result.elapsed() == Duration.ofSeconds(6)
    result.childExecutions*.executionArn() == ["$ARN:execution:Distributor:spock-nightly_batch0", "$ARN:execution:Distributor:spock-nightly_batch1"]*.toString()
    result.childExecutions*.status == [SUCCEEDED, SUCCEEDED]

    and: 'the DynamoDB records take the context object and intrinsics'
    def start = mocks.invocations('RecordTestRunStart').first().args.Item
    start.TestRunId.S == result.executionArn()
    start.IterationCount.N == '2'
    def complete = mocks.invocations('RecordTestRunComplete').first().args.Item
    complete.Status.S == 'Complete'
    complete.IterationCount.N == '4'
    java.time.Duration.between(java.time.Instant.parse(start.StartTime.S), java.time.Instant.parse(complete.EndTime.S)) == Duration.ofSeconds(6)

    and: 'the upstream "$$.Execution.Name " path (trailing space) still reads the name'
    mocks.invocations('BuildBatches').first().payload.execution_name == 'spock-nightly'
  }

  def "main defaults the iteration count when given #given"() {
    given:
    batches[0] = [test(1, 1)]
    mocks.onLambda('GetTestRunReport').willReturn([summary: [test_count: 1]])

    when:
    def result = main.run(input)

    then:
    result.status == SUCCEEDED
    ('GenerateDefaultInput' in result.visitedStates) == defaulted
    mocks.invocations('BuildBatches').first().payload.iteration_count == count

    where:
    given          | input                       || defaulted | count
    'a word'       | [iteration_count: 'lots']   || true      | 1
    'nothing'      | [:]                         || true      | 1
    'a number'     | [iteration_count: 3]        || false     | 3
  }

  def "the recorder refuses a result with #defect"() {
    given:
    mocks.onLambda('GetTestResultsFromSfnStatus').willReturn(broken(RECORDED_RESULT))

    when:
    def result = recorder.run(Status: 'SUCCEEDED')

    then:
    result.status == FAILED
    result.error == 'InvalidResults'
    result.cause == 'Missing required data from test results'
    result.visitedStates == ['HandleInput', 'ConfirmRequiredData', 'InvalidInput']
    mocks.invocations('RecordTestRun-DynamoDB').empty

    where:
    defect                        | broken
    'an empty name'               | { it + [TestName: ''] }
    'no status'                   | { it.findAll { k, v -> k != 'TestStatus' } }
    'an empty duration'           | { it + [TestDurationMs: ''] }
    'a non-numeric success value' | { it + [TestSuccessMetricValue: 'yes'] }
  }

  def "a #status test is recorded with the status metric only (the duration metric is for successes)"() {
    given:
    mocks.onLambda('GetTestResultsFromSfnStatus').willReturn(RECORDED_RESULT + [TestStatus: status, TestSuccessMetricValue: 0])

    when:
    def result = recorder.run(Status: status)

    then:
    result.status == SUCCEEDED
    !('RecordTestRun-DurationMetric' in result.visitedStates)
    mocks.invocations('RecordTestRun-StatusMetric').size() == 1
    mocks.invocations('RecordTestRun-DynamoDB').first().args.Item.TestStatus == [S: status]

    where:
    status << ['FAILED', 'TIMED_OUT', 'ABORTED']
  }

  def "a throttled duration metric is retried 1, 2, 4 s, caught, and the result is still stored"() {
    given:
    mocks.onLambda('GetTestResultsFromSfnStatus').willReturn(RECORDED_RESULT)
    mocks.onState('RecordTestRun-DurationMetric').willThrow('CloudWatch.LimitExceeded', 'throttled')

    when:
    def result = recorder.run(Status: 'SUCCEEDED')

    then:
    result.status == SUCCEEDED
    result.output == 'Done'
    Timeline.gaps(result, 'RecordTestRun-DurationMetric', TASK_SCHEDULED) == [1, 2, 4].collect { Duration.ofSeconds(it) }
    assertThat(result).state('RecordTestRun-DurationMetric').wasCaughtBy('RecordTestRun-StatusMetric')
    mocks.invocations('RecordTestRun-StatusMetric').size() == 1
    mocks.invocations('RecordTestRun-DynamoDB').first().args.Item == [
        TestId: [S: '7'], TestRunId: [S: 'run-1'], TestName: [S: 'simplewait'], TestStartTimeEpoch: [N: '0'],
        TestEndTimeEpoch: [N: '3000'], TestDurationMs: [N: '3000'], TestStatus: [S: 'SUCCEEDED']]
  }
}

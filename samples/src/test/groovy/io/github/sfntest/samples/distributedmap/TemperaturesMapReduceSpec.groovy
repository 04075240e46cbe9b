package io.github.sfntest.samples.distributedmap

import static io.github.sfntest.engine.ExecutionStatus.FAILED
import static io.github.sfntest.engine.ExecutionStatus.SUCCEEDED

import io.github.sfntest.engine.EngineCapability
import io.github.sfntest.engine.ExecutionResult
import io.github.sfntest.engine.StartRequest
import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.mock.TaskOutcome
import io.github.sfntest.s3.InMemoryS3
import io.github.sfntest.spock.RequiresCapability
import io.github.sfntest.spock.StateMachineTest
import io.github.sfntest.testing.StateMachineUnderTest
import spock.lang.Specification

/**
 * distributed-map-s3-noaa/README.md: a Distributed Map lists NOAA station files in S3 and hands
 * them to a mapper Lambda in batches of 500, writes the results to S3 (ResultWriter) and a
 * reducer reads the manifest; up to 5 % of the items may fail.
 */
@StateMachineTest(definition = 'distributed-map-s3-noaa/dmap-temperatures.asl.json', name = 'Temperatures',
    substitutions = ['InputBucket=noaa-gsod', 'ResultsBucket=results-bucket',
        'DistributedMapTestFunctionName=Mapper', 'ReducerFunctionName=Reducer'])
class TemperaturesMapReduceSpec extends Specification {

  StateMachineUnderTest temperatures
  MockedResponses mocks
  InMemoryS3 s3 = new InMemoryS3().createBucket('results-bucket')

  def setup() {
    mocks.onLambda('Reducer').willReturn([hottest: ['2022-01': '00089']])
  }

  void stations(int count) {
    (1..count).each { s3.putObject('noaa-gsod', String.format('2022/%05d.csv', it), "STATION,DATE,TEMP\n$it,2022-01-01,${it % 90}\n") }
  }

  /** The mapper crashes on a batch of exactly {@code crashOn} files. */
  void mapperCrashesOnBatchesOf(Integer crashOn) {
    mocks.onLambda('Mapper').willAnswer { call ->
      def size = call.payload.Items.size()
      size == crashOn ? TaskOutcome.failure('Exception', 'corrupt file') : [files: size]
    }
  }

  ExecutionResult run() {
    temperatures.start(StartRequest.of(temperatures.definition(), '{}').withS3(s3)).awaitCompletion()
  }

  def "#files station files -> batches #batchSizes; mapper crashes on #crashOn: #outcome"() {
    given:
    stations(files)
    mapperCrashesOnBatchesOf(crashOn)

    when:
    def result = run()

    then:
    mocks.invocations('Lambda Invoke')*.payload*.Items*.size().sort() == batchSizes.sort()
    mocks.invocations('Lambda Invoke')*.payload*.Items.flatten()*.Key.toSet().size() == files
    result.status == status
    result.error == error
    ('Reducer' in result.visitedStates) == reduced

    where:
    files | crashOn || batchSizes      | status    | error                                     | reduced | outcome
    1200  | null    || [500, 500, 200] | SUCCEEDED | null                                      | true    | 'mapped and reduced'
    1001  | 1       || [500, 500, 1]   | SUCCEEDED | null                                      | true    | '1 of 1001 items (< 5 %) is tolerated'
    1200  | 200     || [500, 500, 200] | FAILED    | 'States.ExceedToleratedFailureThreshold'  | false   | '200 of 1200 (16.7 %) fails the run'
    20    | 20      || [20]            | FAILED    | 'States.ExceedToleratedFailureThreshold'  | false   | 'the only batch fails'
  }

  @RequiresCapability(EngineCapability.MAP_RUN_RESULTS)   // Map Run details: in-process and sdk, not aws
  def "the Map Run counts #files items in #batches batches, #failed failed child(ren), status #status"() {
    given:
    stations(files)
    mapperCrashesOnBatchesOf(crashOn)

    when:
    def mapRun = run().mapRun('DistributedMap')

    then:
    mapRun.itemCount() == files
    mapRun.batchCount() == batches
    mapRun.children().size() == batches
    mapRun.failedChildren().size() == failed
    mapRun.status() == status

    where:
    files | crashOn || batches | failed | status
    1200  | null    || 3       | 0      | SUCCEEDED
    1001  | 1       || 3       | 1      | SUCCEEDED
    1200  | 200     || 3       | 1      | FAILED
  }

  def "a batch is the listed objects plus an empty BatchInput; the reducer reads the ResultWriter's manifest"() {
    given:
    stations(1200)
    mapperCrashesOnBatchesOf(null)

    when:
    def result = run()

    then:
    result.output == [hottest: ['2022-01': '00089']]
    def first = mocks.invocations('Lambda Invoke')*.payload.find { it.Items[0].Key == '2022/00001.csv' }
    first.BatchInput == [:]
    first.Items.size() == 500
    first.Items[0].Size > 0

    and: 'the manifest the ResultWriter put under results/ names the Map Run the reducer is given'
    def reducerInput = mocks.invocations('Reducer').first().payload
    reducerInput.ResultWriterDetails.Bucket == 'results-bucket'
    reducerInput.ResultWriterDetails.Key ==~ /results\/.+\/manifest\.json/
    with(s3.getObjectJson('results-bucket', reducerInput.ResultWriterDetails.Key)) {
      get('MapRunArn').asText() == reducerInput.MapRunArn
      get('DestinationBucket').asText() == 'results-bucket'
    }
  }
}

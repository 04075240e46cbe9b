package io.github.sfntest.samples.distributedmap

import static io.github.sfntest.engine.ExecutionStatus.FAILED
import static io.github.sfntest.engine.ExecutionStatus.SUCCEEDED

import io.github.sfntest.engine.EngineCapability
import io.github.sfntest.engine.ExecutionResult
import io.github.sfntest.engine.StartRequest
import io.github.sfntest.mock.IntegrationResults
import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.mock.TaskOutcome
import io.github.sfntest.s3.InMemoryS3
import io.github.sfntest.spock.RequiresCapability
import io.github.sfntest.spock.StateMachine
import io.github.sfntest.spock.StateMachineTest
import io.github.sfntest.testing.StateMachineUnderTest
import io.github.sfntest.testing.TestResource
import spock.lang.Specification

/**
 * distributed-map-s3-csv/README.md: a Distributed Map reads a CSV export of video metrics from S3
 * and starts, per row, a CsvChild execution that stores it in DynamoDB. S3 is an InMemoryS3; the
 * parent is tested with the child start mocked, the child alone, and end to end.
 *
 * <p>The two end-to-end features need Map Run children that can start deployed machines (an engine
 * bug fixed on main in 581f28e; they were pending before).
 */
@StateMachineTest(definition = 'distributed-map-s3-csv/csv-iterator-parent.asl.json', name = 'CsvIterator',
    substitutions = ['CSVBucket=csv-bucket', 'ChildStateMachine=arn:aws:states:us-east-1:111111111111:stateMachine:CsvChild'],
    machines = @StateMachine(value = 'CsvChild', definition = 'distributed-map-s3-csv/csv-iterator-child.asl.json',
        substitutions = 'MetadataTable=VideoMetadata'))
class CsvIteratorSpec extends Specification {

  StateMachineUnderTest csvIterator
  @StateMachine('CsvChild') StateMachineUnderTest csvChild
  MockedResponses mocks
  InMemoryS3 s3 = new InMemoryS3()

  def setup() {
    s3.putObject('csv-bucket', 'metrics.csv', TestResource.read('distributed-map-s3-csv/metrics.csv', 'CSV file').text())
    mocks.onState('Add Item').willReturn([:])
  }

  ExecutionResult run(InMemoryS3 bucket = s3) {
    csvIterator.start(StartRequest.of(csvIterator.definition(), '{}').withS3(bucket)).awaitCompletion()
  }

  def "every CSV row reaches the child starter as an object keyed by the header"() {
    given:
    mockTheChildStart()

    when:
    def result = run()
    def starts = mocks.invocations('Start Child Step Function')

    then:
    result.status == SUCCEEDED
    starts*.args*.StateMachineArn.unique() == ['arn:aws:states:us-east-1:111111111111:stateMachine:CsvChild']
    starts*.args*.Input*.StatePayload*.Content.sort() == ['1wNb_RMvI9E', 'Z_GAa9WToMM', 'Zvdf_P5pJis', 'xIy0KVMOHHw']

    and: 'values are strings and the quoted comma is kept'
    starts*.args*.Input*.StatePayload.find { it.Content == '1wNb_RMvI9E' } == [
        Content         : '1wNb_RMvI9E', VideoTitle: 'QUE ES AWS LAMBDA? INTRODUCCION EN ESPAÑOL A SERVERLESS EN AWS',
        VideoPublishTime: 'May 3, 2021', Views: '24993']

    and: "\$\$.Execution.Id in the item processor is the item's own child execution, not the parent"
    starts.every { it.args.Input.AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID == it.executionArn() }
    !(result.executionArn() in starts*.executionArn())

    and: 'no ResultWriter: the output is the start results'
    result.output*.ExecutionArn.sort() == starts*.args*.Input*.StatePayload*.Content.collect {
      "arn:aws:states:us-east-1:111111111111:execution:CsvChild:$it".toString() }.sort()
    mocks.invocations('Add Item').empty
  }

  @RequiresCapability(EngineCapability.MAP_RUN_RESULTS)   // Map Run details: in-process and sdk, not aws
  def "the Map Run read 4 items and ran one child execution per row"() {
    given:
    mockTheChildStart()

    when:
    def result = run()
    def mapRun = result.mapRun('Map')

    then:
    mapRun.itemCount() == 4
    mapRun.succeededChildren().size() == 4
    mapRun.children()*.executionArn().toSet() == mocks.invocations('Start Child Step Function')*.executionArn().toSet()
  }

  void mockTheChildStart() {
    mocks.onState('Start Child Step Function').willAnswer { call ->
      IntegrationResults.stepFunctionsStartExecution(
          "arn:aws:states:us-east-1:111111111111:execution:CsvChild:${call.args.Input.StatePayload.Content}".toString(),
          '2024-01-01T00:00:00.000Z')
    }
  }

  def "the child stores row #row.Content in DynamoDB with Views as a number"() {
    when:
    def result = csvChild.run(StatePayload: row, AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID: 'arn:aws:states:us-east-1:111111111111:execution:CsvIterator:x')

    then:
    result.status == SUCCEEDED
    result.visitedStates == ['Add Item']
    mocks.invocations('Add Item').first().args == [TableName: 'VideoMetadata', Item: [
        id: [S: row.Content], VideoPublishTime: [S: row.VideoPublishTime], VideoTitle: [S: row.VideoTitle], Views: [N: row.Views]]]

    where:
    row << [[Content: 'Z_GAa9WToMM', VideoTitle: 'INTRODUCCION A AWS SAM', VideoPublishTime: 'May 17, 2021', Views: '9631'],
            [Content: 'Zvdf_P5pJis', VideoTitle: 'Introducción a AWS Step Functions', VideoPublishTime: 'Aug 23, 2021', Views: '5657']]
  }

  def "a CSV file that was never uploaded fails the item reader"() {
    when:
    def result = run(new InMemoryS3().createBucket('csv-bucket'))

    then:
    result.status == FAILED
    result.error == 'States.ItemReaderFailed'
    mocks.invocations('Add Item').empty
  }

  @RequiresCapability(EngineCapability.MAP_RUN_RESULTS)
  def "end to end: every CSV row starts a CsvChild execution that stores it"() {
    when:
    def result = run()
    def stored = result.mapRun('Map').children()*.childExecutions.flatten()

    then:
    result.status == SUCCEEDED
    stored.size() == 4
    stored.every { it.status == SUCCEEDED && it.stateMachineName() == 'CsvChild' && it.visitedStates == ['Add Item'] }
    stored*.input*.AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.toSet() == result.mapRun('Map').children()*.executionArn().toSet()
    result.output*.ExecutionArn.toSet() == stored*.executionArn().toSet()
    mocks.invocations('Add Item')*.args*.Item*.id*.S.sort() == ['1wNb_RMvI9E', 'Z_GAa9WToMM', 'Zvdf_P5pJis', 'xIy0KVMOHHw']
  }

  @RequiresCapability(EngineCapability.MAP_RUN_RESULTS)
  def "children are fire-and-forget: a rejected store fails only its own CsvChild, not the parent"() {
    given:
    mocks.onState('Add Item').willAnswer { call ->
      call.args.Item.id.S == 'Z_GAa9WToMM' ? TaskOutcome.failure('DynamoDB.ProvisionedThroughputExceededException', 'slow down') : [:]
    }

    when:
    def result = run()
    def stored = result.mapRun('Map').children()*.childExecutions.flatten()

    then:
    result.status == SUCCEEDED
    result.mapRun('Map').failedChildren().empty
    stored.findAll { it.status == FAILED }*.error == ['DynamoDB.ProvisionedThroughputExceededException']
  }
}

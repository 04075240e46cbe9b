package io.github.sfntest.samples.contentaggregator

import static io.github.sfntest.engine.ExecutionStatus.FAILED
import static io.github.sfntest.engine.ExecutionStatus.SUCCEEDED
import static io.github.sfntest.history.HistoryEventType.MAP_ITERATION_FAILED

import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.mock.TaskOutcome
import io.github.sfntest.spock.StateMachineTest
import io.github.sfntest.testing.StateMachineUnderTest
import spock.lang.Specification

/**
 * The content aggregator of content-aggregator/README.md: RSS feed -> compare each post with the
 * repository's list (a Map over the feed) -> commit the new ones. Every task is a bare Lambda ARN,
 * mocked by function name with closures over an in-memory repository.
 */
@StateMachineTest(definition = 'content-aggregator/content_aggregation.asl.json', name = 'ContentAggregation',
    substitutions = [
        'GetUrlsArn=arn:aws:lambda:us-east-1:123456789012:function:GetUrls',
        'GetRepoContentsArn=arn:aws:lambda:us-east-1:123456789012:function:GetRepoContents',
        'GetBlogPostArn=arn:aws:lambda:us-east-1:123456789012:function:GetBlogPost',
        'CompareAgainstRepoArn=arn:aws:lambda:us-east-1:123456789012:function:CompareAgainstRepo',
        'AddToListArn=arn:aws:lambda:us-east-1:123456789012:function:AddToList',
        'WriteToGitHubArn=arn:aws:lambda:us-east-1:123456789012:function:WriteToGitHub'])
class ContentAggregatorSpec extends Specification {

  static final String INPUT = 'content-aggregator/input.json'

  StateMachineUnderTest aggregator
  MockedResponses mocks
  List<String> feed = []
  Set<String> repo = []

  def setup() {
    mocks.onLambda('GetUrls').willAnswer { [body: feed] }
    mocks.onLambda('GetRepoContents').willAnswer { [statusCode: 200, body: [sha: 'abc123', jsonBlogs: repo as List]] }
    mocks.onLambda('GetBlogPost').willAnswer { call -> [url: call.payload] }    // InputPath $.BlogUrl: a bare string
    mocks.onLambda('CompareAgainstRepo').willAnswer { call -> [exist: call.payload.BlogUrl in repo ? 1 : 0] }
    mocks.onLambda('AddToList').willAnswer { call -> [added: call.payload.BlogMeta.url] }
    mocks.onLambda('WriteToGitHub').willReturn([statusCode: 200])
  }

  def "#feedSize posts in the feed, #known of them known: #added added"() {
    given:
    feed = (1..<feedSize + 1).collect { "https://aws.amazon.com/blogs/compute/post-$it/".toString() }
    repo = feed.take(known) as Set

    when:
    def result = aggregator.runWithInputFrom(INPUT)

    then:
    result.status == SUCCEEDED
    result.visitedStates.first() == 'getnewBlogs'
    result.visitedStates.last() == 'SaveToGitHub'
    mocks.invocations('Add To List').size() == added

    and: 'the commit gets one result per post, in feed order'
    def mapResults = mocks.invocations('SaveToGitHub').first().payload.mapResults
    mapResults.size() == feedSize
    mapResults.findAll { it.added }*.added == feed.drop(known)
    mapResults.findAll { it.decision }*.BlogUrl == feed.take(known)

    where:
    feedSize | known || added
    3        | 1     || 2
    3        | 0     || 3
    3        | 3     || 0
    0        | 0     || 0
  }

  def "the compare function's answer #exist leads to #state"() {
    given:
    feed = ['https://aws.amazon.com/blogs/compute/post-1/']
    mocks.onLambda('CompareAgainstRepo').willReturn(exist)

    when:
    def result = aggregator.runWithInputFrom(INPUT)

    then:
    result.status == SUCCEEDED
    result.history.stateVisits*.name.contains(state)

    where:
    exist         || state
    [exist: 0]    || 'Add To List'
    [exist: 1]    || 'Ignore'
    [exist: 2]    || 'Ignore'   // Default
    [exist: '0']  || 'Ignore'   // a string is not NumericEquals 0: Default
  }

  def "never tested upstream: one post that cannot be read fails the iteration, the Map and the whole run"() {
    given:
    feed = ['https://aws.amazon.com/blogs/compute/post-1/', 'https://aws.amazon.com/blogs/compute/gone/']
    mocks.onLambda('GetBlogPost').willAnswer { call ->
      call.payload.contains('gone') ? TaskOutcome.failure('HTTPError', '404 Client Error') : [url: call.payload]
    }

    when:
    def result = aggregator.runWithInputFrom(INPUT)

    then: 'no Retry, no Catch: nothing is committed, the good post included'
    result.status == FAILED
    result.error == 'HTTPError'
    result.cause == '404 Client Error'
    result.visitedStates.take(3) == ['getnewBlogs', 'Get Repo Contents', 'forEachBlog']
    !('SaveToGitHub' in result.visitedStates)
    result.history.ofType(MAP_ITERATION_FAILED).size() == 1
    mocks.invocations('SaveToGitHub').empty
  }
}

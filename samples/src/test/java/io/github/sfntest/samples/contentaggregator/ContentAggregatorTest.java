package io.github.sfntest.samples.contentaggregator;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.history.HistoryEventType.MAP_ITERATION_FAILED;
import static io.github.sfntest.history.HistoryEventType.MAP_ITERATION_STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.mock.TaskOutcome;
import io.github.sfntest.testing.StateMachineUnderTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The content aggregator of aws-samples/content-aggregator-example ("Building Serverless Land"):
 * every two hours a schedule reads an RSS feed, compares each post with the JSON list kept in a
 * GitHub repository, and commits the posts that are new.
 *
 * <p>Every task's {@code Resource} is a bare Lambda ARN (a whole {@code ${...}} placeholder), so a
 * task's result is the function's return value, with no {@code Payload} wrapper; the functions are
 * mocked by name. The repository is a set of URLs the compare function reads.
 */
@StateMachineTest(definition = "content-aggregator/content_aggregation.asl.json", name = "ContentAggregation",
    substitutions = {
        "GetUrlsArn=arn:aws:lambda:us-east-1:123456789012:function:GetUrls",
        "GetRepoContentsArn=arn:aws:lambda:us-east-1:123456789012:function:GetRepoContents",
        "GetBlogPostArn=arn:aws:lambda:us-east-1:123456789012:function:GetBlogPost",
        "CompareAgainstRepoArn=arn:aws:lambda:us-east-1:123456789012:function:CompareAgainstRepo",
        "AddToListArn=arn:aws:lambda:us-east-1:123456789012:function:AddToList",
        "WriteToGitHubArn=arn:aws:lambda:us-east-1:123456789012:function:WriteToGitHub"})
class ContentAggregatorTest {

  static final String INPUT = "content-aggregator/input.json";
  static final String FEED = "https://aws.amazon.com/blogs/compute/feed";
  static final String POST_1 = "https://aws.amazon.com/blogs/compute/post-1/";
  static final String POST_2 = "https://aws.amazon.com/blogs/compute/post-2/";
  static final String POST_3 = "https://aws.amazon.com/blogs/compute/post-3/";

  StateMachineUnderTest aggregator;
  MockedResponses mocks;
  /** The JSON list in the GitHub repository: URLs of the posts already published. */
  final Set<String> repo = ConcurrentHashMap.newKeySet();

  @BeforeEach
  void theFunctions() {
    mocks.onLambda("GetUrls").willReturn(Map.of("body", List.of(POST_1, POST_2, POST_3)));
    mocks.onLambda("GetRepoContents").willAnswer(call -> Map.of("statusCode", 200,
        "body", Map.of("sha", "3f786850e387550fdab836ed7e6dc881de23001b", "jsonBlogs", List.copyOf(repo))));
    // InputPath $.BlogUrl: the function gets the bare URL string
    mocks.onLambda("GetBlogPost").willAnswer(call -> Map.of("url", call.parameters().asText(),
        "title", "Post " + call.parameters().asText().replaceAll(".*post-(\\d+)/", "$1")));
    mocks.onLambda("CompareAgainstRepo").willAnswer(call ->
        Map.of("exist", repo.contains(call.parameters().get("BlogUrl").asText()) ? 1 : 0));
    mocks.onLambda("AddToList").willAnswer(call -> Map.of("added", call.parameters().at("/BlogMeta/url").asText()));
    mocks.onLambda("WriteToGitHub").willReturn(Map.of("statusCode", 200));
  }

  /** Scenario (SOURCE.md): three posts in the feed, one already in the repository; two are added. */
  @Test
  void newPostsAreAddedAndKnownOnesIgnored() {
    repo.add(POST_2);

    ExecutionResult result = aggregator.runWithInputFrom(INPUT);

    assertThat(result).succeeded()
        .visitedInOrder("getnewBlogs", "Get Repo Contents", "forEachBlog", "SaveToGitHub")
        .endedIn("SaveToGitHub")
        .hasOutput("{\"statusCode\": 200}")
        .took(Duration.ZERO);
    assertThat(result).state("getnewBlogs").wasScheduledWith("{\"feedUrl\": \"" + FEED + "\"}");
    assertThat(result).state("forEachBlog").hasIterations(3).allIterationsSucceeded();
    mocks.verify("Add To List").times(2);
    // each iteration gets its URL (from $$.Map.Item.Value) and the repository contents
    assertThat(mocks.invocations("Compare Against Repo")).extracting(call -> call.parameters().get("BlogUrl").asText())
        .containsExactlyInAnyOrder(POST_1, POST_2, POST_3);
    JsonNode commit = mocks.invocations("SaveToGitHub").get(0).parameters();
    JsonNode mapResults = commit.get("mapResults");
    assertThat(mapResults).hasSize(3);
    // results in item order: Add To List's result for new posts, the pass-through of Ignore (Succeed) for the known one
    assertThat(mapResults.get(0)).isEqualTo(json("{\"added\": \"" + POST_1 + "\"}"));
    assertThat(mapResults.get(1).get("decision")).isEqualTo(json("{\"exist\": 1}"));
    assertThat(mapResults.get(1).get("BlogUrl").asText()).isEqualTo(POST_2);
    assertThat(mapResults.get(2)).isEqualTo(json("{\"added\": \"" + POST_3 + "\"}"));
    assertThat(commit.at("/RepoBlogs/body/sha").asText()).isEqualTo("3f786850e387550fdab836ed7e6dc881de23001b");
  }

  /** Scenario: the compare function answers something else than 0 or 1; the Choice's Default ignores the post. */
  @Test
  void unexpectedCompareAnswerIsIgnored() {
    mocks.onLambda("CompareAgainstRepo").willReturn(Map.of("exist", 2));

    ExecutionResult result = aggregator.runWithInputFrom(INPUT);

    assertThat(result).succeeded();
    assertThat(result).state("Ignore").wasEnteredTimes(3);
    mocks.verify("Add To List").never();
  }

  /** Scenario: an empty feed; the Map runs no iteration and the (empty) result is still written. */
  @Test
  void emptyFeedWritesAnEmptyResult() {
    mocks.onLambda("GetUrls").willReturn(Map.of("body", List.of()));

    ExecutionResult result = aggregator.runWithInputFrom(INPUT);

    assertThat(result).succeeded().hasPath("getnewBlogs", "Get Repo Contents", "forEachBlog", "SaveToGitHub");
    assertThat(result).state("forEachBlog").hasIterations(0);
    assertThat(mocks.invocations("SaveToGitHub").get(0).parameters().get("mapResults")).isEmpty();
    mocks.verify("getMeta").never();
  }

  /**
   * Never tested upstream: one post cannot be read (the function fails). The workflow has no Retry
   * or Catch anywhere, so the failed iteration fails the Map and the execution: one broken post
   * keeps every new post out of the repository until it is fixed.
   */
  @Test
  void oneUnreadablePostFailsTheWholeRun() {
    mocks.onLambda("GetBlogPost").willAnswer(call -> POST_2.equals(call.parameters().asText())
        ? TaskOutcome.failure("HTTPError", "404 Client Error: Not Found for url: " + POST_2)
        : Map.of("url", call.parameters().asText()));

    ExecutionResult result = aggregator.runWithInputFrom(INPUT);

    assertThat(result).failedWith("HTTPError", "404 Client Error: Not Found for url: " + POST_2)
        .visitedInOrder("getnewBlogs", "Get Repo Contents", "forEachBlog")
        .didNotVisit("SaveToGitHub");
    assertThat(result).state("forEachBlog").failedWith("HTTPError");
    assertThat(result).events().ofType(MAP_ITERATION_STARTED).isNotEmpty();
    assertThat(result).events().ofType(MAP_ITERATION_FAILED).hasSize(1);
    mocks.verify("SaveToGitHub").never();
  }

  static JsonNode json(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}

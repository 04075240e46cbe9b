package io.github.sfntest.samples.semaphore;

import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.mock.TaskInvocation;
import io.github.sfntest.mock.TaskOutcome;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The semaphore's DynamoDB item, in memory, with the conditional-write semantics the state machine
 * relies on: each DynamoDB task of the machines is mocked with an answer that reads and writes this
 * item and fails with the error names Step Functions gives DynamoDB's exceptions.
 */
public final class SemaphoreTable {

  static final String CONDITION_FAILED = "DynamoDB.ConditionalCheckFailedException";
  static final String NO_ITEM = "DynamoDB.AmazonDynamoDBException";

  private final int limit;
  private boolean itemExists;
  /** lock owner (an execution ARN) -> the time it acquired the lock; the item's count is its size. */
  private final Map<String, String> owners = new LinkedHashMap<>();
  private int acquireAttempts;
  private int releaseHolderAfterAttempts = -1;
  private boolean loseNextAcquireResponse;

  public SemaphoreTable(int limit) {
    this.limit = limit;
  }

  /** Creates the lock item with these holders, as other executions left it. */
  public synchronized SemaphoreTable withHolders(String... holders) {
    itemExists = true;
    for (String holder : holders) {
      owners.put(holder, "2026-01-01T00:00:00.000Z");
    }
    return this;
  }

  /** One of the other holders releases its lock once this many acquire attempts have been made. */
  public synchronized SemaphoreTable releaseAHolderAfterAttempts(int attempts) {
    releaseHolderAfterAttempts = attempts;
    return this;
  }

  /** The next successful acquire is written, but its response is lost (a 500 from DynamoDB). */
  public synchronized SemaphoreTable loseNextAcquireResponse() {
    loseNextAcquireResponse = true;
    return this;
  }

  public synchronized int count() {
    return owners.size();
  }

  public synchronized boolean isHeldBy(String owner) {
    return owners.containsKey(owner);
  }

  public synchronized Map<String, String> owners() {
    return Map.copyOf(owners);
  }

  /** Removes a holder as if it had released its lock itself. */
  synchronized void release(String owner) {
    owners.remove(owner);
  }

  // The table stands in for DynamoDB: it answers every DynamoDB task of a machine as the real table
  // would, and which of them a scenario reaches is the scenario's business, so its stubs are lenient.

  /** Answers the DynamoDB tasks of the semaphore machine. */
  public void answer(MockedResponses mocks) {
    mocks.onState("Acquire Lock").willAnswer(this::acquire).lenient();
    mocks.onState("Initialize Lock Item").willAnswer(call -> initialize()).lenient();
    mocks.onState("Get Current Lock Record").willAnswer(this::get).lenient();
    mocks.onState("Release Lock").willAnswer(this::release).lenient();
  }

  /** Answers the DynamoDB tasks of the clean-up machine. */
  public void answerCleanUp(MockedResponses mocks) {
    mocks.onState("Get Current Lock Item").willAnswer(this::get).lenient();
    mocks.onState("Clean Up Lock").willAnswer(this::release).lenient();
  }

  private static String owner(TaskInvocation call) {
    return call.parameters().at("/ExpressionAttributeNames/#lockownerid").asText();
  }

  private synchronized Object acquire(TaskInvocation call) {
    acquireAttempts++;
    if (acquireAttempts == releaseHolderAfterAttempts) {
      owners.remove(owners.keySet().iterator().next());
    }
    if (!itemExists) {
      // SET #currentlockcount = #currentlockcount + :increase on a missing item: a ValidationException
      return TaskOutcome.failure(NO_ITEM, "The provided expression refers to an attribute that does not exist in the item");
    }
    String owner = owner(call);
    if (owners.size() == limit || owners.containsKey(owner)) {
      return TaskOutcome.failure(CONDITION_FAILED, "The conditional request failed");
    }
    owners.put(owner, call.parameters().at("/ExpressionAttributeValues/:lockacquiredtime/S").asText());
    if (loseNextAcquireResponse) {
      loseNextAcquireResponse = false;
      return TaskOutcome.failure("DynamoDB.InternalServerErrorException", "Internal server error");
    }
    return Map.of("Attributes", Map.of("currentlockcount", Map.of("N", String.valueOf(owners.size())),
        owner, Map.of("S", owners.get(owner))));
  }

  private synchronized Object initialize() {
    if (itemExists) {
      return TaskOutcome.failure(CONDITION_FAILED, "The conditional request failed");
    }
    itemExists = true;
    return Map.of();
  }

  private synchronized Object get(TaskInvocation call) {
    String owner = owner(call);
    // ProjectionExpression #lockownerid: the item with that one attribute, or with none
    Map<String, Object> item = new LinkedHashMap<>();
    if (owners.containsKey(owner)) {
      item.put(owner, Map.of("S", owners.get(owner)));
    }
    return Map.of("Item", item);
  }

  private synchronized Object release(TaskInvocation call) {
    String owner = owner(call);
    if (!owners.containsKey(owner)) {
      return TaskOutcome.failure(CONDITION_FAILED, "The conditional request failed");
    }
    owners.remove(owner);
    return Map.of("Attributes", Map.of("currentlockcount", Map.of("N", String.valueOf(owners.size()))));
  }
}

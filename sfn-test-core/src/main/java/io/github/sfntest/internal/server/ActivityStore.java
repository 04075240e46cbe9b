package io.github.sfntest.internal.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The activities created on the endpoint, by ARN, and the ARNs deleted since (not created again):
 * executions started here fail a task on a deleted activity, as AWS does.
 */
final class ActivityStore extends ResourceStore<ActivityRecord> {

  private final Set<String> deleted = ConcurrentHashMap.newKeySet();

  ActivityStore() {
    super("activity", "ActivityDoesNotExist", "Activity Does Not Exist", ActivityRecord::name);
  }

  /** CreateActivity: the activity at {@code arn} (created now unless it exists). */
  ActivityRecord create(String arn, String name) {
    deleted.remove(arn);
    return computeIfAbsent(arn, a -> new ActivityRecord(a, name, java.time.Instant.now()));
  }

  /** DeleteActivity. */
  void remove(String arn) {
    delete(arn);
    deleted.add(arn);
  }

  /** The ARNs deleted and not created again. */
  Set<String> deleted() {
    return Set.copyOf(deleted);
  }
}

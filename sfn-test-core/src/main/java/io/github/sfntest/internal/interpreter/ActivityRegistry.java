package io.github.sfntest.internal.interpreter;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The activities of one engine that were deleted (DeleteActivity) and not created again. A task on
 * such an activity fails as AWS fails it: {@code States.Runtime}, "The activity ARN does not
 * exist." An activity never created is presumed to exist, so tests that answer activity tasks
 * without declaring them keep working.
 */
final class ActivityRegistry {

  private final Set<String> deleted = ConcurrentHashMap.newKeySet();

  void created(String activityArn) {
    deleted.remove(activityArn);
  }

  void deleted(String activityArn) {
    deleted.add(activityArn);
  }

  boolean exists(String activityArn) {
    return !deleted.contains(activityArn);
  }
}

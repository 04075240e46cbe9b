package io.github.sfntest.internal.server;

/** The activities created on the endpoint, by ARN. */
final class ActivityStore extends ResourceStore<ActivityRecord> {

  ActivityStore() {
    super("activity", "ActivityDoesNotExist", "Activity Does Not Exist", ActivityRecord::name);
  }
}

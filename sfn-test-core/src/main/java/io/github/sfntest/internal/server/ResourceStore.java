package io.github.sfntest.internal.server;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Resources of one type kept by ARN (state machines, activities; next: versions, aliases),
 * thread-safe. Looking one up checks the ARN's shape first, then answers the type's own "does not
 * exist" error, as AWS does.
 */
class ResourceStore<T> {

  private final Map<String, T> byArn = new ConcurrentHashMap<>();
  private final String arnType;
  private final String missingType;
  private final String missingMessage;
  private final Function<T, String> name;

  /**
   * @param arnType the resource type in the ARN, e.g. {@code stateMachine}
   * @param missingType the error of an unknown ARN, e.g. {@code StateMachineDoesNotExist}
   * @param missingMessage its message before the quoted ARN, e.g. {@code State Machine Does Not Exist}
   * @param name the name lists are sorted by
   */
  ResourceStore(String arnType, String missingType, String missingMessage, Function<T, String> name) {
    this.arnType = arnType;
    this.missingType = missingType;
    this.missingMessage = missingMessage;
    this.name = name;
  }

  /** The resource at {@code arn}; InvalidArn for an ARN of another type, the type's error if absent. */
  final T get(String arn) {
    checkArn(arn);
    T found = byArn.get(arn);
    if (found == null) {
      throw new ApiException(missingType, missingMessage + ": '" + arn + "'");
    }
    return found;
  }

  /** The resource at {@code arn}, or null (no checks). */
  final T byArnOrNull(String arn) {
    return byArn.get(arn);
  }

  final void checkArn(String arn) {
    Arns.check(arn, arnType);
  }

  /** The resource already at {@code arn}, or {@code created} once stored there. */
  final T putIfAbsent(String arn, T created) {
    T existing = byArn.putIfAbsent(arn, created);
    return existing != null ? existing : created;
  }

  final T computeIfAbsent(String arn, Function<String, T> create) {
    return byArn.computeIfAbsent(arn, create);
  }

  final boolean contains(String arn) {
    return byArn.containsKey(arn);
  }

  /** Deletes after checking the ARN's shape; deleting an absent resource is not an error on AWS. */
  final void delete(String arn) {
    checkArn(arn);
    byArn.remove(arn);
  }

  final Collection<T> all() {
    return byArn.values();
  }

  /** All resources sorted by name, as the List actions page them. */
  final List<T> sortedByName() {
    List<T> sorted = new ArrayList<>(byArn.values());
    sorted.sort(Comparator.comparing(name));
    return sorted;
  }
}

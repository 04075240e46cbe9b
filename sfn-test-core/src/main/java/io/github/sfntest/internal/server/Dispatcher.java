package io.github.sfntest.internal.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Finds the action of an {@code X-Amz-Target} header: AWS's actions under {@code
 * AWSStepFunctions.}, this endpoint's own under {@code SfnTest.}. Anything else is AWS's {@code
 * UnknownOperationException}. Actions are listed in the order they were registered.
 */
final class Dispatcher {

  /** Target prefix of AWS's actions. */
  static final String AWS_PREFIX = "AWSStepFunctions.";
  /** Target prefix of this endpoint's own actions. */
  static final String EXTENSION_PREFIX = "SfnTest.";

  private final Map<String, Action> aws = new LinkedHashMap<>();
  private final Map<String, Action> extensions = new LinkedHashMap<>();

  /** Registers an AWS action; a name can be registered once. */
  Dispatcher aws(String name, Action action) {
    put(aws, name, action);
    return this;
  }

  /** Registers one of this endpoint's own actions (AWS answers them with UnknownOperation). */
  Dispatcher extension(String name, Action action) {
    put(extensions, name, action);
    return this;
  }

  private static void put(Map<String, Action> actions, String name, Action action) {
    if (actions.putIfAbsent(name, action) != null) {
      throw new IllegalStateException("Action " + name + " is registered twice");
    }
  }

  /** The AWS actions registered, in registration order. */
  Set<String> awsNames() {
    return Collections.unmodifiableSet(aws.keySet());
  }

  /** Runs the action {@code target} names on {@code body}. */
  ObjectNode dispatch(String target, ObjectNode body) {
    Action action = null;
    if (target != null && target.startsWith(AWS_PREFIX)) {
      action = aws.get(target.substring(AWS_PREFIX.length()));
    } else if (target != null && target.startsWith(EXTENSION_PREFIX)) {
      action = extensions.get(target.substring(EXTENSION_PREFIX.length()));
    }
    if (action == null) {
      throw new ApiException("UnknownOperationException",
          target == null || target.isBlank()
              ? "Missing X-Amz-Target header: expected AWSStepFunctions.<Action>"
              : "Unknown operation " + target + "; this endpoint implements " + AWS_PREFIX + String.join(", ", aws.keySet()));
    }
    return action.run(new Req(body));
  }
}

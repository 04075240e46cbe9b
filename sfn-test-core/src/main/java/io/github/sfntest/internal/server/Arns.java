package io.github.sfntest.internal.server;

import io.github.sfntest.engine.EngineOptions;
import java.util.regex.Pattern;

/** The ARNs and names of this endpoint's account and region, built and checked with AWS's messages. */
final class Arns {

  private static final Pattern NAME = Pattern.compile("[^\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\p{Cntrl}]{1,80}");
  private static final Pattern ROLE = Pattern.compile("arn:aws[a-zA-Z-]*:iam::\\d{12}:role/.+");

  private final String prefix;

  Arns(EngineOptions options) {
    this.prefix = "arn:aws:states:" + options.region() + ":" + options.account() + ":";
  }

  String stateMachine(String name) {
    return prefix + "stateMachine:" + name;
  }

  String activity(String name) {
    return prefix + "activity:" + name;
  }

  String execution(String stateMachineName, String name) {
    return prefix + "execution:" + stateMachineName + ":" + name;
  }

  /** A state machine, activity or execution name as AWS allows it. */
  static void checkName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new ApiException("InvalidName", "Invalid Name: '" + name + "'");
    }
  }

  static void checkRoleArn(String roleArn) {
    if (!ROLE.matcher(roleArn).matches()) {
      throw ApiException.invalidArn(roleArn, "Resource type not valid in this context");
    }
  }

  /** Checks that {@code arn} is a Step Functions ARN and (if given) of resource type {@code type}. */
  static void check(String arn, String type) {
    String[] parts = arn.split(":", -1);
    if (parts.length < 7 || !parts[0].equals("arn") || !parts[2].equals("states") || parts[6].isEmpty()) {
      throw ApiException.invalidArn(arn, "Invalid ARN prefix or too few parts");
    }
    if (type != null && !parts[5].equals(type)) {
      throw ApiException.invalidArn(arn, "Resource type not valid in this context: " + parts[5]);
    }
  }

  /** Checks that {@code arn} names an execution (standard or express). */
  static void checkExecution(String arn) {
    String[] parts = arn.split(":", -1);
    if (parts.length < 8 || !arn.startsWith("arn:") || !parts[2].equals("states")
        || !(parts[5].equals("execution") || parts[5].equals("express"))) {
      throw ApiException.invalidArn(arn, parts.length >= 6 && arn.startsWith("arn:")
          ? "Resource type not valid in this context: " + parts[5] : "Invalid ARN prefix or too few parts");
    }
  }
}

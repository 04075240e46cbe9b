package io.github.sfntest.internal.interpreter;

/**
 * A Task {@code Resource} classified the way AWS records it in history: optimised and SDK
 * integrations ({@code resourceType} "lambda", "aws-sdk:s3"...; {@code resource} the action with its
 * pattern suffix), legacy Lambda function ARNs, and activity ARNs.
 */
public record TaskResource(String arn, Kind kind, String resourceType, String resource, Pattern pattern) {

  public enum Kind {
    SERVICE,
    LAMBDA_FUNCTION,
    ACTIVITY,
    UNKNOWN
  }

  public enum Pattern {
    REQUEST_RESPONSE,
    SYNC,
    SYNC2,
    WAIT_FOR_TASK_TOKEN
  }

  private static final java.util.concurrent.ConcurrentHashMap<String, TaskResource> CACHE =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Classifies a Resource; results are cached because Task states run it on every attempt. */
  /**
   * Whether this task starts an execution of a deployed machine when nothing mocks it:
   * states:startExecution (any pattern) and the request-response aws-sdk:sfn startExecution and
   * startSyncExecution.
   */
  public boolean startsExecution() {
    return "states".equals(resourceType) && resource.startsWith("startExecution")
        || "aws-sdk:sfn".equals(resourceType) && pattern == Pattern.REQUEST_RESPONSE
        && (resource.equals("startExecution") || resource.equals("startSyncExecution"));
  }

  public static TaskResource parse(String arn) {
    TaskResource cached = CACHE.get(arn);
    if (cached == null) {
      cached = classify(arn);
      if (CACHE.size() < 10_000) {
        CACHE.put(arn, cached);
      }
    }
    return cached;
  }

  private static TaskResource classify(String arn) {
    String[] parts = arn.split(":", 6);
    if (parts.length == 6 && parts[0].equals("arn") && parts[2].equals("states") && parts[3].isEmpty()
        && parts[4].isEmpty()) {
      // arn:aws:states:::service:action[.pattern] or arn:aws:states:::aws-sdk:service:action
      String rest = parts[5];
      String type;
      String action;
      if (rest.startsWith("aws-sdk:")) {
        int cut = rest.indexOf(':', "aws-sdk:".length());
        type = cut < 0 ? rest : rest.substring(0, cut);
        action = cut < 0 ? "" : rest.substring(cut + 1);
      } else {
        int cut = rest.indexOf(':');
        type = cut < 0 ? rest : rest.substring(0, cut);
        action = cut < 0 ? "" : rest.substring(cut + 1);
      }
      Pattern pattern = Pattern.REQUEST_RESPONSE;
      if (action.endsWith(".waitForTaskToken")) {
        pattern = Pattern.WAIT_FOR_TASK_TOKEN;
      } else if (action.endsWith(".sync:2")) {
        pattern = Pattern.SYNC2;
      } else if (action.endsWith(".sync")) {
        pattern = Pattern.SYNC;
      }
      return new TaskResource(arn, Kind.SERVICE, type, action, pattern);
    }
    if (parts.length == 6 && parts[0].equals("arn") && parts[2].equals("lambda") && parts[5].startsWith("function:")) {
      return new TaskResource(arn, Kind.LAMBDA_FUNCTION, "lambda", arn, Pattern.REQUEST_RESPONSE);
    }
    if (parts.length == 6 && parts[0].equals("arn") && parts[2].equals("states") && parts[5].startsWith("activity:")) {
      return new TaskResource(arn, Kind.ACTIVITY, "activity", arn, Pattern.WAIT_FOR_TASK_TOKEN);
    }
    return new TaskResource(arn, Kind.UNKNOWN, null, arn, Pattern.REQUEST_RESPONSE);
  }

  /** The Lambda function name for legacy ARNs ("arn:aws:lambda:r:a:function:name[:qualifier]"). */
  public String functionName() {
    String[] parts = arn.split(":");
    return parts.length > 6 ? parts[6] : arn;
  }
}

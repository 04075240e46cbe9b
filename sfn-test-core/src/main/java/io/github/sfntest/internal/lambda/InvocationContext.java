package io.github.sfntest.internal.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import io.github.sfntest.internal.mock.LambdaTargets;
import io.github.sfntest.mock.TaskInvocation;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The {@link Context} a handler gets: values derived from the invocation, so runs are reproducible.
 * The request id is a name-based UUID of execution, state and invocation; the remaining time is the
 * Lambda default timeout (3 s, the function's own setting, which a Task's {@code TimeoutSeconds}
 * does not change), constant because the virtual clock does not move while a handler runs; the
 * logger writes to the test's standard output.
 */
final class InvocationContext implements Context {

  static final int DEFAULT_TIMEOUT_MILLIS = 3_000;
  static final int DEFAULT_MEMORY_MB = 128;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

  private final String requestId;
  private final String functionName;
  private final String version;
  private final String functionArn;
  private final String logStream;

  private InvocationContext(String requestId, String functionName, String version, String functionArn, String logStream) {
    this.requestId = requestId;
    this.functionName = functionName;
    this.version = version;
    this.functionArn = functionArn;
    this.logStream = logStream;
  }

  static InvocationContext of(TaskInvocation inv, LambdaTargets.Target target) {
    String key = inv.executionArn() + "/" + inv.stateName() + "/" + inv.invocationIndex();
    String requestId = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    String version = "$LATEST";
    String logStream = DAY.format(inv.time()) + "/[" + version + "]" + requestId.replace("-", "");
    return new InvocationContext(requestId, target.name(), version, functionArn(inv, target), logStream);
  }

  /** The ARN the task named, or the function's ARN in the execution's region and account. */
  private static String functionArn(TaskInvocation inv, LambdaTargets.Target target) {
    String named = inv.resource().startsWith("arn:") && inv.resource().contains(":lambda:")
        ? inv.resource()
        : inv.parameters().path("FunctionName").asText("");
    if (named.startsWith("arn:")) {
      return named;
    }
    String[] arn = inv.executionArn() == null ? new String[0] : inv.executionArn().split(":");
    String partition = arn.length > 1 ? arn[1] : "aws";
    String region = arn.length > 3 ? arn[3] : "us-east-1";
    String account = arn.length > 4 ? arn[4] : "123456789012";
    return "arn:" + partition + ":lambda:" + region + ":" + account + ":function:" + target.name()
        + (target.qualifier() == null ? "" : ":" + target.qualifier());
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + functionName;
  }

  @Override
  public String getLogStreamName() {
    return logStream;
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return version;
  }

  @Override
  public String getInvokedFunctionArn() {
    return functionArn;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return DEFAULT_TIMEOUT_MILLIS;
  }

  @Override
  public int getMemoryLimitInMB() {
    return DEFAULT_MEMORY_MB;
  }

  @Override
  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override
      public void log(String message) {
        System.out.println("[" + functionName + " " + requestId + "] " + message);
      }

      @Override
      public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
      }
    };
  }
}

package io.github.sfntest.internal.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.mock.TaskInvocation;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which Lambda function a Task invokes: {@code lambda:invoke}'s FunctionName, or a bare ARN. */
public final class LambdaTargets {

  private static final Pattern INVOKE =
      Pattern.compile("arn:[a-z-]+:states:::lambda:invoke(\\.waitForTaskToken)?");
  private static final Pattern BARE_ARN = Pattern.compile("arn:[a-z-]+:lambda:[^:]*:[^:]*:function:.+");
  // name | name:qualifier | account:function:name[:qualifier] | arn:partition:lambda:region:account:function:name[:qualifier]
  private static final Pattern FUNCTION =
      Pattern.compile("(?:arn:[a-z-]+:lambda:[^:]*:)?(?:[^:]+:function:)?([^:]+)(?::([^:]+))?");

  private LambdaTargets() {}

  /** A function name and optional qualifier (version or alias). */
  public record Target(String name, String qualifier) {

    /** Whether {@code other} (what a task invoked) is this function, and this qualifier if set. */
    public boolean matches(Target other) {
      return name.equals(other.name) && (qualifier == null || qualifier.equals(other.qualifier));
    }
  }

  /** {@code my-fn}, {@code my-fn:prod}, {@code 123:function:my-fn} or a full ARN. */
  public static Target parse(String functionNameOrArn) {
    Matcher m = FUNCTION.matcher(functionNameOrArn);
    if (!m.matches()) {
      return new Target(functionNameOrArn, null);
    }
    return new Target(m.group(1), m.group(2));
  }

  /** Whether the task's result is the {@code lambda:invoke} envelope (else the bare payload). */
  public static boolean isInvokeIntegration(String resource) {
    return INVOKE.matcher(resource).matches();
  }

  /** The function the task invokes, or {@code null} if it invokes none. */
  public static Target target(TaskInvocation inv) {
    if (isInvokeIntegration(inv.resource())) {
      JsonNode fn = inv.parameters().get("FunctionName");
      return fn != null && fn.isTextual() ? parse(fn.textValue()) : null;
    }
    if (BARE_ARN.matcher(inv.resource()).matches()) {
      return parse(inv.resource());
    }
    return null;
  }

  /** The bare function name the task invokes, or {@code null}. */
  public static String functionName(TaskInvocation inv) {
    Target t = target(inv);
    return t == null ? null : t.name();
  }
}

package io.github.sfntest.internal.lambda;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.internal.json.Json;

/**
 * The error document of an unhandled exception, as the Lambda Java runtime writes it: {@code
 * errorType} is the exception's fully qualified class name (so the Step Functions error, which is
 * the {@code errorType}, is too), {@code errorMessage} its message, then the stack trace and the
 * cause chain.
 */
public final class LambdaErrors {

  private LambdaErrors() {}

  /** The Step Functions error name of {@code e}: its fully qualified class name. */
  public static String errorName(Throwable e) {
    return e.getClass().getName();
  }

  /**
   * {@code {"errorMessage", "errorType"}} plus, when {@code stackBelow} is given, {@code
   * "stackTrace"} (the frames above the first frame of a class whose name starts with {@code
   * stackBelow}, i.e. the user's code only) and {@code "cause"}.
   */
  public static ObjectNode document(Throwable e, String stackBelow) {
    ObjectNode doc = Json.NODES.objectNode();
    doc.put("errorMessage", e.getMessage() == null ? e.getClass().getName() : e.getMessage());
    doc.put("errorType", errorName(e));
    if (stackBelow == null) {
      return doc;
    }
    ArrayNode stack = doc.putArray("stackTrace");
    for (StackTraceElement frame : e.getStackTrace()) {
      if (frame.getClassName().startsWith(stackBelow)) {
        break;
      }
      stack.add(frame.getClassName() + "." + frame.getMethodName() + "("
          + (frame.getFileName() == null ? "Unknown Source" : frame.getFileName() + ":" + frame.getLineNumber()) + ")");
    }
    if (e.getCause() != null && e.getCause() != e) {
      doc.set("cause", document(e.getCause(), stackBelow));
    }
    return doc;
  }
}

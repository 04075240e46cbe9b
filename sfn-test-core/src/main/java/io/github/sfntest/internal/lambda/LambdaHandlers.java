package io.github.sfntest.internal.lambda;

import io.github.sfntest.mock.TaskAnswer;
import io.github.sfntest.mock.TaskOutcome;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;

/**
 * Finds and creates the user's Lambda handler: by class, by instance, or by the {@code Handler}
 * string of a SAM/CloudFormation template ({@code com.example.Handler::handleRequest}). This class
 * names no aws-lambda-java-core type, so it loads without that optional jar and can say it is
 * missing; {@link HandlerBridge} does the calling once it is there.
 */
public final class LambdaHandlers {

  static final String REQUEST_HANDLER = "com.amazonaws.services.lambda.runtime.RequestHandler";
  static final String STREAM_HANDLER = "com.amazonaws.services.lambda.runtime.RequestStreamHandler";

  private LambdaHandlers() {}

  /**
   * The answer that runs {@code handler}: a {@code Class} (created once with its public no-argument
   * constructor, as the Lambda runtime does, and kept warm), an instance, or a template's {@code
   * Handler} string. {@code where} names the call in messages.
   *
   * @throws IllegalArgumentException if the handler cannot be found, created or is no {@code
   *     RequestHandler}/{@code RequestStreamHandler}
   */
  public static TaskAnswer answer(Object handler, String where) {
    if (handler == null) {
      throw new IllegalArgumentException(where + ": the handler is null; pass the handler's class, an instance, or"
          + " its name as a SAM template gives it (com.example.MyHandler::handleRequest)");
    }
    if (handler instanceof String name) {
      return answer(load(name, where), where);
    }
    Object instance = handler instanceof Class<?> type ? create(type, where) : handler;
    requireLambdaCore(instance.getClass(), where);
    return HandlerBridge.of(instance, where);
  }

  /**
   * Like {@link #answer} for a template's {@code Handler}, but found on first use: a template may
   * name functions whose code is not on this test's classpath. A handler that cannot be found then
   * answers {@link TaskOutcome.NotHandled} with the reason.
   */
  public static TaskAnswer lazy(String handler, String where) {
    return new TaskAnswer() {
      private TaskAnswer resolved;

      @Override
      public synchronized Object answer(io.github.sfntest.mock.TaskInvocation invocation) throws Exception {
        if (resolved == null) {
          try {
            resolved = LambdaHandlers.answer(handler, where);
          } catch (IllegalArgumentException e) {
            return new TaskOutcome.NotHandled(e.getMessage());
          }
        }
        return resolved.answer(invocation);
      }
    };
  }

  private static Class<?> load(String handler, String where) {
    int sep = handler.indexOf("::");
    String className = sep < 0 ? handler : handler.substring(0, sep);
    String method = sep < 0 ? "handleRequest" : handler.substring(sep + 2);
    if (!method.equals("handleRequest")) {
      throw new IllegalArgumentException(where + ": handler \"" + handler + "\" names method " + method
          + "; sfn-test runs RequestHandler and RequestStreamHandler classes, whose method is handleRequest"
          + " (implement one of them, or mock the function instead)");
    }
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try {
      return Class.forName(className, false, loader == null ? LambdaHandlers.class.getClassLoader() : loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException(where + ": the handler class " + className
          + " is not on the test classpath; add the module holding the function's code as a test dependency,"
          + " or mock the function instead");
    }
  }

  private static Object create(Class<?> type, String where) {
    requireLambdaCore(type, where);
    if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      throw new IllegalArgumentException(where + ": " + type.getName()
          + " is abstract; the Lambda runtime creates the handler class itself, so name a concrete class");
    }
    Constructor<?> constructor;
    try {
      constructor = type.getConstructor();
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(where + ": " + type.getName() + " has no public no-argument constructor,"
          + " which the Lambda runtime needs to create it; add one, or pass an instance instead of the class");
    }
    constructor.trySetAccessible(); // a handler nested in a test class need not be public
    try {
      return constructor.newInstance();
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw new IllegalArgumentException(where + ": creating " + type.getName() + " threw " + cause, cause);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(where + ": cannot create " + type.getName() + ": " + e, e);
    }
  }

  private static void requireLambdaCore(Class<?> type, String where) {
    Class<?> requestHandler;
    Class<?> streamHandler;
    try {
      ClassLoader loader = type.getClassLoader() == null ? LambdaHandlers.class.getClassLoader() : type.getClassLoader();
      requestHandler = Class.forName(REQUEST_HANDLER, false, loader);
      streamHandler = Class.forName(STREAM_HANDLER, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException(where + ": com.amazonaws:aws-lambda-java-core is not on the test classpath;"
          + " add it as a test dependency to run Lambda handlers (sfn-test declares it optional)");
    }
    if (!requestHandler.isAssignableFrom(type) && !streamHandler.isAssignableFrom(type)) {
      throw new IllegalArgumentException(where + ": " + type.getName()
          + " implements neither RequestHandler<I, O> nor RequestStreamHandler (com.amazonaws.services.lambda.runtime);"
          + " only those handlers can run in-process");
    }
  }
}

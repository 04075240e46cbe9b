package io.github.sfntest.internal.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.engine.EngineCapability;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.mock.TaskHandler;
import io.github.sfntest.s3.InMemoryS3;
import java.time.Instant;
import java.util.Set;

/**
 * The Step Functions API on top of the in-process engine: the actions of the AWS JSON 1.0
 * protocol ({@code X-Amz-Target: AWSStepFunctions.<Action>}), with AWS's error types and messages.
 * Transport-free: {@link #handle} takes the action name and the parsed body.
 *
 * <p>Besides AWS's actions it answers a few of its own under the target prefix {@code SfnTest.}
 * (capabilities, waiting tasks, virtual time, mocks) that the SDK engine uses when it talks to this
 * endpoint; AWS engines answer them with {@code UnknownOperationException}.
 *
 * <p>The actions live in one {@link ActionGroup} per resource, over shared stores ({@link
 * ServiceContext}); this class wires them to the {@link Dispatcher}. A new group of actions is a
 * new class and one line below.
 */
public final class StepFunctionsService implements AutoCloseable {

  private final ServiceContext ctx;
  private final Dispatcher dispatcher = new Dispatcher();

  public StepFunctionsService(ServiceConfig config) {
    this.ctx = ServiceContext.of(config);
    ExecutionLauncher launcher = new ExecutionLauncher(ctx);
    // Registration order is the order UnknownOperation lists the actions in.
    new StateMachineActions(ctx).registerIn(dispatcher);
    new VersionActions(ctx).registerIn(dispatcher);
    new AliasActions(ctx).registerIn(dispatcher);
    new ExecutionActions(ctx, launcher).registerIn(dispatcher);
    new CallbackActions(ctx, launcher).registerIn(dispatcher);
    new MapRunActions(ctx).registerIn(dispatcher);
    new ActivityActions(ctx).registerIn(dispatcher);
    dispatcher.aws("TestState", r -> TestStateAction.run(r, config.options()));
    new TagActions(ctx).registerIn(dispatcher);
    new TestOnlyActions(ctx).registerIn(dispatcher);
  }

  /** The AWS actions this endpoint implements. */
  public Set<String> actionNames() {
    return dispatcher.awsNames();
  }

  /** What the endpoint can do for a remote test (in-JVM handlers are added by the SDK engine). */
  public Set<EngineCapability> capabilities() {
    return TestOnlyActions.capabilities(ctx.config());
  }

  /**
   * Runs one action.
   *
   * @param target the {@code X-Amz-Target} header, e.g. {@code AWSStepFunctions.StartExecution}
   * @throws ApiException for every error the API reports
   */
  public ObjectNode handle(String target, ObjectNode body) {
    if (ctx.closed().get()) {
      throw new ApiException("ServiceUnavailable", 503, "The endpoint is shutting down");
    }
    return dispatcher.dispatch(target, body);
  }

  /** Registers an in-JVM task handler; executions started with {@code #<returned name>} use it. */
  public String registerHandler(TaskHandler handler) {
    return ctx.mocks().register(handler);
  }

  /** Like {@link #registerHandler(TaskHandler)}, with the engine options its executions run with. */
  public String registerHandler(TaskHandler handler, EngineOptions options, InMemoryS3 s3) {
    return ctx.mocks().register(handler, options, s3);
  }

  public void unregisterHandler(String testCaseName) {
    ctx.mocks().unregister(testCaseName);
  }

  /** Real-time mode: lets every running execution's virtual clock catch up (called periodically). */
  public void tick() {
    if (!ctx.realTime()) {
      return;
    }
    Instant now = Instant.now();
    for (ExecutionRecord r : ctx.executions().running()) {
      r.catchUp(now);
    }
  }

  @Override
  public void close() {
    ctx.closed().set(true);
  }
}

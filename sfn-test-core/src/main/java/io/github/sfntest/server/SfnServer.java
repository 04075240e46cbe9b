package io.github.sfntest.server;

import io.github.sfntest.engine.EngineCapability;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.internal.server.HttpFrontend;
import io.github.sfntest.internal.server.ServiceConfig;
import io.github.sfntest.internal.server.StepFunctionsService;
import io.github.sfntest.mock.MockConfigFile;
import io.github.sfntest.mock.TaskHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A Step Functions–compatible HTTP endpoint backed by the in-process engine: any AWS SDK, the AWS
 * CLI or Terraform can create state machines, start executions and read their histories on it.
 * It speaks the AWS JSON 1.0 protocol ({@code POST /}, {@code X-Amz-Target:
 * AWSStepFunctions.<Action>}) and answers errors with AWS's types and messages.
 *
 * <pre>{@code
 * try (SfnServer server = SfnServer.builder().port(0).mockConfig(Path.of("MockConfigFile.json")).start()) {
 *   SfnClient sfn = SfnClient.builder()
 *       .endpointOverride(server.endpoint())
 *       .region(Region.US_EAST_1)
 *       .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
 *       .build();
 *   String arn = sfn.createStateMachine(b -> b.name("Order").definition(asl)
 *       .roleArn("arn:aws:iam::111111111111:role/sfn")).stateMachineArn();
 *   sfn.startExecution(b -> b.stateMachineArn(arn + "#HappyPath").input("{}"));
 * }
 * }</pre>
 *
 * <p>Executions started on {@code <stateMachineArn>#<TestCase>} answer their Task states from that
 * test case of the MockConfigFile, as AWS Step Functions Local does; unmocked activities and
 * {@code .waitForTaskToken} tasks wait for a worker or a callback. ARNs use account {@code
 * 111111111111} and region {@code us-east-1} unless {@link Builder#account}/{@link Builder#region}
 * (in the CLI: Step Functions Local's {@code AWS_ACCOUNT_ID} and {@code AWS_DEFAULT_REGION}) say
 * otherwise.
 */
public final class SfnServer implements AutoCloseable {

  private static final Map<URI, SfnServer> RUNNING = new ConcurrentHashMap<>();

  private final StepFunctionsService service;
  private final HttpFrontend frontend;
  private final URI endpoint;
  private final WaitMode waitMode;

  private SfnServer(Builder b) throws IOException {
    this.waitMode = b.waitMode;
    Supplier<MockConfigFile> mocks = b.mockConfigFile != null ? () -> b.mockConfigFile
        : b.mockConfigPath != null ? new ReloadingMockConfig(b.mockConfigPath) : () -> null;
    if (b.mockConfigPath != null) {
      mocks.get(); // fail at start on a missing or invalid file, with its location
    }
    EngineOptions options = b.options.toBuilder().account(b.account != null ? b.account : b.options.account())
        .region(b.region != null ? b.region : b.options.region()).build();
    this.service = new StepFunctionsService(new ServiceConfig(options, b.waitMode == WaitMode.REAL, b.deterministic,
        mocks, b.activityPollTimeout, b.syncExecutionTimeout));
    this.frontend = new HttpFrontend(service, b.host, b.port, b.maxBodyBytes, b.waitMode == WaitMode.REAL);
    String host = b.host.equals("0.0.0.0") ? "127.0.0.1" : b.host;
    this.endpoint = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + frontend.port());
    RUNNING.put(endpoint, this);
  }

  /**
   * A builder of an endpoint with the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts an endpoint on 127.0.0.1 and a free port with the defaults.
   *
   * @return the running endpoint; close it to stop it
   */
  public static SfnServer start() {
    return builder().start();
  }

  /**
   * The endpoint URL for {@code SfnClient.builder().endpointOverride(...)}.
   *
   * @return the endpoint URL
   */
  public URI endpoint() {
    return endpoint;
  }

  /**
   * The port the endpoint listens on (the free one picked when port 0 was asked for).
   *
   * @return the port
   */
  public int port() {
    return frontend.port();
  }

  /**
   * How executions pass time: virtual (SKIP) or wall-clock (REAL).
   *
   * @return the wait mode
   */
  public WaitMode waitMode() {
    return waitMode;
  }

  /**
   * The AWS actions implemented (names without the {@code AWSStepFunctions.} prefix).
   *
   * @return the action names
   */
  public Set<String> actions() {
    return service.actionNames();
  }

  /**
   * What tests against this endpoint can rely on.
   *
   * @return the capabilities
   */
  public Set<EngineCapability> capabilities() {
    return service.capabilities();
  }

  /**
   * Registers a task handler (for example {@code MockedResponses} written in Java) for executions
   * of this JVM: start them on {@code <stateMachineArn>#<returned name>}. Handlers cannot cross a
   * process boundary; out of process use a MockConfigFile.
   *
   * @param handler answers the tasks of those executions
   * @return the name to append after {@code #}
   */
  public String registerTaskHandler(TaskHandler handler) {
    return service.registerHandler(Objects.requireNonNull(handler, "handler"));
  }

  /**
   * Registers a handler whose executions run with these options' start time and seed.
   *
   * @param handler answers the tasks of those executions
   * @param options the engine settings (start time, seed)
   * @return the name to append after {@code #}
   */
  public String registerTaskHandler(TaskHandler handler, io.github.sfntest.engine.EngineOptions options) {
    return registerTaskHandler(handler, options, null);
  }

  /**
   * Also hands the test's S3 objects to the Distributed Map item readers of these executions.
   *
   * @param handler answers the tasks of those executions
   * @param options the engine settings (start time, seed)
   * @param s3 the S3 fixture for item readers
   * @return the name to append after {@code #}
   */
  public String registerTaskHandler(TaskHandler handler, io.github.sfntest.engine.EngineOptions options,
      io.github.sfntest.s3.InMemoryS3 s3) {
    return service.registerHandler(Objects.requireNonNull(handler, "handler"), Objects.requireNonNull(options, "options"),
        s3);
  }

  /**
   * Removes a handler {@link #registerTaskHandler(TaskHandler)} registered.
   *
   * @param testCaseName the name it returned
   */
  public void unregisterTaskHandler(String testCaseName) {
    service.unregisterHandler(testCaseName);
  }

  /**
   * The endpoint started in this JVM at {@code endpoint}, if any (the SDK engine uses in-JVM
   * handlers then).
   *
   * @param endpoint an endpoint URL
   * @return the endpoint started in this JVM there, or empty
   */
  public static java.util.Optional<SfnServer> runningAt(URI endpoint) {
    if (endpoint == null) {
      return java.util.Optional.empty();
    }
    String s = endpoint.toString();
    URI normalised = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    SfnServer server = RUNNING.get(normalised);
    if (server == null && "localhost".equals(normalised.getHost())) {
      server = RUNNING.get(URI.create("http://127.0.0.1:" + normalised.getPort()));
    }
    return java.util.Optional.ofNullable(server);
  }

  @Override
  public void close() {
    RUNNING.remove(endpoint, this);
    frontend.close();
    service.close();
  }

  @Override
  public String toString() {
    return "SfnServer{" + endpoint + ", waits " + waitMode + "}";
  }

  /** Re-reads the MockConfigFile when it changes, so a test can rewrite it between executions. */
  private static final class ReloadingMockConfig implements Supplier<MockConfigFile> {
    private final Path path;
    private FileTime loadedAt;
    private MockConfigFile loaded;

    ReloadingMockConfig(Path path) {
      this.path = path;
    }

    @Override
    public synchronized MockConfigFile get() {
      try {
        FileTime modified = Files.getLastModifiedTime(path);
        if (loaded == null || !modified.equals(loadedAt)) {
          loaded = MockConfigFile.load(path);
          loadedAt = modified;
        }
        return loaded;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read MockConfigFile " + path + ": " + e.getMessage(), e);
      }
    }
  }

  /** Settings of an {@link SfnServer}. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 0;
    private Path mockConfigPath;
    private MockConfigFile mockConfigFile;
    private WaitMode waitMode = WaitMode.SKIP;
    private EngineOptions options = EngineOptions.defaults();
    private String account;
    private String region;
    private boolean deterministic;
    private int maxBodyBytes = 4 * 1024 * 1024;
    private Duration activityPollTimeout = Duration.ofSeconds(60);
    private Duration syncExecutionTimeout = Duration.ofMinutes(5);

    private Builder() {}

    /**
     * The address to listen on: 127.0.0.1 (default) or 0.0.0.0 in a container.
     *
     * @param value the address
     * @return this builder
     */
    public Builder host(String value) {
      this.host = Objects.requireNonNull(value, "host");
      return this;
    }

    /**
     * The port; 0 (default) picks a free one, see {@link SfnServer#port()}.
     *
     * @param value the port, or 0
     * @return this builder
     */
    public Builder port(int value) {
      if (value < 0 || value > 65535) {
        throw new IllegalArgumentException("port must be 0..65535, was " + value);
      }
      this.port = value;
      return this;
    }

    /**
     * The MockConfigFile ({@code SFN_MOCK_CONFIG}); re-read when it changes.
     *
     * @param file the MockConfigFile's path
     * @return this builder
     */
    public Builder mockConfig(Path file) {
      this.mockConfigPath = file;
      this.mockConfigFile = null;
      return this;
    }

    /**
     * A MockConfigFile already loaded (not re-read).
     *
     * @param file the loaded file
     * @return this builder
     */
    public Builder mockConfig(MockConfigFile file) {
      this.mockConfigFile = file;
      this.mockConfigPath = null;
      return this;
    }

    /**
     * How executions pass time (default {@link WaitMode#SKIP}).
     *
     * @param value the wait mode
     * @return this builder
     */
    public Builder waitMode(WaitMode value) {
      this.waitMode = Objects.requireNonNull(value, "waitMode");
      return this;
    }

    /**
     * Account, region, limits (and with {@link #deterministic} the start time and seed).
     *
     * @param value the engine options
     * @return this builder
     */
    public Builder engineOptions(EngineOptions value) {
      this.options = Objects.requireNonNull(value, "options");
      return this;
    }

    /**
     * The account id in ARNs.
     *
     * @param value a 12-digit account id
     * @return this builder
     */
    public Builder account(String value) {
      this.account = value;
      return this;
    }

    /**
     * The region in ARNs.
     *
     * @param value a region name
     * @return this builder
     */
    public Builder region(String value) {
      this.region = value;
      return this;
    }

    /**
     * Every execution runs exactly as the first run of a new in-process engine with the engine
     * options would (same start time, same seed), so results equal in-process results event for
     * event. Off by default: executions start at the wall-clock time with random seeds.
     *
     * @param value true for deterministic executions
     * @return this builder
     */
    public Builder deterministic(boolean value) {
      this.deterministic = value;
      return this;
    }

    /**
     * Larger request bodies get 413 RequestEntityTooLargeException (default 4 MiB).
     *
     * @param value the largest accepted body, in bytes
     * @return this builder
     */
    public Builder maxBodyBytes(int value) {
      this.maxBodyBytes = value;
      return this;
    }

    /**
     * How long GetActivityTask waits for a task before answering none (AWS: 60 s).
     *
     * @param value the longest wait of GetActivityTask
     * @return this builder
     */
    public Builder activityPollTimeout(Duration value) {
      this.activityPollTimeout = Objects.requireNonNull(value);
      return this;
    }

    /**
     * How long StartSyncExecution waits for the execution to end before it answers with a timeout.
     *
     * @param value the longest wait
     * @return this builder
     */
    public Builder syncExecutionTimeout(Duration value) {
      this.syncExecutionTimeout = Objects.requireNonNull(value);
      return this;
    }

    /**
     * Starts the endpoint.
     *
     * @return the running endpoint; close it to stop it
     */
    public SfnServer start() {
      try {
        return new SfnServer(this);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the Step Functions endpoint on " + host + ":" + port + ": " + e.getMessage(), e);
      }
    }
  }
}

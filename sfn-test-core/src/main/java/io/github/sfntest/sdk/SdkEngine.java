package io.github.sfntest.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.EngineCapability;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.engine.Execution;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.engine.StateMachineType;
import io.github.sfntest.internal.sdk.SyncExecutions;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.internal.mock.MockConfigWriter;
import io.github.sfntest.internal.mock.TestCaseHandler;
import io.github.sfntest.internal.sdk.EndpointExtensions;
import io.github.sfntest.internal.sdk.HistoryFetcher;
import io.github.sfntest.replay.RecordedExecution;
import io.github.sfntest.internal.sdk.SdkExecution;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.mock.TaskHandler;
import io.github.sfntest.server.SfnServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ConflictException;
import software.amazon.awssdk.services.sfn.model.RoutingConfigurationListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;

/**
 * An engine that runs executions on a Step Functions API through the AWS SDK v2 {@link SfnClient}:
 * the sfn-test endpoint ({@link SfnServer}), AWS Step Functions Local, LocalStack, Floci, or AWS.
 * Results and histories come back in the same model as in-process, so every assertion works
 * unchanged.
 *
 * <pre>{@code
 * try (SfnServer server = SfnServer.start();
 *      Engine engine = SdkEngine.forEndpoint(server.endpoint())) {
 *   ExecutionResult result = engine.run(StartRequest.of(definition, "{}").withTaskHandler(mocks));
 *   assertThat(result).succeeded();
 * }
 * }</pre>
 *
 * <p><b>Mocks.</b> A MockConfigFile test case ({@code MockConfigFile.testCase(sm, tc)}) runs as
 * {@code <stateMachineArn>#<tc>} under the file's state machine name: the engine behind the API
 * must have loaded that file ({@code SFN_MOCK_CONFIG}). On an endpoint started in this JVM, any
 * task handler (Java mocks with answers, callbacks, verification) is handed to the endpoint
 * directly. On another sfn-test endpoint, {@link MockedResponses} are rendered to a MockConfigFile
 * and sent with the request; other engines cannot take mocks after they started ({@link
 * EngineCapability#IN_CODE_MOCKS} is missing) and such a start fails saying so.
 *
 * <p><b>Waiting.</b> Completion is polled with DescribeExecution at a growing interval (10 ms up to
 * {@link Builder#maxPollInterval}), never with fixed sleeps; on an sfn-test endpoint with virtual
 * time the endpoint runs the execution to its end at once.
 */
public final class SdkEngine implements Engine {

  private final SfnClient sfn;
  private final boolean ownsClient;
  private final EngineOptions options;
  private final Optional<EndpointExtensions> extensions;
  private final Optional<SfnServer> localServer;
  private final boolean virtualTime;
  private final Set<EngineCapability> capabilities;
  private final Duration timeout;
  private final Duration maxPollInterval;
  private final Map<String, String> machineArns = new ConcurrentHashMap<>();
  private final Map<String, String> machineDefinitions = new ConcurrentHashMap<>();
  private final AtomicLong counter = new AtomicLong();
  private final String namePrefix;
  private final boolean deleteOnClose;
  private final boolean skipWhenMocked;

  private SdkEngine(Builder b) {
    URI endpoint = b.endpoint;
    if (b.client != null) {
      this.sfn = b.client;
      this.ownsClient = b.ownClient;
      if (endpoint == null) {
        endpoint = b.client.serviceClientConfiguration().endpointOverride().orElse(null);
      }
    } else {
      Objects.requireNonNull(endpoint, "an SdkEngine needs an endpoint or an SfnClient");
      this.sfn = client(endpoint, b.options.region());
      this.ownsClient = true;
    }
    this.options = b.options;
    this.localServer = b.handOverHandlers ? SfnServer.runningAt(endpoint) : Optional.empty();
    this.extensions = b.probeExtensions ? EndpointExtensions.probe(endpoint) : Optional.empty();
    this.namePrefix = b.namePrefix;
    this.deleteOnClose = b.deleteOnClose;
    this.skipWhenMocked = b.skipWhenMocked;
    Set<EngineCapability> caps = EnumSet.noneOf(EngineCapability.class);
    if (extensions.isPresent()) {
      for (JsonNode c : extensions.get().describe().path("capabilities")) {
        try {
          caps.add(EngineCapability.valueOf(c.asText()));
        } catch (IllegalArgumentException ignored) {
          // a newer endpoint's capability this version does not know
        }
      }
      if (localServer.isPresent()) {
        caps.add(EngineCapability.IN_CODE_MOCKS);
      }
    } else {
      caps.add(EngineCapability.CALLBACKS);
    }
    // Map Run results are read with DescribeMapRun/ListExecutions(mapRunArn), which an sfn-test
    // endpoint answers (it reports MAP_RUN_RESULTS); S3 objects a test supplies reach only an
    // endpoint in this JVM.
    if (localServer.isEmpty()) {
      caps.remove(EngineCapability.S3_FIXTURES);
    }
    if (b.capabilities != null) {
      caps = EnumSet.noneOf(EngineCapability.class);
      caps.addAll(b.capabilities);
    }
    this.capabilities = Set.copyOf(caps);
    this.virtualTime = extensions.isPresent() && capabilities.contains(EngineCapability.VIRTUAL_TIME);
    this.timeout = b.timeout;
    this.maxPollInterval = b.maxPollInterval;
  }

  /**
   * A builder for an engine on any Step Functions API.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * An engine for the Step Functions API at {@code endpoint} (dummy credentials, region of the
   * defaults).
   *
   * @param endpoint the API's URL, e.g. {@code http://localhost:8083}
   * @return a new engine
   */
  public static SdkEngine forEndpoint(URI endpoint) {
    return builder().endpoint(endpoint).build();
  }

  /**
   * An engine using {@code client} as it is configured (endpoint, credentials, region).
   *
   * @param client a configured client
   * @return a new engine
   */
  public static SdkEngine forClient(SfnClient client) {
    return builder().client(client).build();
  }

  /**
   * A client for a local endpoint: dummy credentials, the URL-connection HTTP client, no host
   * prefix (StartSyncExecution would otherwise call {@code sync-<host>}).
   *
   * @param endpoint the API's URL
   * @param region the region the client signs for
   * @return a new client
   */
  public static SfnClient client(URI endpoint, String region) {
    return SfnClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(region))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("sfn-test", "sfn-test")))
        .httpClient(UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(5))
            .socketTimeout(Duration.ofSeconds(90))
            .build())
        .overrideConfiguration(o -> o.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
        .build();
  }

  /**
   * The client this engine calls the API with.
   *
   * @return the client
   */
  public SfnClient client() {
    return sfn;
  }

  /**
   * A client for AWS itself: AWS's endpoint, credentials and region from the default provider
   * chains (environment, profile, SSO, container or instance role); {@code region} overrides the
   * chain's region when not null.
   *
   * @param region the region, or null for the default chain's
   * @return a new client
   */
  public static SfnClient awsClient(String region) {
    var builder = SfnClient.builder()
        .credentialsProvider(software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider.builder().build())
        .httpClient(UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(10))
            .socketTimeout(Duration.ofSeconds(90))
            .build());
    if (region != null) {
      builder.region(Region.of(region));
    }
    return builder.build();
  }

  /**
   * The history of an execution that ran on the API behind this engine (AWS, or any endpoint), all
   * pages, as a recording to replay or to write to a file ({@link RecordedExecution#writeTo}).
   *
   * @param executionArn the execution's ARN
   * @return the execution's history as a recording
   */
  public RecordedExecution fetchHistory(String executionArn) {
    Objects.requireNonNull(executionArn, "executionArn");
    return RecordedExecution.parse(executionArn, Json.write(HistoryFetcher.fetch(sfn, executionArn)));
  }

  /** Creates (or updates) the state machine on the endpoint, so other executions can start it. */
  /** CreateActivity through the API. */
  @Override
  public String createActivity(String name) {
    return sfn.createActivity(b -> b.name(name)).activityArn();
  }

  /** DeleteActivity through the API. */
  @Override
  public void deleteActivity(String activityArn) {
    sfn.deleteActivity(b -> b.activityArn(activityArn));
  }

  @Override
  public void deploy(StateMachineDefinition definition) {
    synchronized (this) {
      ensureStateMachine(definition.name(), definition.toJson());
    }
  }

  @Override
  public Execution start(StartRequest request) {
    StateMachineDefinition definition = request.definition();
    String machineName = definition.name();
    String testCase = null;
    String registered = null;
    TaskHandler handler = request.taskHandler();
    if (localServer.isPresent() && (!isNone(handler) || request.s3() != null)) {
      registered = localServer.get().registerTaskHandler(handler, options, request.s3());
      testCase = registered;
    } else if (skipWhenMocked && !isNone(handler)) {
      throw Skip.because("The " + this + " engine runs executions on the real service, which takes no mocks, and this"
          + " test mocks its integrations (" + handler + "); it runs on the in-process engine, tests without mocks run here");
    } else if (handler instanceof TestCaseHandler tc) {
      machineName = tc.stateMachine();
      testCase = tc.testCase();
      if (extensions.isPresent()) {
        putMocks(MockConfigWriter.write(tc.config()));
      }
    } else if (handler instanceof MockedResponses mocks) {
      if (extensions.isEmpty()) {
        throw new UnsupportedOperationException("This engine cannot take mocks written in code after it started "
            + "(capability IN_CODE_MOCKS is missing): render them with mocks.toMockConfigFile(\"" + machineName
            + "\", \"<TestCase>\") into the MockConfigFile the engine loads at start (SFN_MOCK_CONFIG), and run "
            + "MockConfigFile.testCase(\"" + machineName + "\", \"<TestCase>\")");
      }
      testCase = "sfn-test-" + UUID.randomUUID();
      putMocks(mocks.toMockConfigFile(machineName, testCase));
    } else if (!isNone(handler)) {
      throw new UnsupportedOperationException("A task handler " + handler + " runs Java code, which a Step Functions "
          + "API in another process cannot call (capability IN_CODE_MOCKS is missing): use a MockConfigFile test case, "
          + "MockedResponses with fixed responses, or an SfnServer started in this JVM");
    }
    String name = request.executionName() != null ? request.executionName()
        : "sfn-test-" + counter.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    String input = Json.write(request.input());
    String executionArn;
    try {
      // one lock over update and start: a parallel test must not swap the definition in between
      synchronized (this) {
        String machineArn = request.qualifier() != null
            ? publishedMachine(machineName) + ":" + request.qualifier() // a version or alias keeps its definition
            : ensureStateMachine(machineName, definition.toJson(), request.type());
        String target = testCase == null ? machineArn : machineArn + "#" + testCase;
        if (request.type() == StateMachineType.EXPRESS) {
          // AWS keeps no execution record of an EXPRESS execution (no DescribeExecution, no history):
          // StartSyncExecution is the one API that reports its outcome, so both starts use it.
          return SyncExecutions.start(sfn, target, name, input, machineName);
        }
        executionArn = sfn.startExecution(b -> b.stateMachineArn(target).name(name).input(input)).executionArn();
      }
    } catch (RuntimeException e) {
      if (registered != null) {
        localServer.get().unregisterTaskHandler(registered);
      }
      throw e;
    }
    String handlerName = registered;
    Runnable onEnd = handlerName == null ? () -> {} : () -> localServer.get().unregisterTaskHandler(handlerName);
    return new SdkExecution(sfn, executionArn, machineName, extensions, virtualTime, timeout, maxPollInterval, onEnd);
  }

  /**
   * Sends the request to the endpoint's TestState through the SDK (on AWS, the real TestState, with
   * its own mocks). A request whose Task, Map or Parallel would be answered by a Java task handler
   * instead of a TestState mock cannot be sent, since the API carries no handler: with an sfn-test
   * endpoint in this JVM it runs here, on the runner that endpoint uses; on the real service it is
   * skipped saying why (an unmocked Task there would call the real integration); elsewhere it is
   * refused.
   */
  @Override
  public io.github.sfntest.teststate.TestStateResult testState(io.github.sfntest.teststate.TestStateRequest request) {
    boolean mocked = request.mockResult().isPresent() || request.hasMockError();
    io.github.sfntest.teststate.TestStateRequest sent = request;
    if (!mocked && request.taskHandler().isPresent()) {
      String type = io.github.sfntest.internal.teststate.TestStateRunner.testedType(request);
      if (Set.of("Task", "Map", "Parallel").contains(type) && localServer.isPresent()) {
        // the endpoint runs in this JVM, but a TestState request carries no handler: the same runner answers here
        return io.github.sfntest.internal.teststate.TestStateRunner.run(request, options);
      }
      if (Set.of("Task", "Map", "Parallel").contains(type)) {
        String reason = "TestState on " + this + " takes a mock in the request (mockResult / mockError), not a Java"
            + " task handler, and this " + type + " state has none; give the request a mock to test it here";
        throw skipWhenMocked ? Skip.because(reason + " (it runs on the in-process engine)")
            : new UnsupportedOperationException(reason);
      }
      // a Pass, Choice, Wait, Succeed or Fail state calls no task: the handler has nothing to answer
      sent = request.toBuilder().taskHandler(null).runChildren(false).build();
    }
    return io.github.sfntest.internal.sdk.SdkTestState.call(sfn, sent);
  }

  private static boolean isNone(TaskHandler handler) {
    // TaskHandler.none() is a lambda of the interface itself
    return handler.getClass().getName().startsWith(TaskHandler.class.getName() + "$$Lambda");
  }

  private void putMocks(String mockConfigJson) {
    extensions.orElseThrow().call("PutMockConfig", Json.NODES.objectNode().put("mockConfig", mockConfigJson));
  }

  /** Creates the state machine, or updates it when one of that name has another definition. */
  private String ensureStateMachine(String name, String definitionJson) {
    return ensureStateMachine(name, definitionJson, StateMachineType.STANDARD);
  }

  /**
   * A machine's type cannot change on AWS: when this engine already created {@code machineName} as
   * STANDARD, its EXPRESS twin is {@code NAME-express}.
   */
  private String ensureStateMachine(String machineName, String definitionJson, StateMachineType type) {
    boolean express = type == StateMachineType.EXPRESS;
    String key = express ? machineName + "#EXPRESS" : machineName;
    String name = express && machineArns.containsKey(machineName) ? machineName + "-express" : machineName;
    String arn = machineArns.get(key);
    if (arn != null && definitionJson.equals(machineDefinitions.get(key))) {
      return arn;
    }
    if (arn == null) {
      try {
        arn = sfn.createStateMachine(b -> b.name(namePrefix + name).definition(definitionJson).roleArn(options.roleArn())
            .type(type == StateMachineType.EXPRESS ? software.amazon.awssdk.services.sfn.model.StateMachineType.EXPRESS
                : software.amazon.awssdk.services.sfn.model.StateMachineType.STANDARD))
            .stateMachineArn();
      } catch (StateMachineAlreadyExistsException e) {
        arn = findStateMachine(namePrefix + name);
        String found = arn;
        sfn.updateStateMachine(b -> b.stateMachineArn(found).definition(definitionJson));
      }
    } else {
      String known = arn;
      sfn.updateStateMachine(b -> b.stateMachineArn(known).definition(definitionJson));
    }
    machineArns.put(key, arn);
    machineDefinitions.put(key, definitionJson);
    return arn;
  }

  /** Publishes the definition as the next version through PublishStateMachineVersion. */
  @Override
  public synchronized String publishVersion(StateMachineDefinition definition) {
    String arn = ensureStateMachine(definition.name(), definition.toJson());
    return sfn.publishStateMachineVersion(b -> b.stateMachineArn(arn)).stateMachineVersionArn();
  }

  /** Creates the alias through CreateStateMachineAlias, or updates it when it exists. */
  @Override
  public synchronized String createAlias(String stateMachineName, String aliasName, Map<Integer, Integer> weightsByVersion) {
    String machineArn = publishedMachine(stateMachineName);
    List<RoutingConfigurationListItem> routing = new ArrayList<>();
    weightsByVersion.forEach((version, weight) -> routing.add(RoutingConfigurationListItem.builder()
        .stateMachineVersionArn(machineArn + ":" + version).weight(weight).build()));
    try {
      return sfn.createStateMachineAlias(b -> b.name(aliasName).routingConfiguration(routing)).stateMachineAliasArn();
    } catch (ConflictException exists) {
      String aliasArn = machineArn + ":" + aliasName;
      sfn.updateStateMachineAlias(b -> b.stateMachineAliasArn(aliasArn).routingConfiguration(routing));
      return aliasArn;
    }
  }

  private String publishedMachine(String name) {
    String arn = machineArns.get(name);
    if (arn == null) {
      throw new IllegalArgumentException("State machine \"" + name + "\" has no published version on this engine: "
          + "publish it first with engine.publishVersion(definition)");
    }
    return arn;
  }

  private String findStateMachine(String name) {
    for (StateMachineListItem item : sfn.listStateMachinesPaginator(b -> b.maxResults(1000)).stateMachines()) {
      if (item.name().equals(name)) {
        return item.stateMachineArn();
      }
    }
    throw new IllegalStateException("State machine \"" + name + "\" exists but is not listed");
  }

  @Override
  public Set<EngineCapability> capabilities() {
    return capabilities;
  }

  @Override
  public EngineOptions options() {
    return options;
  }

  @Override
  public void close() {
    try {
      if (deleteOnClose) {
        // what this engine created, and nothing else: AWS accounts are shared
        for (String arn : machineArns.values()) {
          sfn.deleteStateMachine(b -> b.stateMachineArn(arn));
        }
        machineArns.clear();
        machineDefinitions.clear();
      }
    } finally {
      if (ownsClient) {
        sfn.close();
      }
    }
  }

  @Override
  public String toString() {
    return "SdkEngine{" + sfn.serviceClientConfiguration().endpointOverride().map(URI::toString).orElse("AWS")
        + ", " + capabilities + "}";
  }

  /** Settings of an {@link SdkEngine}. */
  public static final class Builder {
    private URI endpoint;
    private SfnClient client;
    private EngineOptions options = EngineOptions.defaults();
    private Set<EngineCapability> capabilities;
    private Duration timeout = Duration.ofMinutes(5);
    private Duration maxPollInterval = Duration.ofMillis(250);
    private boolean handOverHandlers = true;
    private boolean probeExtensions = true;
    private boolean ownClient;
    private String namePrefix = "";
    private boolean deleteOnClose;
    private boolean skipWhenMocked;

    private Builder() {}

    /**
     * Whether task handlers go straight to an {@link SfnServer} running in this JVM (default true).
     * With false the engine treats it like any endpoint: only MockConfigFile-able mocks.
     *
     * @param value true to hand handlers to an in-JVM endpoint
     * @return this builder
     */
    public Builder handOverHandlers(boolean value) {
      this.handOverHandlers = value;
      return this;
    }

    /**
     * The endpoint, e.g. {@code http://localhost:8083}; a client with dummy credentials is made for
     * it.
     *
     * @param value the API's URL
     * @return this builder
     */
    public Builder endpoint(URI value) {
      this.endpoint = value;
      return this;
    }

    /**
     * A configured client (used as it is, not closed by the engine).
     *
     * @param value a configured client
     * @return this builder
     */
    public Builder client(SfnClient value) {
      this.client = value;
      return this;
    }

    /**
     * Role ARN of created state machines and the region of the made client.
     *
     * @param value the engine options
     * @return this builder
     */
    public Builder options(EngineOptions value) {
      this.options = Objects.requireNonNull(value, "options");
      return this;
    }

    /**
     * Overrides what the engine reports it can do (by default: asked from an sfn-test endpoint,
     * else CALLBACKS).
     *
     * @param value the capabilities to report
     * @return this builder
     */
    public Builder capabilities(Set<EngineCapability> value) {
      this.capabilities = value;
      return this;
    }

    /**
     * How long awaiting a task or the completion may take (default 5 minutes).
     *
     * @param value the longest wait
     * @return this builder
     */
    public Builder timeout(Duration value) {
      this.timeout = Objects.requireNonNull(value, "timeout");
      return this;
    }

    /**
     * The longest pause between two polls (default 250 ms).
     *
     * @param value the longest pause between polls
     * @return this builder
     */
    public Builder maxPollInterval(Duration value) {
      this.maxPollInterval = Objects.requireNonNull(value, "maxPollInterval");
      return this;
    }

    /**
     * Whether the engine closes the {@link #client client} it was given when it closes (default
     * false).
     *
     * @param value true to close the client with the engine
     * @return this builder
     */
    public Builder ownClient(boolean value) {
      this.ownClient = value;
      return this;
    }

    /**
     * Whether to ask the endpoint for sfn-test's extensions (default true; false treats it as plain
     * AWS).
     *
     * @param value true to ask for the extensions
     * @return this builder
     */
    public Builder probeExtensions(boolean value) {
      this.probeExtensions = value;
      return this;
    }

    /**
     * Deploys every state machine as {@code <prefix><name>}, e.g. a unique prefix per run on a
     * shared account.
     *
     * @param value the prefix of deployed state machine names
     * @return this builder
     */
    public Builder namePrefix(String value) {
      this.namePrefix = Objects.requireNonNull(value, "namePrefix");
      return this;
    }

    /**
     * Deletes the state machines this engine created when it is closed (default false).
     *
     * @param value true to delete created state machines on close
     * @return this builder
     */
    public Builder deleteOnClose(boolean value) {
      this.deleteOnClose = value;
      return this;
    }

    /**
     * Makes a start whose request carries mocks skip the test (JUnit and Spock report it as skipped,
     * with the reason) instead of failing: for engines on the real service, which takes no mocks.
     *
     * @param value true to skip tests whose start carries mocks
     * @return this builder
     */
    public Builder skipWhenMocked(boolean value) {
      this.skipWhenMocked = value;
      return this;
    }

    /**
     * Builds the engine.
     *
     * @return the engine; close it when done
     */
    public SdkEngine build() {
      return new SdkEngine(this);
    }
  }
}

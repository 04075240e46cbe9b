package io.github.sfntest.container;

import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.mock.MockConfigFile;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.sdk.SdkEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * A Step Functions–compatible engine in a container, managed by Testcontainers: {@code
 * amazon/aws-stepfunctions-local} (pinned tag) by default, or any image speaking the same API on
 * port 8083 (the sfn-test endpoint image, LocalStack-compatible images with {@link
 * #withApiPort}). The MockConfigFile, including mocks written with the Java DSL and rendered to a
 * file, is copied into the container and named by {@code SFN_MOCK_CONFIG}.
 *
 * <pre>{@code
 * MockedResponses happy = MockedResponses.create();
 * happy.onState("Charge").willReturn(IntegrationResults.lambdaPayload(Map.of("charged", true)));
 *
 * try (StepFunctionsLocalContainer sfnLocal = new StepFunctionsLocalContainer()
 *         .withMocks("Order", "HappyPath", happy)
 *         .withMockConfig(Path.of("src/test/resources/MockConfigFile.json"))) {
 *   sfnLocal.start();
 *   try (SdkEngine engine = sfnLocal.engine()) {
 *     ExecutionResult result = engine.run(StartRequest.of(order, "{}")
 *         .withTaskHandler(MockConfigFile.parse(sfnLocal.mockConfigJson()).testCase("Order", "HappyPath")));
 *   }
 * }
 * }</pre>
 */
public class StepFunctionsLocalContainer extends GenericContainer<StepFunctionsLocalContainer> {

  /** The pinned default image. */
  public static final DockerImageName DEFAULT_IMAGE = DockerImageName.parse("amazon/aws-stepfunctions-local:2.0.0");

  /** The image built from this project's {@code Dockerfile} (the sfn-test endpoint). */
  public static final DockerImageName SFN_TEST_IMAGE = DockerImageName.parse("sfn-test/endpoint:latest");

  /** Where the MockConfigFile goes in the container. */
  public static final String MOCK_CONFIG_PATH = "/home/StepFunctionsLocal/MockConfigFile.json";

  private final List<String> mockDocuments = new ArrayList<>();
  private int apiPort = 8083;
  private String mockConfigJson;

  /** A container of the default image, Step Functions Local at its pinned tag. */
  public StepFunctionsLocalContainer() {
    this(DEFAULT_IMAGE);
  }

  /**
   * A container of {@code image}.
   *
   * @param image an image name, e.g. {@code amazon/aws-stepfunctions-local:2.0.0}
   */
  public StepFunctionsLocalContainer(String image) {
    this(DockerImageName.parse(image));
  }

  /**
   * A container of {@code image}.
   *
   * @param image the image
   */
  public StepFunctionsLocalContainer(DockerImageName image) {
    super(image);
    withExposedPorts(apiPort);
    waitingFor(Wait.forListeningPort().withStartupTimeout(Duration.ofMinutes(2)));
  }

  /**
   * Whether Testcontainers finds a Docker engine here.
   *
   * @return whether Docker is available
   */
  public static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /**
   * Why containers cannot run here, for skip and failure messages.
   *
   * @return the reason, or null when Docker is available
   */
  public static String dockerUnavailableReason() {
    return "no Docker engine is available to Testcontainers (tried DOCKER_HOST, the Docker socket and "
        + "~/.testcontainers.properties); container engine tests need one";
  }

  /**
   * The port the image serves the API on (8083 for Step Functions Local, 4566 for LocalStack).
   *
   * @param port the API port inside the container
   * @return this container
   */
  public StepFunctionsLocalContainer withApiPort(int port) {
    this.apiPort = port;
    setExposedPorts(List.of(port));
    return this;
  }

  /**
   * Adds a MockConfigFile (merged with other mocks into the one file the container loads).
   *
   * @param file the MockConfigFile's path
   * @return this container
   */
  public StepFunctionsLocalContainer withMockConfig(Path file) {
    try {
      return withMockConfigJson(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read MockConfigFile " + file, e);
    }
  }

  /**
   * Adds a loaded MockConfigFile (merged with other mocks).
   *
   * @param file the loaded file
   * @return this container
   */
  public StepFunctionsLocalContainer withMockConfig(MockConfigFile file) {
    return withMockConfigJson(file.toJson());
  }

  /**
   * Adds mocks written with the Java DSL as test case {@code testCase} of state machine {@code
   * stateMachine}.
   *
   * @param stateMachine the state machine name in the file
   * @param testCase the test case name
   * @param mocks the mocks to add
   * @return this container
   */
  public StepFunctionsLocalContainer withMocks(String stateMachine, String testCase, MockedResponses mocks) {
    return withMockConfigJson(mocks.toMockConfigFile(stateMachine, testCase));
  }

  /**
   * Adds MockConfigFile JSON text (checked here, merged with other mocks).
   *
   * @param json the MockConfigFile's content
   * @return this container
   * @throws io.github.sfntest.mock.MockConfigException if the text is no valid MockConfigFile
   */
  public StepFunctionsLocalContainer withMockConfigJson(String json) {
    MockConfigFile.parse(json); // fail here, with the location, not in the container
    mockDocuments.add(json);
    mockConfigJson = null;
    return this;
  }

  /**
   * AWS_ACCOUNT_ID of Step Functions Local.
   *
   * @param account a 12-digit account id
   * @return this container
   */
  public StepFunctionsLocalContainer withAccount(String account) {
    return withEnv("AWS_ACCOUNT_ID", account);
  }

  /**
   * AWS_DEFAULT_REGION of Step Functions Local.
   *
   * @param region a region name
   * @return this container
   */
  public StepFunctionsLocalContainer withRegion(String region) {
    return withEnv("AWS_DEFAULT_REGION", region);
  }

  /**
   * WAIT_TIME_SCALE of Step Functions Local (0 skips waits on the sfn-test image).
   *
   * @param scale the scale, e.g. {@code 0}
   * @return this container
   */
  public StepFunctionsLocalContainer withWaitTimeScale(String scale) {
    return withEnv("WAIT_TIME_SCALE", scale);
  }

  /**
   * The merged MockConfigFile the container gets, or null when no mocks were added.
   *
   * @return the MockConfigFile JSON, or null
   */
  public String mockConfigJson() {
    if (mockConfigJson == null && !mockDocuments.isEmpty()) {
      mockConfigJson = MockConfigFiles.merge(mockDocuments);
    }
    return mockConfigJson;
  }

  @Override
  protected void configure() {
    super.configure();
    String json = mockConfigJson();
    if (json != null) {
      withCopyToContainer(Transferable.of(json), MOCK_CONFIG_PATH);
      withEnv("SFN_MOCK_CONFIG", MOCK_CONFIG_PATH);
    }
  }

  /**
   * The API endpoint on the host.
   *
   * @return the endpoint URL
   */
  public URI endpoint() {
    return URI.create("http://" + getHost() + ":" + getMappedPort(apiPort));
  }

  /**
   * An engine on this container (close it; the container stays up).
   *
   * @return a new engine
   */
  public SdkEngine engine() {
    return engine(EngineOptions.defaults());
  }

  /**
   * An engine on this container with these options (close it; the container stays up).
   *
   * @param options the engine settings
   * @return a new engine
   */
  public SdkEngine engine(EngineOptions options) {
    return SdkEngine.builder().endpoint(endpoint()).options(options).build();
  }
}

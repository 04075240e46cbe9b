package io.github.sfntest.container;

import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.engine.EngineProvider;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code container}: an SDK engine on a {@link StepFunctionsLocalContainer}. The image is system
 * property {@code sfntest.container.image} (default {@link StepFunctionsLocalContainer#DEFAULT_IMAGE}),
 * the MockConfigFile {@code sfntest.container.mockConfig} (or env {@code SFN_MOCK_CONFIG}). One
 * container per image and file is started for the whole JVM and shared by every test class (Step
 * Functions Local keeps no state between executions that tests depend on: state machines are
 * created or updated per run, executions get unique names); Testcontainers removes it when the
 * JVM ends.
 *
 * <p>{@link #create} throws an {@link IllegalStateException} when no Docker engine is available,
 * saying so.
 */
public final class ContainerEngineProvider implements EngineProvider {

  /** System property naming the container image to run (default: Step Functions Local). */
  public static final String IMAGE_PROPERTY = "sfntest.container.image";
  /**
   * System property naming a MockConfigFile for the container (else the {@code SFN_MOCK_CONFIG}
   * variable).
   */
  public static final String MOCK_CONFIG_PROPERTY = "sfntest.container.mockConfig";

  private static final Map<String, StepFunctionsLocalContainer> SHARED = new ConcurrentHashMap<>();

  @Override
  public String id() {
    return "container";
  }

  @Override
  public Engine create(EngineOptions options) {
    if (!StepFunctionsLocalContainer.dockerAvailable()) {
      throw new IllegalStateException("The container engine cannot run: " + StepFunctionsLocalContainer.dockerUnavailableReason());
    }
    return shared(System.getProperty(IMAGE_PROPERTY), mockConfig()).engine(options);
  }

  private static String mockConfig() {
    String p = System.getProperty(MOCK_CONFIG_PROPERTY);
    return p != null && !p.isBlank() ? p : System.getenv("SFN_MOCK_CONFIG");
  }

  /**
   * The shared, started container for this image and MockConfigFile.
   *
   * @param image the image, or null for the default
   * @param mockConfigFile the MockConfigFile's path, or null
   * @return the started container
   */
  public static StepFunctionsLocalContainer shared(String image, String mockConfigFile) {
    String key = (image == null ? "" : image) + "|" + (mockConfigFile == null ? "" : mockConfigFile);
    return SHARED.computeIfAbsent(key, k -> {
      StepFunctionsLocalContainer c = image == null || image.isBlank()
          ? new StepFunctionsLocalContainer()
          : new StepFunctionsLocalContainer(image);
      if (mockConfigFile != null && !mockConfigFile.isBlank()) {
        c.withMockConfig(Path.of(mockConfigFile));
      }
      c.start();
      return c;
    });
  }

  /** Engines of this kind are expensive to start: the tests of a class share one. */
  @Override
  public boolean enginePerTest() {
    return false;
  }
}

package io.github.sfntest.sdk;

import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.engine.EngineProvider;
import io.github.sfntest.server.SfnServer;
import java.net.URI;

/**
 * {@code sdk}: an {@link SdkEngine} for the endpoint in system property {@code sfntest.sdk.endpoint}
 * (or env {@code SFN_TEST_SDK_ENDPOINT}); without one, for an {@link SfnServer} started once per
 * JVM on 127.0.0.1 and a free port, so the same tests run through real HTTP and the real AWS SDK.
 */
public final class SdkEngineProvider implements EngineProvider {

  /** System property naming the endpoint URL. */
  public static final String ENDPOINT_PROPERTY = "sfntest.sdk.endpoint";
  /** Environment variable naming the endpoint URL. */
  public static final String ENDPOINT_ENV = "SFN_TEST_SDK_ENDPOINT";

  private static SfnServer shared;

  @Override
  public String id() {
    return "sdk";
  }

  @Override
  public Engine create(EngineOptions options) {
    requireSdk();
    String configured = System.getProperty(ENDPOINT_PROPERTY, System.getenv(ENDPOINT_ENV));
    URI endpoint = configured != null && !configured.isBlank() ? URI.create(configured.trim()) : sharedServer(options).endpoint();
    return SdkEngine.builder().endpoint(endpoint).options(options).build();
  }

  /** The AWS SDK is an optional dependency of sfn-test-core: say what to add when it is missing. */
  static void requireSdk() {
    try {
      Class.forName("software.amazon.awssdk.services.sfn.SfnClient", false, SdkEngineProvider.class.getClassLoader());
      Class.forName("software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient", false,
          SdkEngineProvider.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("The \"sdk\" engine needs the AWS SDK for Java v2 on the test classpath: add "
          + "software.amazon.awssdk:sfn and software.amazon.awssdk:url-connection-client (test scope); "
          + "sfn-test-core declares them as optional dependencies.", e);
    }
  }

  /**
   * The endpoint this provider starts in the JVM (once; it stops with the JVM).
   *
   * @param options supply the account and region of the endpoint
   * @return the running endpoint
   */
  public static synchronized SfnServer sharedServer(EngineOptions options) {
    if (shared == null) {
      shared = SfnServer.builder().account(options.account()).region(options.region()).start();
    }
    return shared;
  }

  /** Engines of this kind are expensive to start: the tests of a class share one. */
  @Override
  public boolean enginePerTest() {
    return false;
  }
}

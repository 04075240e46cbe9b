package io.github.sfntest.sdk;

import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.EngineCapability;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.engine.EngineProvider;
import java.net.URI;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * {@code aws}: the same tests on AWS Step Functions itself, {@code -Dsfntest.engine=aws}. An {@link
 * SdkEngine} with AWS's endpoint, and credentials and region from the default provider chains
 * (environment, profile, SSO, web identity in CI, container or instance role), that deploys each
 * definition as {@code sfn-test-<run>-<name>} with the configured execution role, runs the tests
 * that need no mocks, skips those that mock integrations (saying why: AWS takes no mocks), and
 * deletes the state machines it created when the engine closes.
 *
 * <p>Settings, each a system property or else an environment variable:
 *
 * <ul>
 *   <li>{@code sfntest.aws.roleArn} / {@code SFN_TEST_AWS_ROLE_ARN} (required): the execution role
 *       of the deployed state machines;
 *   <li>{@code sfntest.aws.region} / {@code AWS_REGION}: else the default region chain;
 *   <li>{@code sfntest.aws.endpoint} / {@code SFN_TEST_AWS_ENDPOINT}: another endpoint (a VPC
 *       endpoint, or an emulator standing in for AWS).
 * </ul>
 */
public final class AwsEngineProvider implements EngineProvider {

  @Override
  public String id() {
    return "aws";
  }

  @Override
  public Engine create(EngineOptions options) {
    return create(options, AwsEngineProvider::setting);
  }

  /**
   * An engine configured by {@code settings} (system property names in, values or null out).
   *
   * @param options the engine settings
   * @param settings maps a system property name to its value, or null
   * @return a new engine on AWS Step Functions
   */
  public static SdkEngine create(EngineOptions options, UnaryOperator<String> settings) {
    SdkEngineProvider.requireSdk();
    String role = settings.apply("sfntest.aws.roleArn");
    if (role == null || role.isBlank()) {
      throw new IllegalStateException("The \"aws\" engine deploys state machines and needs their execution role: set"
          + " -Dsfntest.aws.roleArn=arn:aws:iam::<account>:role/<role> (or SFN_TEST_AWS_ROLE_ARN); the role must"
          + " allow what the definitions call (see docs/aws-engine.md)");
    }
    String region = settings.apply("sfntest.aws.region");
    String endpoint = settings.apply("sfntest.aws.endpoint");
    SfnClient client = endpoint != null && !endpoint.isBlank()
        ? SdkEngine.client(URI.create(endpoint.trim()), region != null ? region : options.region())
        : SdkEngine.awsClient(region);
    return SdkEngine.builder()
        .client(client)
        .ownClient(true)
        .options(options.toBuilder().roleArn(role.trim()).build())
        .probeExtensions(false)
        .handOverHandlers(false)
        .capabilities(Set.of(EngineCapability.CALLBACKS))
        .namePrefix("sfn-test-" + UUID.randomUUID().toString().substring(0, 8) + "-")
        .deleteOnClose(true)
        .skipWhenMocked(true)
        .build();
  }

  private static String setting(String property) {
    String value = System.getProperty(property);
    if (value != null) {
      return value;
    }
    return switch (property) {
      case "sfntest.aws.roleArn" -> System.getenv("SFN_TEST_AWS_ROLE_ARN");
      case "sfntest.aws.region" -> System.getenv("AWS_REGION");
      case "sfntest.aws.endpoint" -> System.getenv("SFN_TEST_AWS_ENDPOINT");
      default -> null;
    };
  }

  /** Each deploy and delete is a call to AWS: the tests of a class share one engine. */
  @Override
  public boolean enginePerTest() {
    return false;
  }
}

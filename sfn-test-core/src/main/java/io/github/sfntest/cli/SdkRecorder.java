package io.github.sfntest.cli;

import io.github.sfntest.replay.RecordedExecution;
import io.github.sfntest.sdk.SdkEngine;
import java.net.URI;
import java.nio.file.Path;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;

/** The AWS SDK side of {@code record}, in its own class so the CLI runs without the SDK. */
final class SdkRecorder {
  private SdkRecorder() {}

  static int record(String executionArn, Path file, String region, String endpoint) {
    String regionOrArn = region != null ? region : regionOf(executionArn);
    try (SfnClient client = endpoint != null
        ? SdkEngine.client(URI.create(endpoint), regionOrArn != null ? regionOrArn : "us-east-1")
        : SdkEngine.awsClient(regionOrArn);
         SdkEngine engine = SdkEngine.builder().client(client).handOverHandlers(false).build()) {
      RecordedExecution recording = engine.fetchHistory(executionArn);
      recording.writeTo(file);
      return recording.eventsJson().size();
    } catch (SdkException e) {
      throw new CliException("cannot fetch the history of " + executionArn + ": " + e.getMessage(), e);
    } catch (java.io.UncheckedIOException e) {
      throw new CliException("cannot write " + file + ": " + e.getCause().getMessage(), e);
    }
  }

  /** The region part of an execution ARN ({@code arn:aws:states:eu-west-1:...}), or null. */
  private static String regionOf(String arn) {
    String[] parts = arn.split(":");
    return parts.length > 3 && !parts[3].isEmpty() ? parts[3] : null;
  }
}

package io.github.sfntest.internal.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An execution is EXPRESS when its ARN's resource type (the sixth field) is {@code express}. */
class RunSettingsTest {

  private static boolean express(String executionArn) {
    return new RunSettings("M", "arn:aws:states:us-east-1:123456789012:stateMachine:M", "n", executionArn, "role",
        "us-east-1", "123456789012", Instant.EPOCH, 1L, 0, 0).express();
  }

  @Test
  void theResourceTypeDecidesNotTheNames() {
    assertThat(express("arn:aws:states:us-east-1:123456789012:express:M:n:0f7c-id")).isTrue();
    assertThat(express("arn:aws:states:us-east-1:123456789012:execution:M:n")).isFalse();
    assertThat(express("arn:aws:states:us-east-1:123456789012:execution:express:express")).isFalse();
    assertThat(express("arn:aws:states:us-east-1:123456789012:expressions:M:n")).isFalse();
    assertThat(express("arn:aws:states:us-east-1:123456789012:express")).isTrue();
    assertThat(express("arn:aws:states:us-east-1:express")).isFalse();
  }
}

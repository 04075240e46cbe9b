package io.github.sfntest.internal.mock;

import io.github.sfntest.internal.text.NearMiss;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MockInternalsTest {

  @Test
  void lambda_targets_parse_every_function_name_form() {
    assertThat(LambdaTargets.parse("fn")).isEqualTo(new LambdaTargets.Target("fn", null));
    assertThat(LambdaTargets.parse("fn:live")).isEqualTo(new LambdaTargets.Target("fn", "live"));
    assertThat(LambdaTargets.parse("123456789012:function:fn")).isEqualTo(new LambdaTargets.Target("fn", null));
    assertThat(LambdaTargets.parse("arn:aws:lambda:eu-west-1:123456789012:function:fn:$LATEST"))
        .isEqualTo(new LambdaTargets.Target("fn", "$LATEST"));
    assertThat(LambdaTargets.parse("arn:aws-us-gov:lambda:us-gov-west-1:1:function:fn"))
        .isEqualTo(new LambdaTargets.Target("fn", null));
  }

  @Test
  void only_lambda_invoke_results_are_wrapped() {
    assertThat(LambdaTargets.isInvokeIntegration("arn:aws:states:::lambda:invoke")).isTrue();
    assertThat(LambdaTargets.isInvokeIntegration("arn:aws:states:::lambda:invoke.waitForTaskToken")).isTrue();
    assertThat(LambdaTargets.isInvokeIntegration("arn:aws:lambda:us-east-1:1:function:fn")).isFalse();
  }

  @Test
  void near_miss_finds_typos_and_prefixes_but_not_strangers() {
    assertThat(NearMiss.best("ChargeCrad", List.of("ChargeCard", "Refund")).orElse(null)).isEqualTo("ChargeCard");
    assertThat(NearMiss.best("HappyPath", List.of("HappyPathTest")).orElse(null)).isEqualTo("HappyPathTest");
    assertThat(NearMiss.best("Refund", List.of("ChargeCard")).orElse(null)).isNull();
    assertThat(NearMiss.best("Same", List.of("Same")).orElse(null)).isNull();
  }

  @Test
  void response_sequences_reject_overlaps_and_describe_their_keys() {
    ResponseSequence seq =
        new ResponseSequence(
            List.of(
                new ResponseStep(3, ResponseStep.OPEN, new MockResponse.Throw("E", null), java.time.Duration.ZERO),
                new ResponseStep(0, 1, new MockResponse.Throw("E", null), java.time.Duration.ZERO)));
    assertThat(seq.describeKeys()).isEqualTo("\"0-1\", 3 and later");
    assertThat(seq.at(2)).isEmpty();
    assertThat(seq.at(1_000_000)).isPresent();
  }
}

package io.github.sfntest.internal.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.engine.BillingDetails;
import io.github.sfntest.internal.json.Json;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AWS's pricing rules: duration rounded up to the nearest 100 ms, memory in 64 MB chunks. */
class ExpressBillingTest {

  @Test
  void durationIsRoundedUpToTheNext100Ms() {
    assertThat(ExpressBilling.billedMillis(Duration.ofMillis(150))).isEqualTo(200);
    assertThat(ExpressBilling.billedMillis(Duration.ofMillis(1000))).isEqualTo(1000);
    assertThat(ExpressBilling.billedMillis(Duration.ofMillis(1001))).isEqualTo(1100);
    // an execution that took no virtual time is billed one step
    assertThat(ExpressBilling.billedMillis(Duration.ZERO)).isEqualTo(100);
  }

  @Test
  void memoryIsFiftyMbPlusDefinitionAndDataBilledIn64MbChunks() {
    BillingDetails small = ExpressBilling.of(Duration.ofSeconds(3), Json.parse("{\"StartAt\":\"P\"}"),
        Json.parse("{}"), List.of());
    assertThat(small).isEqualTo(new BillingDetails(64, 3000));
    // 50 MB + 15 MB of data: just over one chunk
    BillingDetails large = ExpressBilling.of(Duration.ofSeconds(3), Json.parse("{}"),
        Json.NODES.textNode("x".repeat(15 * 1024 * 1024)), List.of());
    assertThat(large.billedMemoryUsedInMB()).isEqualTo(128);
  }
}

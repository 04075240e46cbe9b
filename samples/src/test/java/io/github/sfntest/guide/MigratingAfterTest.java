package io.github.sfntest.guide;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;

import io.github.sfntest.junit.MockConfig;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.testing.StateMachineUnderTest;
import org.junit.jupiter.api.Test;

/** docs/migrating.md, "after": the same test with sfn-test, the same MockConfigFile and input. */
// [after]
@StateMachineTest(definition = "local-testing-mock-config/local_testing.asl.json", name = "LocalTesting")
@MockConfig(file = "local-testing-mock-config/MockConfigFile.json")
class MigratingAfterTest {

  @Test
  @MockConfig(testCase = "HappyPathTest")
  void happy_path(StateMachineUnderTest salesLead) {
    assertThat(salesLead.runWithInputFrom("local-testing-mock-config/events/sfn_valid_input.json"))
        .succeeded()
        .visitedInOrder("DetectSentiment", "Add to FollowUp", "CustomerAddedToFollowup");
  }
}
// [/after]

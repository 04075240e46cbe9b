package io.github.sfntest.guide;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.sdk.SdkEngine;
import io.github.sfntest.server.SfnServer;
import org.junit.jupiter.api.Test;

/** docs/engines.md: the same run on the in-process engine and over the Step Functions API. */
class EnginesGuideTest {

  @Test
  void the_same_run_over_http_through_the_aws_sdk() {
    StateMachineDefinition approval = StateMachineDefinition.fromClasspath("guide/approval.asl.json");
    MockedResponses mocks = MockedResponses.create();
    mocks.onState("WaitForApproval").willReturn("{\"approved\": true}");

    // [sdk-engine]
    try (SfnServer server = SfnServer.start();                              // sfn-test's endpoint, in this JVM
         Engine engine = SdkEngine.forEndpoint(server.endpoint())) {        // the AWS SDK v2 SfnClient
      assertThat(engine.run(StartRequest.of(approval, "{\"order\": 9}").withTaskHandler(mocks)))
          .succeeded()
          .hasOutput("{\"approved\": true}");
    }
    // [/sdk-engine]
  }
}

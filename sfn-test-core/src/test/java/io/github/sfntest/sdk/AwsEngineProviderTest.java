package io.github.sfntest.sdk;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.server.SfnServer;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;

/**
 * The {@code aws} engine, proven against sfn-test's endpoint standing in for AWS (no network here):
 * it is configured only by the settings a CI job sets, deploys under a unique name with the
 * configured role, runs tests without mocks, skips tests with mocks saying why, and deletes what
 * it created.
 */
class AwsEngineProviderTest {

  static final StateMachineDefinition HELLO = StateMachineDefinition.of("Hello",
      "{\"StartAt\": \"Greet\", \"States\": {\"Greet\": {\"Type\": \"Pass\", \"Result\": {\"hello\": \"world\"}, \"End\": true}}}");
  static final String ROLE = "arn:aws:iam::111111111111:role/sfn-test-ci";

  static List<String> machines(SfnClient client) {
    return client.listStateMachines(b -> b.maxResults(1000)).stateMachines().stream().map(StateMachineListItem::name).toList();
  }

  @Test
  void it_is_found_by_its_id() {
    assertThat(ServiceLoader.load(io.github.sfntest.engine.EngineProvider.class).stream()
        .map(p -> p.get().id()).toList()).contains("aws");
  }

  @Test
  void a_test_without_mocks_runs_on_a_state_machine_deployed_under_a_unique_name_then_deleted() {
    try (SfnServer aws = SfnServer.start(); SfnClient admin = SdkEngine.client(aws.endpoint(), "us-east-1")) {
      Map<String, String> settings = Map.of("sfntest.aws.roleArn", ROLE, "sfntest.aws.endpoint", aws.endpoint().toString());
      try (SdkEngine engine = AwsEngineProvider.create(EngineOptions.defaults(), settings::get)) {
        assertThat(engine.run(StartRequest.of(HELLO, "{}"))).succeeded().hasOutput("{\"hello\": \"world\"}");

        List<String> deployed = machines(admin);
        assertThat(deployed).singleElement().asString().matches("sfn-test-[0-9a-f]{8}-Hello");
        assertThat(admin.describeStateMachine(b -> b.stateMachineArn(admin.listStateMachines(l -> l.maxResults(10))
            .stateMachines().get(0).stateMachineArn())).roleArn()).isEqualTo(ROLE);
      }
      assertThat(machines(admin)).isEmpty();
    }
  }

  @Test
  void a_test_that_mocks_its_integrations_is_skipped_with_the_reason() {
    try (SfnServer aws = SfnServer.start()) {
      Map<String, String> settings = Map.of("sfntest.aws.roleArn", ROLE, "sfntest.aws.endpoint", aws.endpoint().toString());
      try (SdkEngine engine = AwsEngineProvider.create(EngineOptions.defaults(), settings::get)) {
        MockedResponses mocks = MockedResponses.create();
        mocks.onState("Greet").willReturn("{}");

        assertThatThrownBy(() -> engine.run(StartRequest.of(HELLO, "{}").withTaskHandler(mocks)))
            .isInstanceOf(TestAbortedException.class)
            .hasMessageContaining("runs executions on the real service, which takes no mocks, and this test mocks its"
                + " integrations");
      }
    }
  }

  @Test
  void without_an_execution_role_it_says_what_to_set() {
    assertThatThrownBy(() -> AwsEngineProvider.create(EngineOptions.defaults(), name -> null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("The \"aws\" engine deploys state machines and needs their execution role: set"
            + " -Dsfntest.aws.roleArn=arn:aws:iam::<account>:role/<role> (or SFN_TEST_AWS_ROLE_ARN)");
  }
}

package io.github.sfntest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfntest.server.SfnServer;
import io.github.sfntest.server.WaitMode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;

class ServeCommandTest {

  static final PrintStream NO_ERR = new PrintStream(new ByteArrayOutputStream());

  @Test
  void flagsAndStepFunctionsLocalEnvironment(@TempDir Path dir) throws Exception {
    Path mocks = dir.resolve("MockConfigFile.json");
    Files.writeString(mocks, "{\"StateMachines\":{\"M\":{\"TestCases\":{\"T\":{\"A\":\"R\"}}}},"
        + "\"MockedResponses\":{\"R\":{\"0\":{\"Return\":{\"from\":\"mock\"}}}}}");
    Map<String, String> env = Map.of("SFN_MOCK_CONFIG", mocks.toString(), "AWS_ACCOUNT_ID", "123456789012",
        "AWS_DEFAULT_REGION", "eu-west-1", "WAIT_TIME_SCALE", "0");
    try (SfnServer server = ServeCommand.start(List.of("--port", "0"), env, NO_ERR);
         SfnClient sfn = io.github.sfntest.sdk.SdkEngine.client(server.endpoint(), "eu-west-1")) {
      assertThat(server.waitMode()).isEqualTo(WaitMode.SKIP);
      String arn = sfn.createStateMachine(b -> b.name("M").roleArn("arn:aws:iam::123456789012:role/r").definition(
          "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\","
              + "\"Parameters\":{\"FunctionName\":\"f\"},\"End\":true}}}")).stateMachineArn();
      assertThat(arn).isEqualTo("arn:aws:states:eu-west-1:123456789012:stateMachine:M");
      String exec = sfn.startExecution(b -> b.stateMachineArn(arn + "#T")).executionArn();
      assertThat(sfn.describeExecution(b -> b.executionArn(exec)).output()).isEqualTo("{\"from\":\"mock\"}");
    }
    try (SfnServer server = ServeCommand.start(List.of("--port", "0", "--aws-region", "us-west-2", "--wait-time-scale", "1"),
        Map.of("AWS_DEFAULT_REGION", "eu-west-1"), NO_ERR)) {
      assertThat(server.waitMode()).isEqualTo(WaitMode.REAL);
    }
  }

  @Test
  void badArgumentsAreUsageErrors() {
    assertThatThrownBy(() -> ServeCommand.start(List.of("--mock-config", "/nope.json"), Map.of(), NO_ERR))
        .isInstanceOf(CliException.class).hasMessageContaining("no such file");
    assertThatThrownBy(() -> ServeCommand.start(List.of("--aws-account", "12"), Map.of(), NO_ERR))
        .hasMessageContaining("12 digits");
    assertThatThrownBy(() -> ServeCommand.start(List.of("--wait-time-scale", "fast"), Map.of(), NO_ERR))
        .hasMessageContaining("must be a number");
    assertThatThrownBy(() -> ServeCommand.start(List.of("--port", "99999"), Map.of(), NO_ERR))
        .hasMessageContaining("--port");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.execute(List.of("serve", "--bogus"), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("unknown argument \"--bogus\"");
  }
}

package io.github.sfntest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged launcher ({@code target/sfn-test}, written at {@code package}): it runs in the
 * module's {@code verify} phase (surefire execution {@code cli-launcher}), after the jar, the
 * script and the AppCDS archive exist; without them (a plain {@code mvn test}) it is skipped.
 */
class LauncherTest {

  @TempDir Path dir;

  private Path launcher;

  @BeforeEach
  void findLauncher() {
    assumeTrue(!System.getProperty("os.name", "").startsWith("Windows"), "the POSIX launcher needs sh");
    launcher = Path.of(System.getProperty("sfntest.launcher", "target/sfn-test")).toAbsolutePath();
    assumeTrue(Files.isExecutable(launcher),
        launcher + " is not packaged: run `mvn -pl sfn-test-core package` (the verify phase runs this test)");
  }

  private record Outcome(int exit, String stdout, String stderr) {}

  private Outcome launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().remove("JAVA_OPTS");
    builder.environment().remove("SFN_TEST_JAVA_OPTS");
    builder.environment().putAll(env);
    Path stdout = dir.resolve("stdout.txt");
    Path stderr = dir.resolve("stderr.txt");
    Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the launcher ended").isTrue();
    return new Outcome(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
        Files.readString(stderr, StandardCharsets.UTF_8));
  }

  private Path definition() throws IOException {
    return Files.writeString(dir.resolve("hello.asl.json"), "{\"StartAt\":\"Greet\",\"States\":{\"Greet\":{\"Type\":\"Pass\","
        + "\"Parameters\":{\"greeting.$\":\"States.Format('Hello, {}', $.name)\"},\"End\":true}}}");
  }

  @Test
  void runs_a_definition_with_its_flags_and_the_users_java_opts_last() throws Exception {
    Path input = Files.writeString(dir.resolve("input.json"), "{\"name\":\"Ada\"}");

    // PrintCommandLineFlags writes the JVM's effective command-line flags as the first line of stdout.
    Outcome outcome = launch(Map.of("JAVA_OPTS", "-XX:+PrintCommandLineFlags", "SFN_TEST_JAVA_OPTS", "-Xmx96m"),
        "run", "--definition", definition().toString(), "--input", input.toString());

    assertThat(outcome.exit()).as(outcome.stderr()).isZero();
    String flags = outcome.stdout().lines().findFirst().orElseThrow();
    assertThat(flags).contains("-XX:+UseSerialGC", "-XX:MaxHeapSize=100663296");
    if (Files.isRegularFile(launcher.resolveSibling("sfn-test.jsa"))) {
      assertThat(flags).contains("-XX:SharedArchiveFile=" + launcher.resolveSibling("sfn-test.jsa").toRealPath());
    }
    JsonNode doc = Json.parse(outcome.stdout().substring(flags.length()).strip());
    assertThat(doc.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(doc.get("output")).isEqualTo(Json.parse("{\"greeting\":\"Hello, Ada\"}"));
  }

  @Test
  void a_users_flag_overrides_the_launchers_choice_of_collector() throws Exception {
    Outcome outcome = launch(Map.of("SFN_TEST_JAVA_OPTS", "-XX:-UseSerialGC -XX:+UseParallelGC -XX:+PrintCommandLineFlags"),
        "run", "--definition", definition().toString(), "--input", Files.writeString(dir.resolve("in.json"), "{\"name\":\"Bo\"}").toString());

    assertThat(outcome.exit()).as(outcome.stderr()).isZero();
    assertThat(outcome.stdout().lines().findFirst().orElseThrow()).contains("-XX:+UseParallelGC").doesNotContain("+UseSerialGC");
  }

  @Test
  void passes_the_clis_exit_code_and_messages_through() throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.asl.json"), "{\"StartAt\":\"Nowhere\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}");

    Outcome outcome = launch(Map.of(), "run", "--definition", broken.toString());

    assertThat(outcome.exit()).isEqualTo(2);
    assertThat(outcome.stderr()).contains("Invalid state machine definition", "Nowhere");
  }
}

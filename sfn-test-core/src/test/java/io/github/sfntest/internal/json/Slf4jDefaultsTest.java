package io.github.sfntest.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * SLF4J stays silent for a user without a logging backend and logs as usual for a user with one.
 * Each case runs {@link Slf4jProbe} in a fresh JVM (SLF4J reads its settings once per JVM), with
 * this test's classpath minus slf4j-nop, plus slf4j-simple for the user who has a provider.
 */
class Slf4jDefaultsTest {

  private static final String NO_PROVIDER = "No SLF4J providers were found";

  @Test
  void an_execution_prints_no_slf4j_warning_when_there_is_no_provider() throws Exception {
    Output out = probe(withoutNop(), "sfn-test-first");

    assertThat(out.stdout()).contains("{\"x\":[{\"b\":2}]}");
    assertThat(out.stderr()).doesNotContain("SLF4J");
  }

  @Test
  void slf4j_initialised_before_sfn_test_warns_as_before_so_the_probe_sees_the_warning() throws Exception {
    Output out = probe(withoutNop(), "slf4j-first");

    assertThat(out.stderr()).contains(NO_PROVIDER);
  }

  @Test
  void a_users_provider_still_logs() throws Exception {
    List<String> classpath = withoutNop();
    String nop = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> e.contains("slf4j-nop")).findFirst().orElseThrow();
    Path simple = Path.of(nop.replace("slf4j-nop", "slf4j-simple"));
    assumeThat(Files.exists(simple)).as("slf4j-simple beside slf4j-nop in the local repository: " + simple).isTrue();
    classpath.add(simple.toString());

    Output out = probe(classpath, "sfn-test-first");

    assertThat(out.stderr()).contains("WARN probe - a user's log line").doesNotContain(NO_PROVIDER);
  }

  private static List<String> withoutNop() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> !e.contains("slf4j-nop"))
        .collect(Collectors.toCollection(ArrayList::new));
  }

  record Output(String stdout, String stderr) {}

  private static Output probe(List<String> classpath, String mode) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path err = Files.createTempFile("slf4j-probe", ".err");
    Process p = new ProcessBuilder(java.toString(), "-cp", String.join(File.pathSeparator, classpath),
        Slf4jProbe.class.getName(), mode)
        .redirectError(err.toFile())
        .start();
    String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the probe JVM ended").isTrue();
    String stderr = Files.readString(err);
    Files.delete(err);
    assertThat(p.exitValue()).as("probe exit; stderr: " + stderr).isZero();
    return new Output(stdout, stderr);
  }
}

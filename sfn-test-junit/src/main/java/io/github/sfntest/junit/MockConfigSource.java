package io.github.sfntest.junit;

import io.github.sfntest.testing.TestResource;
import java.net.URI;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Where a MockConfigFile test case is written, as a dynamic test's source URI: {@code
 * classpath:/file.json?line=12} or {@code file:///.../file.json?line=12}. IDEs open the file at the
 * test case; and because the source is no method, Maven Surefire reports the test by its display
 * name (the test case's name) instead of JUnit's legacy {@code method()[n]}.
 */
final class MockConfigSource {

  private MockConfigSource() {
  }

  static Function<String, URI> of(String location, String stateMachine) {
    TestResource resource = TestResource.read(location, "MockConfigFile");
    String base = resource.classpathName() != null
        ? "classpath:/" + resource.classpathName().replaceFirst("^/", "")
        : resource.path() != null ? resource.path().toAbsolutePath().toUri().toString() : null;
    if (base == null) {
      return name -> null;
    }
    String[] lines = resource.text().split("\r?\n", -1);
    return name -> URI.create(base + line(lines, stateMachine, name).map(n -> "?line=" + n).orElse(""));
  }

  /** The 1-based line of the test case's key after its state machine's key; empty when not found. */
  static java.util.Optional<Integer> line(String[] lines, String stateMachine, String testCase) {
    Pattern machineKey = key(stateMachine);
    Pattern caseKey = key(testCase);
    boolean inMachine = false;
    for (int i = 0; i < lines.length; i++) {
      if (!inMachine) {
        inMachine = machineKey.matcher(lines[i]).find();
      } else if (caseKey.matcher(lines[i]).find()) {
        return java.util.Optional.of(i + 1);
      }
    }
    return java.util.Optional.empty();
  }

  private static Pattern key(String name) {
    return Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:");
  }
}

package io.github.sfntest.samples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The table of {@code samples/README.md} is the samples' index: every sample folder has a row, and
 * the test classes a row names are exactly the test classes there are. Surefire runs in the module
 * directory, so the README and the folders are read from there.
 */
class SamplesTableTest {

  private static final Path SAMPLES = Path.of("").toAbsolutePath();
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");
  private static final Pattern TEST_CLASS = Pattern.compile("\\w+(Test|Spec)");

  private static final List<String> folders = new ArrayList<>();
  private static final Set<String> listedClasses = new TreeSet<>();

  @BeforeAll
  static void readTheTable() throws IOException {
    for (String line : Files.readAllLines(SAMPLES.resolve("README.md"))) {
      if (!line.startsWith("| [`")) {
        continue;
      }
      String[] cells = line.split(" \\| ");
      Matcher folder = CODE.matcher(cells[0]);
      while (folder.find()) {
        folders.add(folder.group(1).replaceAll("/$", ""));
      }
      Matcher code = CODE.matcher(cells[cells.length - 1]);
      while (code.find()) {
        if (TEST_CLASS.matcher(code.group(1)).matches()) {
          listedClasses.add(code.group(1));
        }
      }
    }
  }

  @Test
  void everySampleFolderHasARow() throws IOException {
    try (Stream<Path> entries = Files.list(SAMPLES)) {
      List<String> sampleFolders = entries.filter(Files::isDirectory).map(p -> p.getFileName().toString())
          .filter(name -> !Set.of("src", "target").contains(name) && !name.startsWith(".")).sorted().toList();
      assertThat(folders).as("folders in the README's table").containsExactlyInAnyOrderElementsOf(sampleFolders);
    }
  }

  @Test
  void everyRowLinksAnExistingReadme() {
    assertThat(folders).allSatisfy(folder -> assertThat(SAMPLES.resolve(folder).resolve("README.md")).isRegularFile());
  }

  @Test
  void theListedTestClassesAreExactlyTheSamplesTestClasses() {
    Set<String> existing = new TreeSet<>();
    for (String root : List.of("src/test/java/io/github/sfntest/samples", "src/test/groovy/io/github/sfntest/samples",
        "getting-started/src/test")) {
      existing.addAll(testClassesUnder(SAMPLES.resolve(root)));
    }
    existing.remove(SamplesTableTest.class.getSimpleName());

    assertThat(listedClasses).as("test classes named in the README's table").isEqualTo(existing);
  }

  private static Set<String> testClassesUnder(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      Set<String> names = new TreeSet<>();
      files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java") || n.endsWith(".groovy"))
          .map(n -> n.substring(0, n.lastIndexOf('.'))).filter(n -> TEST_CLASS.matcher(n).matches()).forEach(names::add);
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

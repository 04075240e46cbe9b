package io.github.sfntest.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps the code in the README and the guide (docs/) true: every code block that follows an
 * {@code <!-- include: path#region -->} line must equal that region of a real source file (between
 * the lines marked {@code [region]} and {@code [/region]}), which is compiled and run as a test here
 * or, for samples/getting-started, built by CI. A guide page may show no Java, Groovy, Kotlin or XML
 * that does not come from such a file.
 */
class GuideSnippetsTest {

  private static final Pattern INCLUDE = Pattern.compile("<!-- include: ([^#\\s]+)#([\\w-]+) -->");
  /** Pages written by others, with code that is not part of the guide. */
  private static final Set<String> NOT_GUIDE_PAGES = Set.of("endpoint.md", "architecture.md");

  private static Path root() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("bom.xml")) && Files.isDirectory(p.resolve("docs"))) {
        return p;
      }
    }
    throw new IllegalStateException("no repository root (bom.xml and docs/) above " + Path.of("").toAbsolutePath());
  }

  private static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>();
    pages.add(root().resolve("README.md"));
    try (Stream<Path> docs = Files.list(root().resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  @TestFactory
  Stream<DynamicTest> every_included_block_equals_its_source() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path page : pages()) {
      List<String> lines = Files.readAllLines(page);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = INCLUDE.matcher(lines.get(i));
        if (!m.find()) {
          continue;
        }
        String where = root().relativize(page) + ":" + (i + 1);
        String block = blockAfter(lines, i + 1, where);
        String file = m.group(1);
        String region = m.group(2);
        tests.add(DynamicTest.dynamicTest(where + " " + file + "#" + region,
            () -> assertThat(block).as("%s: the block shown for %s#%s", where, file, region)
                .isEqualTo(region(root().resolve(file), region))));
      }
    }
    assertThat(tests).as("include markers in the README and docs/").hasSizeGreaterThan(10);
    return tests.stream();
  }

  @Test
  void guide_pages_show_no_code_that_is_not_built() throws IOException {
    List<String> unchecked = new ArrayList<>();
    for (Path page : pages()) {
      if (page.getFileName().toString().equals("README.md") || NOT_GUIDE_PAGES.contains(page.getFileName().toString())) {
        continue;
      }
      List<String> lines = Files.readAllLines(page);
      boolean inBlock = false;
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (!line.startsWith("```")) {
          continue;
        }
        if (!inBlock && line.matches("```(java|groovy|kotlin|xml)\\s*")) {
          String previous = previousNonBlank(lines, i);
          if (!INCLUDE.matcher(previous).find()) {
            unchecked.add(root().relativize(page) + ":" + (i + 1));
          }
        }
        inBlock = !inBlock;
      }
    }
    assertThat(unchecked).as("code blocks without an include marker (they would not be compiled)").isEmpty();
  }

  private static String previousNonBlank(List<String> lines, int index) {
    for (int i = index - 1; i >= 0; i--) {
      if (!lines.get(i).isBlank()) {
        return lines.get(i);
      }
    }
    return "";
  }

  private static String blockAfter(List<String> lines, int from, String where) {
    int start = from;
    while (start < lines.size() && lines.get(start).isBlank()) {
      start++;
    }
    if (start >= lines.size() || !lines.get(start).startsWith("```")) {
      throw new AssertionError(where + ": an include marker must be followed by a code block");
    }
    List<String> body = new ArrayList<>();
    for (int i = start + 1; i < lines.size(); i++) {
      if (lines.get(i).startsWith("```")) {
        return String.join("\n", body);
      }
      body.add(lines.get(i));
    }
    throw new AssertionError(where + ": the code block is not closed");
  }

  /** The lines between the markers, without their common indentation. */
  static String region(Path file, String name) throws IOException {
    List<String> lines = Files.readAllLines(file);
    Pattern open = Pattern.compile("(//|<!--)\\s*\\[" + Pattern.quote(name) + "]");
    Pattern close = Pattern.compile("(//|<!--)\\s*\\[/" + Pattern.quote(name) + "]");
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (start < 0 && open.matcher(lines.get(i)).find()) {
        start = i + 1;
      } else if (start >= 0 && close.matcher(lines.get(i)).find()) {
        List<String> body = lines.subList(start, i);
        int indent = body.stream().filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return String.join("\n", body.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList());
      }
    }
    throw new AssertionError(file + " has no region [" + name + "] ... [/" + name + "]");
  }
}

package io.github.sfntest;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.engine.ExecutionResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package structure stays as designed: no class circle that spans public and internal code,
 * no package circle between a public and an internal package except through a public SPI (read
 * from the compiled classes with jdeps), and no main source file over 800 lines.
 */
class ArchitectureTest {

  private static final String ROOT = "io.github.sfntest.";

  /**
   * Package edges that close a public/internal circle only through a public SPI: the public facade
   * delegates to its internal implementation, and that implementation speaks the public types users
   * implement or read ({@code TaskHandler}/{@code TaskOutcome}, {@code Diagnostic}). No class takes
   * part in a circle (see the class-level test); breaking these at package level would move types
   * users import. Never add an entry.
   */
  private static final Set<String> KNOWN_CIRCLE_EDGES = Set.of(
      "mock -> internal.mock",
      "definition -> internal.validation");

  /** Files over the limit that other parts of the redesign are splitting, with their size today. */
  private static final Map<String, Integer> KNOWN_LONG_FILES = Map.of();

  private static final int MAX_LINES = 800;

  @Test
  void no_public_package_and_internal_package_depend_on_each_other() throws Exception {
    Map<String, Set<String>> graph = packageGraph(classesDir());
    assertThat(graph).as("packages read by jdeps").containsKeys(ROOT + "engine", ROOT + "internal.render");
    for (String known : KNOWN_CIRCLE_EDGES) {
      String[] ends = known.split(" -> ");
      graph.getOrDefault(ROOT + ends[0], new TreeSet<>()).remove(ROOT + ends[1]);
    }
    Set<String> circles = new TreeSet<>();
    for (String a : graph.keySet()) {
      for (String b : graph.keySet()) {
        if (isInternal(b) && !isInternal(a) && reaches(graph, a, b) && reaches(graph, b, a)) {
          circles.add(a.substring(ROOT.length()) + " <-> " + b.substring(ROOT.length()));
        }
      }
    }
    assertThat(circles).as("public <-> internal package circles (public packages may use internal ones or"
        + " the reverse, never both)").isEmpty();
  }

  @Test
  void no_class_takes_part_in_a_circle_with_classes_of_the_other_side() throws Exception {
    Map<String, Set<String>> graph = dependencyGraph(classesDir(), "-verbose:class");
    Set<String> crossing = new TreeSet<>();
    for (Set<String> component : stronglyConnected(graph)) {
      boolean hasPublic = component.stream().anyMatch(c -> !isInternal(c));
      boolean hasInternal = component.stream().anyMatch(ArchitectureTest::isInternal);
      if (hasPublic && hasInternal) {
        crossing.add(component.toString());
      }
    }
    assertThat(crossing).as("class circles that span public and internal code").isEmpty();
  }

  @Test
  void the_result_model_does_not_depend_on_the_assertions() throws Exception {
    Map<String, Set<String>> graph = packageGraph(classesDir());
    assertThat(reaches(graph, ROOT + "engine", ROOT + "assertions")).isFalse();
  }

  @Test
  void no_main_source_file_is_over_800_lines() throws IOException {
    Path root = repositoryRoot();
    List<String> tooLong = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(ArchitectureTest::isMainSource).toList()) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        long lines;
        try (Stream<String> l = Files.lines(file)) {
          lines = l.count();
        }
        int allowed = KNOWN_LONG_FILES.getOrDefault(relative, MAX_LINES);
        if (lines > allowed) {
          tooLong.add(relative + " (" + lines + " lines, at most " + allowed + ")");
        }
      }
    }
    assertThat(tooLong).as("main source files over the limit: split them by job").isEmpty();
  }

  private static boolean isMainSource(Path p) {
    String s = p.toString().replace('\\', '/');
    return s.contains("/src/main/") && !s.contains("/target/") && !s.contains("/.git/")
        && (s.endsWith(".java") || s.endsWith(".groovy"));
  }

  private static boolean isInternal(String pkg) {
    return pkg.startsWith(ROOT + "internal");
  }

  private static boolean reaches(Map<String, Set<String>> graph, String from, String to) {
    Set<String> seen = new TreeSet<>();
    List<String> todo = new ArrayList<>(List.of(from));
    while (!todo.isEmpty()) {
      String p = todo.remove(todo.size() - 1);
      for (String next : graph.getOrDefault(p, Set.of())) {
        if (next.equals(to)) {
          return true;
        }
        if (seen.add(next)) {
          todo.add(next);
        }
      }
    }
    return false;
  }

  /** Package -> packages it uses, among this project's packages, as jdeps reads the class files. */
  static Map<String, Set<String>> packageGraph(Path classes) {
    return dependencyGraph(classes, "-verbose:package");
  }

  /** Strongly connected components of more than one node (Tarjan, iterative over the graph). */
  private static List<Set<String>> stronglyConnected(Map<String, Set<String>> graph) {
    Map<String, Integer> index = new TreeMap<>();
    Map<String, Integer> low = new TreeMap<>();
    java.util.Deque<String> stack = new java.util.ArrayDeque<>();
    Set<String> onStack = new TreeSet<>();
    List<Set<String>> components = new ArrayList<>();
    for (String start : graph.keySet()) {
      if (!index.containsKey(start)) {
        strongConnect(start, graph, index, low, stack, onStack, components);
      }
    }
    return components;
  }

  private static void strongConnect(String v, Map<String, Set<String>> graph, Map<String, Integer> index,
      Map<String, Integer> low, java.util.Deque<String> stack, Set<String> onStack, List<Set<String>> out) {
    index.put(v, index.size());
    low.put(v, index.get(v));
    stack.push(v);
    onStack.add(v);
    for (String w : graph.getOrDefault(v, Set.of())) {
      if (!index.containsKey(w)) {
        strongConnect(w, graph, index, low, stack, onStack, out);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      Set<String> component = new TreeSet<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        component.add(w);
      } while (!w.equals(v));
      if (component.size() > 1) {
        out.add(component);
      }
    }
  }

  /** Node -> nodes it uses (packages or top-level classes), among this project's, as jdeps reads them. */
  private static Map<String, Set<String>> dependencyGraph(Path classes, String verbose) {
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new IllegalStateException(
        "jdeps is not in this JDK: the architecture test needs a full JDK"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = jdeps.run(new PrintWriter(out), new PrintWriter(err), verbose, "-filter:none",
        "-e", "io\\.github\\.sfntest.*", classes.toString());
    assertThat(code).as("jdeps exit code; stderr: %s", err).isZero();
    Pattern edge = Pattern.compile("^\\s+(io\\.github\\.sfntest\\S*)\\s+->\\s+(io\\.github\\.sfntest\\S*)");
    Map<String, Set<String>> graph = new TreeMap<>();
    for (String line : out.toString().split("\\R")) {
      Matcher m = edge.matcher(line);
      if (m.find()) {
        String from = m.group(1).replaceFirst("\\$.*", "");
        String to = m.group(2).replaceFirst("\\$.*", "");
        graph.computeIfAbsent(from, k -> new TreeSet<>());
        graph.computeIfAbsent(to, k -> new TreeSet<>());
        if (!from.equals(to)) {
          graph.get(from).add(to);
        }
      }
    }
    return graph;
  }

  private static Path classesDir() throws URISyntaxException {
    return Path.of(ExecutionResult.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("sfn-test-core"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
  }
}

package io.github.sfntest.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * samples/getting-started has a Gradle build (build.gradle.kts) that CI cannot run: no Gradle that
 * reads the Kotlin DSL comes from the package registries CI reaches. This test keeps it from drifting
 * from the Maven build that CI does run: both import the same BOM at the same version (the version
 * this repository builds) and declare the same test dependencies, without versions of their own.
 * The one difference is Gradle's {@code junit-platform-launcher}, which Gradle needs declared and
 * Maven's Surefire brings itself.
 */
class GettingStartedGradleTest {

  private static final Pattern KTS_VERSION = Pattern.compile("val sfnTestVersion = \"([^\"]+)\"");
  private static final Pattern KTS_DEPENDENCY =
      Pattern.compile("^\\s*(testImplementation|testRuntimeOnly)\\((platform\\()?\"([^\"]+)\"\\)?\\)", Pattern.MULTILINE);

  private static Path root;
  private static Document pom;
  private static String kts;

  @BeforeAll
  static void read() throws Exception {
    root = root();
    pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(root.resolve("samples/getting-started/pom.xml").toFile());
    kts = Files.readString(root.resolve("samples/getting-started/build.gradle.kts"));
  }

  @Test
  void both_builds_import_the_bom_at_the_version_this_repository_builds() throws Exception {
    Document bom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(root.resolve("bom.xml").toFile());
    String buildVersion = childText(bom.getDocumentElement(), "version");

    List<String> mavenImports = new ArrayList<>();
    for (Element d : dependencies("dependencyManagement")) {
      assertThat(childText(d, "scope")).as("scope of the managed dependency %s", coordinates(d)).isEqualTo("import");
      mavenImports.add(coordinates(d) + ":" + resolve(childText(d, "version")));
    }
    assertThat(mavenImports).containsExactly("io.github.sfntest:sfn-test-bom:" + buildVersion);

    Matcher version = KTS_VERSION.matcher(kts);
    assertThat(version.find()).as("build.gradle.kts declares val sfnTestVersion").isTrue();
    assertThat(gradle("testImplementation", true))
        .containsExactly("io.github.sfntest:sfn-test-bom:$sfnTestVersion");
    assertThat(version.group(1)).as("sfnTestVersion in build.gradle.kts").isEqualTo(buildVersion);
  }

  @Test
  void both_builds_declare_the_same_test_dependencies_without_versions() {
    List<String> maven = new ArrayList<>();
    for (Element d : dependencies("dependencies")) {
      assertThat(childText(d, "scope")).as("scope of %s", coordinates(d)).isEqualTo("test");
      assertThat(childText(d, "version")).as("version of %s (the BOM manages it)", coordinates(d)).isNull();
      maven.add(coordinates(d));
    }
    assertThat(maven).as("pom.xml's dependencies").isNotEmpty();

    assertThat(gradle("testImplementation", false)).as("build.gradle.kts's testImplementation dependencies")
        .containsExactlyInAnyOrderElementsOf(maven);
    assertThat(gradle("testRuntimeOnly", false)).as("build.gradle.kts's testRuntimeOnly dependencies")
        .containsExactly("org.junit.platform:junit-platform-launcher");
  }

  @Test
  void both_builds_compile_for_java_17_and_compile_the_groovy_specs() {
    assertThat(resolve("${maven.compiler.release}")).isEqualTo("17");
    assertThat(kts).contains("JavaLanguageVersion.of(17)").containsPattern("(?m)^\\s*groovy\\b");
    assertThat(kts).contains("useJUnitPlatform()");
  }

  /** The Gradle dependencies of {@code configuration}: platforms (the BOM) or plain ones. */
  private static List<String> gradle(String configuration, boolean platforms) {
    List<String> found = new ArrayList<>();
    Matcher m = KTS_DEPENDENCY.matcher(kts);
    while (m.find()) {
      if (m.group(1).equals(configuration) && (m.group(2) != null) == platforms) {
        found.add(m.group(3));
      }
    }
    return found;
  }

  /** The {@code <dependency>} elements of the POM's {@code <dependencies>} or {@code <dependencyManagement>}. */
  private static List<Element> dependencies(String section) {
    List<Element> found = new ArrayList<>();
    NodeList all = pom.getElementsByTagName("dependency");
    for (int i = 0; i < all.getLength(); i++) {
      Element d = (Element) all.item(i);
      boolean managed = d.getParentNode().getParentNode().getNodeName().equals("dependencyManagement");
      if (managed == section.equals("dependencyManagement")) {
        found.add(d);
      }
    }
    return found;
  }

  private static String coordinates(Element dependency) {
    return childText(dependency, "groupId") + ":" + childText(dependency, "artifactId");
  }

  /** The text of {@code parent}'s direct child {@code name}, or null. */
  private static String childText(Element parent, String name) {
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element e && e.getTagName().equals(name)) {
        return e.getTextContent().trim();
      }
    }
    return null;
  }

  /** {@code ${property}} replaced by the POM's property of that name. */
  private static String resolve(String value) {
    Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Element properties = (Element) pom.getElementsByTagName("properties").item(0);
      String property = childText(properties, m.group(1));
      assertThat(property).as("property %s of getting-started/pom.xml", m.group(1)).isNotNull();
      m.appendReplacement(out, Matcher.quoteReplacement(property));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static Path root() throws IOException {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("bom.xml")) && Files.isDirectory(p.resolve("samples/getting-started"))) {
        return p;
      }
    }
    throw new IOException("no repository root (bom.xml and samples/getting-started) above " + Path.of("").toAbsolutePath());
  }
}

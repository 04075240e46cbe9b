package io.github.sfntest.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.testsupport.SharedDir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every validator rule that rejects a definition says why AWS rejects it too: each ERROR-emitting
 * call of the validation package has, in the comment lines above its statement, a line
 * {@code // AWS: <evidence>}, where the evidence is
 *
 * <ul>
 *   <li>{@code https://docs.aws.amazon.com/... "a quoted sentence"} or {@code https://states-language.net/... "..."};
 *   <li>{@code recording: conformance/validation/...} or {@code recording: conformance/cases/...} (a path
 *       under {@code ../shared}, checked when it is present), or {@code recording: https://github.com/OWNER/REPO/(issues|pull)/N}
 *       (a public thread quoting AWS's answer);
 *   <li>{@code none found — engine cannot run this: <why>} for the few rules the engine needs.
 * </ul>
 *
 * <p>ERROR-emitting calls are {@code out.error(}, {@code out.keyError(}, {@code out.aws(}, {@code
 * out.awsKey(}, the shared field checks ({@code fields.xxx(}, which report a rule of the caller's
 * field: its bounds, its enum, its exclusivity), and {@code Severity.ERROR} outside the collector.
 * One comment covers the calls of one if/else chain below it.
 */
class ValidationEvidenceTest {

  static final Path SOURCES = Path.of("src/main/java/io/github/sfntest/internal/validation");

  /** The collector defines the ERROR primitives; it reports nothing by itself. */
  static final String COLLECTOR = "Diagnostics.java";

  static final Pattern EMITTING =
      Pattern.compile("\\bout\\.(error|keyError|aws|awsKey)\\(|\\bfields\\.\\w+\\(|\\bSeverity\\.ERROR\\b");

  private static final Pattern DOC = Pattern.compile(
      "https://(docs\\.aws\\.amazon\\.com|states-language\\.net)/\\S*\\s+\"[^\"]{8,}\".*", Pattern.DOTALL);
  private static final Pattern THREAD =
      Pattern.compile("recording: https://github\\.com/[\\w.-]+/[\\w.-]+/(issues|pull)/\\d+\\S*(\\s.*)?", Pattern.DOTALL);
  private static final Pattern RECORDING = Pattern.compile("recording: (conformance/(validation|cases)/\\S+)(\\s.*)?",
      Pattern.DOTALL);
  private static final Pattern NONE = Pattern.compile("none found — engine cannot run this: \\S.*", Pattern.DOTALL);

  @Test
  void every_error_of_the_validator_cites_aws_evidence() throws IOException {
    List<String> problems = new ArrayList<>();
    int sites = 0;
    try (Stream<Path> files = Files.list(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String name = file.getFileName().toString();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        sites += errorSites(name, lines).size();
        problems.addAll(audit(name, lines, SharedDir.find()));
      }
    }
    assertThat(sites).as("ERROR-emitting calls found in the validator").isGreaterThan(150);
    assertThat(problems).as("ERROR-emitting calls without well-formed '// AWS:' evidence above them").isEmpty();
  }

  @Test
  void a_call_without_evidence_is_reported_with_its_line() {
    List<String> src = List.of(
        "  void check() {",
        "    if (x) {",
        "      out.error(ptr, \"bad\");",
        "    }",
        "  }");
    assertThat(audit("X.java", src, Optional.empty())).containsExactly("X.java:3 has no '// AWS:' evidence");
  }

  @Test
  void one_comment_covers_an_if_else_chain_but_not_a_later_statement() {
    List<String> src = List.of(
        "    // AWS: https://states-language.net/#choice-state \"A Choice state MUST have a non-empty Choices field\"",
        "    if (choices == null) {",
        "      out.error(ptr, \"missing\"",
        "          + \" Choices\");",
        "    } else if (!choices.isArray()) {",
        "      out.error(cp, \"not an array\");",
        "    }",
        "    String other = compute();",
        "    fields.integer(ptr, \"Seconds\", v, 0, 1, q);");
    assertThat(audit("X.java", src, Optional.empty())).containsExactly("X.java:9 has no '// AWS:' evidence");
  }

  @Test
  void malformed_evidence_is_reported() {
    List<String> src = List.of(
        "    // AWS: https://example.com/ \"some sentence that is long\"",
        "    out.error(a, \"b\");",
        "    // AWS: https://states-language.net/#wait-state",
        "    out.error(a, \"b\");",
        "    // AWS: recording: conformance/validation/cases/no-such-case",
        "    out.keyError(a, \"b\");",
        "    // AWS: recording: https://github.com/localstack/localstack/pull/12487",
        "    out.aws(a, b, c, d, e);",
        "    // AWS: none found — engine cannot run this: a transition to nowhere cannot be taken",
        "    out.awsKey(a, b, c, d, e);");
    Path shared = Path.of("target/evidence-test-shared");
    assertThat(audit("X.java", src, Optional.of(shared))).containsExactly(
        "X.java:1 malformed evidence: https://example.com/ \"some sentence that is long\"",
        "X.java:3 malformed evidence: https://states-language.net/#wait-state",
        "X.java:5 cites a recording that does not exist: conformance/validation/cases/no-such-case");
  }

  /** The 1-based lines of {@code lines} that emit an ERROR. */
  static List<Integer> errorSites(String file, List<String> lines) {
    List<Integer> sites = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.get(i).trim();
      if (t.startsWith("//") || t.startsWith("*") || t.startsWith("/*")) {
        continue;
      }
      Matcher m = EMITTING.matcher(lines.get(i));
      if (m.find() && !(file.equals(COLLECTOR) && m.group().startsWith("Severity"))) {
        sites.add(i + 1);
      }
    }
    return sites;
  }

  /** What is wrong with the evidence of the ERROR sites of one file (empty when all are cited). */
  static List<String> audit(String file, List<String> lines, Optional<Path> shared) {
    List<String> problems = new ArrayList<>();
    for (int site : errorSites(file, lines)) {
      if (evidenceAbove(lines, site - 1) < 0) {
        problems.add(file + ":" + site + " has no '// AWS:' evidence");
      }
    }
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.get(i).trim();
      if (!t.startsWith("// AWS:")) {
        continue;
      }
      String evidence = commentText(lines, i).substring("AWS:".length()).trim();
      Matcher rec = RECORDING.matcher(evidence);
      if (rec.matches()) {
        if (shared.isPresent() && !Files.exists(shared.get().resolve(rec.group(1)))) {
          problems.add(file + ":" + (i + 1) + " cites a recording that does not exist: " + rec.group(1));
        }
      } else if (!DOC.matcher(evidence).matches() && !THREAD.matcher(evidence).matches()
          && !NONE.matcher(evidence).matches()) {
        problems.add(file + ":" + (i + 1) + " malformed evidence: " + evidence);
      }
    }
    return problems;
  }

  /**
   * The index of the {@code // AWS:} line covering the statement at {@code index}, or -1. Walks up
   * through comments, the if/else lines of the chain and the other ERROR calls of the chain (with
   * their continuation lines); any other statement, a blank line or a member declaration stops it.
   */
  private static int evidenceAbove(List<String> lines, int index) {
    for (int i = index - 1; i >= 0; i--) {
      String t = lines.get(i).trim();
      if (t.startsWith("// AWS:")) {
        return i;
      }
      boolean comment = t.startsWith("//");
      boolean chain = t.startsWith("if (") || t.startsWith("} else") || t.equals("}")
          || (t.startsWith("else") && t.endsWith("{"));
      boolean continuation = t.startsWith("+") || t.startsWith("\"") || t.startsWith("?") || t.startsWith(":")
          || t.startsWith("&&") || t.startsWith("||") || t.startsWith(".") || t.startsWith(")");
      boolean emitting = EMITTING.matcher(lines.get(i)).find();
      // the statement goes on (an open argument list), or the chain's branch ends
      boolean open = t.endsWith("(") || t.endsWith(",");
      boolean exit = t.equals("return;") || t.equals("continue;") || t.equals("return null;");
      if (!(comment || chain || continuation || emitting || open || exit)) {
        return -1;
      }
    }
    return -1;
  }

  /** The text of the comment starting at line {@code i}, with its following comment lines up to the next AWS line. */
  private static String commentText(List<String> lines, int i) {
    StringBuilder text = new StringBuilder(lines.get(i).trim().substring(2).trim());
    for (int j = i + 1; j < lines.size(); j++) {
      String t = lines.get(j).trim();
      if (!t.startsWith("//") || t.startsWith("// AWS:")) {
        break;
      }
      text.append(' ').append(t.substring(2).trim());
    }
    return text.toString();
  }
}

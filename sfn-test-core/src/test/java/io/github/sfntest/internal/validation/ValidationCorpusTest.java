package io.github.sfntest.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.testsupport.SharedDir;
import io.github.sfntest.definition.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Real definitions: everything AWS accepted must validate without ERROR. */
class ValidationCorpusTest {


  private static List<Diagnostic> errors(List<Diagnostic> all) {
    return all.stream().filter(Diagnostic::isError).toList();
  }

  @Test
  void every_conformance_definition_that_aws_ran_validates_without_errors() throws IOException {
    Path cases = SharedDir.require("conformance/cases");
    List<String> failures = new ArrayList<>();
    int count = 0;
    try (Stream<Path> dirs = Files.list(cases)) {
      for (Path dir : dirs.sorted().toList()) {
        Path def = dir.resolve("definition.json");
        if (!Files.isRegularFile(def)) {
          continue;
        }
        count++;
        List<Diagnostic> errors = errors(DefinitionValidator.validate(Files.readString(def)));
        if (!errors.isEmpty()) {
          failures.add(dir.getFileName() + ":\n  " + String.join("\n  ", errors.stream().map(Diagnostic::format).toList()));
        }
      }
    }
    System.out.println("[validation] conformance definitions accepted: " + (count - failures.size()) + "/" + count);
    assertThat(count).isGreaterThan(600);
    assertThat(failures).isEmpty();
  }

  /** Values for the DefinitionSubstitutions placeholders, as a deployment would set them. */
  private static final Map<String, String> SUBSTITUTIONS =
      Map.ofEntries(
          Map.entry("AWS::Partition", "aws"),
          Map.entry("partition", "aws"),
          Map.entry("ReminderTimeout", "300"),
          Map.entry("DDBPutItem", "arn:aws:states:::dynamodb:putItem"),
          Map.entry("DDBQuery", "arn:aws:states:::aws-sdk:dynamodb:query"),
          Map.entry("S3BucketPut", "arn:aws:states:::aws-sdk:s3:putObject"),
          Map.entry("SQSSendMessageAction", "arn:aws:states:::sqs:sendMessage.waitForTaskToken"),
          Map.entry("SNSTopicPublishAction", "arn:aws:states:::sns:publish"),
          Map.entry("LambdaActionAction", "arn:aws:states:::lambda:invoke"));

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

  static String substitute(String text) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value = SUBSTITUTIONS.getOrDefault(name, "arn:aws:lambda:us-east-1:111111111111:function:" + name.replace(':', '-'));
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static List<Path> samples() throws IOException {
    Path corpus = SharedDir.require("samples-corpus");
    Assumptions.assumeTrue(Files.isDirectory(corpus), "samples corpus not present");
    try (Stream<Path> files = Files.walk(corpus)) {
      return files
          .filter(p -> p.getFileName().toString().matches(".*\\.asl\\.(json|yaml)"))
          .sorted()
          .toList();
    }
  }

  @Test
  void every_samples_corpus_definition_validates_like_aws_after_substitution() throws IOException {
    List<String> failures = new ArrayList<>();
    int accepted = 0;
    int rejected = 0;
    for (Path p : samples()) {
      String text = substitute(Files.readString(p, StandardCharsets.UTF_8));
      List<Diagnostic> errors = errors(DefinitionValidator.validate(text));
      boolean malformed = p.getFileName().toString().equals("shared-fallback-jsonata.as-found.asl.json");
      if (malformed) {
        rejected++;
        if (errors.isEmpty()) {
          failures.add(p + ": malformed as published but accepted");
        }
      } else {
        accepted++;
        if (!errors.isEmpty()) {
          failures.add(p.getFileName() + ":\n  " + String.join("\n  ", errors.stream().map(Diagnostic::format).toList()));
        }
      }
    }
    System.out.println("[validation] samples corpus: " + accepted + " accepted, " + rejected + " rejected as expected");
    assertThat(accepted).isGreaterThan(50);
    assertThat(failures).isEmpty();
  }
}

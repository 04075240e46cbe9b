package io.github.sfntest.mock;

import static io.github.sfntest.mock.Invocations.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.sfntest.testsupport.SharedDir;
import io.github.sfntest.internal.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Every MockConfigFile of the shared corpora parses and resolves like Step Functions Local. */
class MockConfigCorpusTest {

  static Path conformanceCases() {
    return SharedDir.find("conformance/cases").orElse(Path.of("../shared/conformance/cases"));
  }

  @Test
  void every_conformance_mocks_file_parses_and_answers_each_mocked_invocation() throws IOException {
    Path cases = conformanceCases();
    assumeTrue(Files.isDirectory(cases), "conformance corpus not present at " + cases);
    List<Path> files;
    try (Stream<Path> s = Files.list(cases)) {
      files = s.map(c -> c.resolve("mocks.json")).filter(Files::exists).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(100);
    int answered = 0;
    List<String> failures = new ArrayList<>();
    for (Path f : files) {
      try {
        MockConfigFile file = MockConfigFile.load(f);
        JsonNode raw = Json.parse(Files.readString(f));
        for (String sm : file.stateMachineNames()) {
          for (String tc : file.testCaseNames(sm)) {
            TaskHandler h = file.testCase(sm, tc);
            for (Map.Entry<String, String> e : file.mockedStates(sm, tc).entrySet()) {
              JsonNode entries = raw.get("MockedResponses").get(e.getValue());
              for (Iterator<String> keys = entries.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                int index = Integer.parseInt(key.split("-")[0]);
                TaskOutcome out = h.invoke(call(e.getKey(), "arn:aws:states:::x", "{}", index));
                JsonNode entry = entries.get(key);
                if (entry.has("Return")) {
                  assertThat(out).isEqualTo(TaskOutcome.success(entry.get("Return")));
                } else {
                  JsonNode t = entry.get("Throw");
                  assertThat(out)
                      .isEqualTo(
                          new TaskOutcome.Failure(
                              t.has("Error") ? t.get("Error").textValue() : null,
                              t.has("Cause") ? t.get("Cause").textValue() : null,
                              java.time.Duration.ZERO));
                }
                answered++;
              }
            }
          }
        }
      } catch (RuntimeException | AssertionError e) {
        failures.add(f.getParent().getFileName() + ": " + e.getMessage());
      }
    }
    assertThat(failures).isEmpty();
    assertThat(answered).isGreaterThanOrEqualTo(134);
  }

  @Test
  void the_shared_samples_corpus_files_parse_identically_to_the_copies_in_test_resources() throws IOException {
    Path samples = conformanceCases().getParent().getParent().resolve("samples-corpus");
    assumeTrue(Files.isDirectory(samples), "samples corpus not present at " + samples);
    for (String[] pair :
        new String[][] {
          {"local-testing-mock-config", "sales-lead-MockConfigFile.json"},
          {"local-testing-java-junit-spock", "java-junit-spock-MockConfigFile.json"}
        }) {
      MockConfigFile shared = MockConfigFile.load(samples.resolve(pair[0]).resolve("MockConfigFile.json"));
      MockConfigFile copy = MockConfigFile.load(MockConfigFileTest.resource(pair[1]));
      assertThat(shared.toJson()).isEqualTo(copy.toJson());
    }
  }
}

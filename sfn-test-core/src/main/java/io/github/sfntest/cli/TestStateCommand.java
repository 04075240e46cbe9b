package io.github.sfntest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.internal.teststate.TestStateRunner;
import io.github.sfntest.internal.teststate.TestStateWire;
import io.github.sfntest.teststate.TestStateException;
import io.github.sfntest.teststate.TestStateResult;
import io.github.sfntest.teststate.TestStateStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code test-state --definition F [--state NAME] [--input F] [--mock F] [--inspection-level L]}:
 * tests one state offline, as AWS's TestState API, and prints AWS's response document (or AWS's
 * refusal, {@code {"__type", "message"}}). {@code --mock} reads a TestState {@code mock} object
 * ({@code {"result": "<JSON text>"}} or {@code {"errorOutput": {"error", "cause"}}}); a plain JSON
 * value is taken as the mocked result. Exits 0 when the state succeeded, 1 when it failed, would
 * be retried, caught an error or the request was refused, 2 on a usage error.
 */
public final class TestStateCommand {

  static final String USAGE = "test-state --definition FILE [--state NAME] [--input FILE] [--mock FILE]"
      + " [--variables FILE] [--context FILE] [--role-arn ARN] [--inspection-level INFO|DEBUG|TRACE]";

  private TestStateCommand() {}

  /**
   * Runs the command.
   *
   * @param args the arguments after {@code test-state}
   * @param out where the response document goes
   * @param err where usage errors go
   * @return the exit code
   */
  public static int run(List<String> args, PrintStream out, PrintStream err) {
    ObjectNode body = Json.NODES.objectNode();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (i + 1 >= args.size()) {
        throw new CliException(a + " needs a value\nusage: sfn-test " + USAGE);
      }
      String value = args.get(++i);
      switch (a) {
        case "--definition" -> body.put("definition", read(value));
        case "--state" -> body.put("stateName", value);
        case "--input" -> body.put("input", read(value));
        case "--variables" -> body.put("variables", read(value));
        case "--context" -> body.put("context", read(value));
        case "--role-arn" -> body.put("roleArn", value);
        case "--inspection-level" -> body.put("inspectionLevel", value.toUpperCase(java.util.Locale.ROOT));
        case "--mock" -> body.set("mock", mock(value));
        default -> throw new CliException("unknown argument: " + a + "\nusage: sfn-test " + USAGE);
      }
    }
    if (!body.has("definition")) {
      throw new CliException("--definition is required\nusage: sfn-test " + USAGE);
    }
    try {
      TestStateResult result = TestStateRunner.run(TestStateWire.request(body), EngineOptions.defaults());
      out.println(Json.pretty(TestStateWire.response(result)));
      return result.status() == TestStateStatus.SUCCEEDED ? 0 : 1;
    } catch (TestStateException e) {
      out.println(Json.pretty(TestStateWire.error(e)));
      return 1;
    }
  }

  private static JsonNode mock(String file) {
    String text = read(file);
    JsonNode parsed;
    try {
      parsed = Json.parse(text);
    } catch (IllegalArgumentException e) {
      throw new CliException("--mock " + file + " is not JSON: " + e.getMessage());
    }
    if (parsed.isObject() && (parsed.has("result") || parsed.has("errorOutput"))) {
      return parsed;
    }
    ObjectNode mock = Json.NODES.objectNode();
    mock.put("result", Json.write(parsed));
    return mock;
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new CliException("cannot read " + file + ": " + e.getMessage());
    }
  }
}

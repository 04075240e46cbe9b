package io.github.sfntest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.Execution;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.engine.StateMachineType;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.mock.TaskHandler;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** {@code batch --cases DIR --out DIR}: runs every case folder in one JVM. */
public final class BatchCommand {
  private BatchCommand() {}

  static final String USAGE = "batch --cases DIR --out DIR";

  static int run(List<String> argv, PrintStream out, PrintStream err) {
    Args args = new Args(argv, Set.of("--cases", "--out"), Set.of());
    Path cases = Path.of(args.required("--cases"));
    Path outDir = Path.of(args.required("--out"));
    if (!Files.isDirectory(cases)) {
      throw new CliException("--cases " + cases + " is not a directory");
    }
    List<Path> folders = new ArrayList<>();
    try (Stream<Path> children = Files.list(cases)) {
      children.filter(p -> Files.isRegularFile(p.resolve("definition.json"))).sorted().forEach(folders::add);
      Files.createDirectories(outDir);
    } catch (IOException e) {
      throw new CliException("cannot read " + cases + " or create " + outDir + ": " + e.getMessage(), e);
    }
    int succeeded = 0;
    for (Path folder : folders) {
      ObjectNode doc = runCase(folder);
      if ("SUCCEEDED".equals(doc.path("status").asText())) {
        succeeded++;
      }
      try {
        Files.writeString(outDir.resolve(folder.getFileName() + ".json"), Json.write(doc));
      } catch (IOException e) {
        throw new CliException("cannot write results to " + outDir + ": " + e.getMessage(), e);
      }
    }
    err.println("batch: " + folders.size() + " cases run, " + succeeded + " succeeded; results in " + outDir);
    return 0;
  }

  /**
   * Runs one case folder (definition.json, optional input.json and mocks.json) with the run
   * parameters its expected.json declares (see {@link CaseParameters}): type and start API, clock,
   * execution role, S3 objects, MockConfigFile test case, and the driver actions the recording's
   * test performed on the running execution.
   *
   * @param folder the case folder
   * @return the result document ({@code status}, {@code output}, {@code error}, {@code cause},
   *     {@code events}); status {@code INVALID} when the case cannot run
   */
  public static ObjectNode runCase(Path folder) {
    try {
      CaseParameters params = CaseParameters.read(folder);
      StateMachineDefinition definition = Cli.loadDefinition(folder.resolve("definition.json"), Map.of());
      Path inputFile = folder.resolve("input.json");
      JsonNode input = Files.isRegularFile(inputFile) ? Cli.readJson(inputFile, "input.json") : Json.NODES.objectNode();
      TaskHandler handler = TaskHandler.none();
      Path mocks = folder.resolve("mocks.json");
      if (Files.isRegularFile(mocks)) {
        MockSelection selection = MockSelection.load(mocks, definition.name(), params.mockTestCase());
        definition = definition.withName(selection.stateMachineName());
        handler = selection.handler();
      }
      StartRequest request = StartRequest.of(definition, input).withTaskHandler(handler).withType(params.type());
      io.github.sfntest.s3.InMemoryS3 s3 = params.s3();
      if (s3 != null) {
        request = request.withS3(s3);
      }
      if (params.syncStart()) {
        request = request.withSyncStart();
      }
      try (Engine engine = Engine.inProcess(params.engineOptions())) {
        // start runs the execution until it first has to wait (for time or a callback): the point
        // at which the recording's test, right after StartExecution, made its API calls.
        Execution execution = engine.start(request);
        for (CaseParameters.DriverAction action : params.driverActions()) {
          // StopExecution "is not supported by EXPRESS state machines" (API reference): the call
          // fails and the execution runs on, as the recording of an EXPRESS case with this action
          // shows. On a STANDARD execution that has already ended it changes nothing.
          if (action.action().equals("stop_execution") && params.type() != StateMachineType.EXPRESS) {
            execution.stop(text(action.args(), "error"), text(action.args(), "cause"));
          }
        }
        return CaseRunner.resultDocument(execution.awaitCompletion());
      }
    } catch (CliException e) {
      return CaseRunner.invalidDocument("InvalidDefinition", e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      return CaseRunner.invalidDocument("InternalError", e.getClass().getName() + ": " + e.getMessage());
    }
  }

  private static String text(JsonNode args, String field) {
    JsonNode v = args.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}

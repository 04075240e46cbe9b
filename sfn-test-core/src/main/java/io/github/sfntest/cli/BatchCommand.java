package io.github.sfntest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.engine.StartRequest;
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
   * The S3 objects a conformance case's test uploaded ({@code expected.json} → {@code s3_objects}:
   * bucket, key, body {text} or {json}), as the fixture its Distributed Map reads; null if none.
   */
  static io.github.sfntest.s3.InMemoryS3 s3Objects(Path expected) {
    if (!Files.isRegularFile(expected)) {
      return null;
    }
    JsonNode objects = Cli.readJson(expected, "expected.json").path("s3_objects");
    if (!objects.isArray() || objects.isEmpty()) {
      return null;
    }
    io.github.sfntest.s3.InMemoryS3 s3 = new io.github.sfntest.s3.InMemoryS3();
    for (JsonNode o : objects) {
      JsonNode body = o.path("body");
      String text = body.has("text") ? body.get("text").asText()
          : body.has("json") ? Json.write(body.get("json"))
          : body.isTextual() ? body.asText() : Json.write(body);
      s3.putObject(o.path("bucket").asText(), o.path("key").asText(), text);
    }
    return s3;
  }

  /** The case's {@code state_machine_type} ({@code expected.json}), STANDARD when absent. */
  static io.github.sfntest.engine.StateMachineType stateMachineType(Path expected) {
    if (!Files.isRegularFile(expected)) {
      return io.github.sfntest.engine.StateMachineType.STANDARD;
    }
    String type = Cli.readJson(expected, "expected.json").path("state_machine_type").asText("STANDARD");
    return type.equals("EXPRESS") ? io.github.sfntest.engine.StateMachineType.EXPRESS
        : io.github.sfntest.engine.StateMachineType.STANDARD;
  }

  /**
   * Runs one case folder (definition.json, optional input.json and mocks.json, s3_objects of
   * expected.json).
   *
   * @param folder the case folder
   * @return the case's result document
   */
  public static ObjectNode runCase(Path folder) {
    try {
      StateMachineDefinition definition = Cli.loadDefinition(folder.resolve("definition.json"), Map.of());
      Path inputFile = folder.resolve("input.json");
      JsonNode input = Files.isRegularFile(inputFile) ? Cli.readJson(inputFile, "input.json") : Json.NODES.objectNode();
      TaskHandler handler = TaskHandler.none();
      Path mocks = folder.resolve("mocks.json");
      if (Files.isRegularFile(mocks)) {
        MockSelection selection = MockSelection.load(mocks, definition.name(), null);
        definition = definition.withName(selection.stateMachineName());
        handler = selection.handler();
      }
      StartRequest request = StartRequest.of(definition, input).withTaskHandler(handler);
      io.github.sfntest.s3.InMemoryS3 s3 = s3Objects(folder.resolve("expected.json"));
      if (s3 != null) {
        request = request.withS3(s3);
      }
      // A case runs as its recording did: its state machine type and its start API.
      Path expected = folder.resolve("expected.json");
      request = request.withType(stateMachineType(expected));
      if (Files.isRegularFile(expected)
          && Cli.readJson(expected, "expected.json").path("execution_api").asText().equals("start_sync_execution")
          && request.type() == io.github.sfntest.engine.StateMachineType.EXPRESS) {
        request = request.withSyncStart();
      }
      try (Engine engine = Engine.inProcess(EngineOptions.defaults())) {
        return CaseRunner.resultDocument(engine.run(request));
      }
    } catch (CliException e) {
      return CaseRunner.invalidDocument("InvalidDefinition", e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      return CaseRunner.invalidDocument("InternalError", e.getClass().getName() + ": " + e.getMessage());
    }
  }
}

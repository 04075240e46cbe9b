package io.github.sfntest.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.sfntest.testsupport.SharedDir;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.definition.Diagnostic;
import io.github.sfntest.definition.InvalidDefinitionException;
import io.github.sfntest.internal.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Mutated definitions (deleted fields, wrong types, random bytes, deep nesting, huge documents):
 * the validator never throws anything but its own exception, never hangs, and locates every
 * problem.
 */
class ValidationFuzzTest {

  /**
   * A fixed, seeded number of inputs: about 5 s of CPU on one core (it took 99 s under load with
   * 4000 inputs, each validated three times).
   */
  private static final int MUTATIONS = 1500;

  private static List<String> seeds() throws IOException {
    List<String> seeds = new ArrayList<>();
    seeds.add("""
        {"Comment": "seed", "StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"a.$": "$.x"},
                "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 1, "MaxAttempts": 2, "BackoffRate": 2}],
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "F", "ResultPath": "$.err"}], "Next": "C"},
          "C": {"Type": "Choice", "Choices": [{"And": [{"Variable": "$.a", "NumericGreaterThan": 1},
                {"Not": {"Variable": "$.b", "IsPresent": true}}], "Next": "M"}], "Default": "P"},
          "M": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 2, "ItemProcessor": {
                "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                "StartAt": "I", "States": {"I": {"Type": "Pass", "End": true}}},
                "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "CSV",
                "CSVHeaderLocation": "FIRST_ROW"}}, "ItemBatcher": {"MaxItemsPerBatch": 5}, "Next": "P"},
          "P": {"Type": "Parallel", "Branches": [{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 1,
                "End": true}}}], "Next": "J"},
          "J": {"Type": "Pass", "QueryLanguage": "JSONata", "Output": "{% $states.input %}", "Next": "S"},
          "S": {"Type": "Succeed"},
          "F": {"Type": "Fail", "Error": "E", "Cause": "C"}
        }}""");
    Path corpus = SharedDir.find("samples-corpus").orElse(null);
    if (corpus != null) {
      try (Stream<Path> files = Files.walk(corpus)) {
        for (Path p : files.filter(p -> p.toString().endsWith(".asl.json")).sorted().toList()) {
          seeds.add(Files.readString(p));
        }
      }
    }
    return seeds;
  }

  private static final JsonNode[] WRONG_VALUES = {
    Json.NODES.nullNode(), Json.NODES.numberNode(-1), Json.NODES.numberNode(0), Json.NODES.numberNode(1.5),
    Json.NODES.textNode(""), Json.NODES.textNode("$..[?("), Json.NODES.textNode("{% $x + %}"),
    Json.NODES.textNode("States.Format("), Json.NODES.textNode("${Placeholder}"), Json.NODES.booleanNode(true),
    Json.NODES.arrayNode(), Json.NODES.objectNode(), Json.NODES.textNode("x".repeat(5000))
  };

  private static final String[] FIELD_NAMES = {
    "Type", "Next", "End", "Nexxt", "Resource", "Parameters", "Arguments", "Output", "Choices", "Branches",
    "ItemProcessor", "Iterator", "Retry", "Catch", "ResultPath", "InputPath", "QueryLanguage", "a.$", "States",
    "StartAt", "Seconds", "Timestamp", "ErrorEquals", "Variable", "And", "Not", "Condition", "Assign"
  };

  /** All container nodes of a tree, for picking mutation points. */
  private static void containers(JsonNode n, List<JsonNode> out) {
    if (n.isContainerNode()) {
      out.add(n);
      n.forEach(c -> containers(c, out));
    }
  }

  private static String mutateTree(String seed, Random r) {
    JsonNode root = Json.parse(seed).deepCopy();
    int edits = 1 + r.nextInt(4);
    for (int e = 0; e < edits; e++) {
      List<JsonNode> nodes = new ArrayList<>();
      containers(root, nodes);
      JsonNode target = nodes.get(r.nextInt(nodes.size()));
      if (target instanceof ObjectNode o && !o.isEmpty()) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        String name = names.get(r.nextInt(names.size()));
        switch (r.nextInt(4)) {
          case 0 -> o.remove(name);
          case 1 -> o.set(name, WRONG_VALUES[r.nextInt(WRONG_VALUES.length)]);
          case 2 -> o.set(FIELD_NAMES[r.nextInt(FIELD_NAMES.length)], o.get(name).deepCopy());
          default -> o.set(name, root.deepCopy());
        }
      } else if (target instanceof ArrayNode a && !a.isEmpty()) {
        int i = r.nextInt(a.size());
        if (r.nextBoolean()) {
          a.remove(i);
        } else {
          a.set(i, WRONG_VALUES[r.nextInt(WRONG_VALUES.length)]);
        }
      }
    }
    return r.nextBoolean() ? Json.pretty(root) : Json.write(root);
  }

  private static String mutateBytes(String seed, Random r) {
    StringBuilder sb = new StringBuilder(seed);
    int edits = 1 + r.nextInt(6);
    for (int e = 0; e < edits && sb.length() > 0; e++) {
      int at = r.nextInt(sb.length());
      switch (r.nextInt(4)) {
        case 0 -> sb.deleteCharAt(at);
        case 1 -> sb.insert(at, (char) r.nextInt(0x250));
        case 2 -> sb.setCharAt(at, "{}[]\",:$.%\\\n\t ".charAt(r.nextInt(14)));
        default -> sb.setLength(at);
      }
    }
    return sb.toString();
  }

  private static String deepNesting(Random r) {
    int depth = 100 + r.nextInt(2000);
    String open = r.nextBoolean() ? "[" : "{\"a\":";
    String close = open.equals("[") ? "]" : "}";
    return "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"End\": true, \"Result\": "
        + open.repeat(depth) + "1" + close.repeat(depth) + "}}}";
  }

  private static String deepParallel(int depth) {
    String inner = "{\"StartAt\": \"L\", \"States\": {\"L\": {\"Type\": \"Pass\", \"End\": true}}}";
    for (int i = 0; i < depth; i++) {
      inner = "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Parallel\", \"End\": true, \"Branches\": ["
          + inner + "]}}}";
    }
    return inner;
  }

  private static String huge(Random r) {
    StringBuilder sb = new StringBuilder("{\"StartAt\": \"S0\", \"States\": {");
    int n = 2000 + r.nextInt(3000);
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : ",").append("\"S").append(i).append("\": {\"Type\": \"Pass\", \"Result\": \"")
          .append("y".repeat(200)).append("\", ").append(i + 1 < n ? "\"Next\": \"S" + (i + 1) + "\"" : "\"End\": true")
          .append("}");
    }
    return sb.append("}}").toString();
  }

  private static void check(String text, int[] counts) {
    List<Diagnostic> diagnostics;
    try {
      // requireValid is validate plus a throw (ValidationApiTest): one validation per input is enough here
      diagnostics = DefinitionValidator.validate(text);
    } catch (InvalidDefinitionException e) {
      diagnostics = e.diagnostics();
    }
    JsonNode root = null;
    try {
      root = DefinitionValidator.parse(text).root();
    } catch (InvalidDefinitionException e) {
      // not well-formed: diagnostics point at the document
    }
    for (Diagnostic d : diagnostics) {
      assertThat(d.line()).as("line of %s", d).isPositive();
      assertThat(d.column()).as("column of %s", d).isPositive();
      assertThat(d.message()).as("message of %s", d).isNotBlank();
      assertThat(d.code()).as("code of %s", d).matches("[A-Z_]+");
      if (root != null) {
        assertThat(root.at(d.pointer()).isMissingNode()).as("pointer of %s resolves", d).isFalse();
      }
      counts[1]++;
    }
    if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
      counts[0]++;
    }
  }

  @Test
  void thousands_of_mutated_definitions_never_crash_hang_or_lose_locations() throws IOException {
    List<String> seeds = seeds();
    Random r = new Random(20240101L);
    int[] counts = new int[2];
    int[] runs = new int[1];
    long cpuStart = processCpuNanos();
    long wallStart = System.nanoTime();
    assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
      for (int i = 0; i < MUTATIONS; i++) {
        String seed = seeds.get(r.nextInt(seeds.size()));
        String text = switch (i % 10) {
          case 0, 1, 2, 3, 4 -> mutateTree(seed, r);
          case 5, 6, 7 -> mutateBytes(seed, r);
          case 8 -> deepNesting(r);
          default -> i % 100 == 9 ? huge(r) : mutateBytes(seed.replace("\"", r.nextBoolean() ? "'" : "\""), r);
        };
        check(text, counts);
        runs[0]++;
      }
      check(deepParallel(60), counts);
      check(deepParallel(400), counts);
      check("", counts);
      check("\u0000\u0001garbage", counts);
      check("- a\n- b\n", counts);
      check("{\"StartAt\": \"" + "z".repeat(2_000_000) + "\"}", counts);
      runs[0] += 6;
    });
    System.out.println("[validation] fuzz: " + runs[0] + " definitions, " + counts[0] + " rejected, " + counts[1]
        + " diagnostics, all located; " + (System.nanoTime() - wallStart) / 1_000_000 + " ms wall, "
        + (processCpuNanos() - cpuStart) / 1_000_000 + " ms CPU (all JVM threads)");
    assertThat(runs[0]).isEqualTo(MUTATIONS + 6);
    assertThat(counts[0]).isGreaterThan(MUTATIONS / 2);
  }

  /** CPU time of the whole JVM (JIT and GC included), which, unlike wall time, a busy machine does not inflate. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}

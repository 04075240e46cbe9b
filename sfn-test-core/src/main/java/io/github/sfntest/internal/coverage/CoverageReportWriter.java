package io.github.sfntest.internal.coverage;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.internal.coverage.MachineReport.Ratio;
import io.github.sfntest.internal.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds the report from raw files: merges every {@code raw/*.json} of the input directories and
 * writes {@code index.html}, one page per machine and {@code coverage.json} into the output
 * directory, each atomically (several forks may finish at once; the last one's report has all).
 */
public final class CoverageReportWriter {

  private CoverageReportWriter() {}

  /** Reads and merges the raw files under {@code <dir>/raw} of each directory (or raw files given directly). */
  public static CoverageData readRaw(List<Path> inputs) {
    CoverageData data = new CoverageData();
    for (Path input : inputs) {
      Path raw = Files.isDirectory(input.resolve("raw")) ? input.resolve("raw") : input;
      List<Path> files = new ArrayList<>();
      if (Files.isRegularFile(raw)) {
        files.add(raw);
      } else if (Files.isDirectory(raw)) {
        try (Stream<Path> list = Files.list(raw)) {
          list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot list " + raw + ": " + e.getMessage(), e);
        }
      } else {
        throw new IllegalArgumentException("no coverage data at " + input + " (expected a directory with a raw/"
            + " subdirectory, a raw directory, or a raw .json file)");
      }
      for (Path file : files) {
        try {
          data.merge(CoverageData.fromJson(Json.parse(Files.readString(file))));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
      }
    }
    return data;
  }

  /** Writes the report of {@code data} into {@code output}; returns the machines' numbers. */
  public static List<MachineReport> write(CoverageData data, Path output) {
    List<MachineReport> machines = new ArrayList<>();
    for (CoverageData.Machine machine : data.machines()) {
      machines.add(new MachineReport(machine));
    }
    for (MachineReport m : machines) {
      ReportFiles.writeAtomically(output.resolve(m.page()), HtmlReport.machinePage(m));
    }
    ReportFiles.writeAtomically(output.resolve("coverage.json"), Json.pretty(toJson(machines)));
    ReportFiles.writeAtomically(output.resolve("index.html"), HtmlReport.index(machines));
    return machines;
  }

  static ObjectNode toJson(List<MachineReport> machines) {
    ObjectNode doc = Json.NODES.objectNode();
    doc.put("format", "sfn-test-coverage/1");
    Ratio states = new Ratio(0, 0);
    Ratio transitions = new Ratio(0, 0);
    Ratio errors = new Ratio(0, 0);
    ArrayNode list = Json.NODES.arrayNode();
    for (MachineReport m : machines) {
      states = states.plus(m.states());
      transitions = transitions.plus(m.transitions());
      errors = errors.plus(m.errorPaths());
      list.add(m.toJson());
    }
    ObjectNode totals = doc.putObject("totals");
    totals.set("states", states.toJson());
    totals.set("transitions", transitions.toJson());
    totals.set("errorPaths", errors.toJson());
    doc.set("machines", list);
    return doc;
  }
}

package io.github.sfntest.cli;

import io.github.sfntest.coverage.Coverage;
import io.github.sfntest.coverage.CoverageMinimumException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code coverage-merge --input DIR ... --output DIR [--minimum SPEC]}: one coverage report from the
 * raw files of several report directories (e.g. each module's {@code target/sfn-test-coverage}).
 * Exit code 1 when coverage is below the minimum.
 */
final class CoverageMergeCommand {
  private CoverageMergeCommand() {}

  static final String USAGE = "coverage-merge --input DIR [--input DIR ...] --output DIR [--minimum states:80,transitions:70]";

  static int run(List<String> argv, PrintStream out, PrintStream err) {
    Args args = new Args(argv, Set.of("--input", "--output", "--minimum"), Set.of());
    List<Path> inputs = args.all("--input").stream().map(Path::of).toList();
    if (inputs.isEmpty()) {
      throw new CliException("--input is required (a directory such as module/target/sfn-test-coverage)");
    }
    Path output = Path.of(args.required("--output"));
    try {
      Path index = Coverage.mergeReports(output, inputs, args.get("--minimum"));
      out.println("sfn-test coverage-merge: wrote " + index);
      return 0;
    } catch (CoverageMinimumException e) {
      err.println("sfn-test coverage-merge: " + e.getMessage());
      return 1;
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw new CliException(e.getMessage(), e);
    }
  }
}

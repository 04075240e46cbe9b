package io.github.sfntest.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** Entry point of the command-line runner: {@code run}, {@code batch}, {@code validate}, {@code serve}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(execute(Arrays.asList(args), System.out, System.err));
  }

  /** Runs a command; returns the exit code (0 succeeded, 1 execution not succeeded, 2 bad usage). */
  public static int execute(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
      err.println(usage());
      return args.isEmpty() ? 2 : 0;
    }
    List<String> rest = args.subList(1, args.size());
    try {
      return switch (args.get(0)) {
        case "run" -> RunCommand.run(rest, out, err);
        case "batch" -> BatchCommand.run(rest, out, err);
        case "validate" -> ValidateCommand.run(rest, out, err);
        case "serve" -> ServeCommand.run(rest, out, err);
        case "mocks-from-history" -> MocksFromHistoryCommand.run(rest, out, err);
        case "replay" -> ReplayCommand.run(rest, out, err);
        case "record" -> RecordCommand.run(rest, out, err);
        case "render" -> RenderCommand.run(rest, out, err);
        case "coverage-merge" -> CoverageMergeCommand.run(rest, out, err);
        case "--version" -> {
          out.println("sfn-test " + Version.get());
          yield 0;
        }
        default -> {
          err.println("sfn-test: unknown command \"" + args.get(0) + "\"\n" + usage());
          yield 2;
        }
      };
    } catch (CliException e) {
      err.println("sfn-test " + args.get(0) + ": " + e.getMessage());
      return 2;
    }
  }

  static String usage() {
    return "usage: sfn-test <command>\n  " + RunCommand.USAGE + "\n  " + BatchCommand.USAGE
        + "\n  validate --definition FILE [--json]\n  " + ServeCommand.USAGE
        + "\n  " + MocksFromHistoryCommand.USAGE + "\n  " + ReplayCommand.USAGE + "\n  " + RecordCommand.USAGE
        + "\n  " + RenderCommand.USAGE + "\n  " + CoverageMergeCommand.USAGE;
  }
}

package io.github.sfntest.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Entry point of the command-line runner: {@code run}, {@code batch}, {@code validate}, {@code serve}. */
public final class Main {
  private Main() {}

  /**
   * Runs the command line and exits with its code.
   *
   * @param args the command and its options, e.g. {@code run --definition d.json}
   */
  public static void main(String[] args) {
    System.exit(execute(Arrays.asList(args), System.out, System.err));
  }

  /**
   * Runs a command; returns the exit code: 0 succeeded, 1 execution not succeeded, 2 bad usage or
   * unusable input (a file that is not UTF-8 or not JSON, a document nested too deeply, an input
   * over 256 KiB, an invalid MockConfigFile...), 3 an internal failure of sfn-test. Errors are one
   * message on stderr; {@code --debug} anywhere on the line adds the Java stack trace.
   *
   * @param arguments the command and its options
   * @param out where results go
   * @param err where errors go
   * @return the exit code
   */
  public static int execute(List<String> arguments, PrintStream out, PrintStream err) {
    List<String> args = new ArrayList<>(arguments);
    boolean debug = args.remove("--debug");
    while (args.remove("--debug")) {
      // repeated flag: same meaning
    }
    String command = args.isEmpty() ? "" : args.get(0);
    try {
      return dispatch(args, out, err);
    } catch (CliException | IllegalArgumentException | UncheckedIOException e) {
      err.println("sfn-test " + command + ": " + e.getMessage());
      trace(e, debug, err);
      return 2;
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      err.println("sfn-test " + command + ": internal error: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage()))
          + (debug ? "" : " (run again with --debug for the Java stack trace)"));
      trace(e, debug, err);
      return 3;
    }
  }

  private static void trace(Throwable e, boolean debug, PrintStream err) {
    if (debug) {
      e.printStackTrace(err);
    }
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }

  private static int dispatch(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
      err.println(usage());
      return args.isEmpty() ? 2 : 0;
    }
    List<String> rest = args.subList(1, args.size());
    if (args.get(0).equals("help") || rest.contains("--help") || rest.contains("-h")) {
      return help(args.get(0).equals("help") ? (rest.isEmpty() ? "" : rest.get(0)) : args.get(0), out, err);
    }
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
        case "test-state" -> TestStateCommand.run(rest, out, err);
        case "--version" -> {
          out.println("sfn-test " + Version.get());
          yield 0;
        }
        default -> {
          err.println("sfn-test: unknown command \"" + args.get(0) + "\"\n" + usage());
          yield 2;
        }
      };
  }

  /** Every command's usage line, in the order {@code usage()} lists them. */
  private static final List<String> USAGES = List.of(RunCommand.USAGE, BatchCommand.USAGE, ValidateCommand.USAGE,
      ServeCommand.USAGE, MocksFromHistoryCommand.USAGE, ReplayCommand.USAGE, RecordCommand.USAGE,
      RenderCommand.USAGE, CoverageMergeCommand.USAGE, TestStateCommand.USAGE);

  /** {@code help [COMMAND]} and {@code COMMAND --help}: that command's usage on stdout, or all of them. */
  private static int help(String command, PrintStream out, PrintStream err) {
    if (command.isEmpty()) {
      out.println(usage());
      return 0;
    }
    for (String usage : USAGES) {
      if (usage.startsWith(command + " ")) {
        out.println("usage: sfn-test " + usage);
        return 0;
      }
    }
    err.println("sfn-test: unknown command \"" + command + "\"\n" + usage());
    return 2;
  }

  static String usage() {
    return "usage: sfn-test [--debug] <command>   (sfn-test help <command> for one)\n  " + String.join("\n  ", USAGES);
  }
}

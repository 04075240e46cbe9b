package io.github.sfntest.cli;

import io.github.sfntest.server.SfnServer;
import io.github.sfntest.server.WaitMode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code serve [--port 8083] [--host ADDR] [--mock-config FILE] [--aws-account ID] [--aws-region R]
 * [--wait-time-scale 0|1] [--deterministic]}: a Step Functions–compatible endpoint backed by the
 * in-process engine, until the process is stopped. Environment variables as in AWS Step Functions
 * Local: {@code SFN_MOCK_CONFIG}, {@code AWS_ACCOUNT_ID}, {@code AWS_DEFAULT_REGION}, {@code
 * WAIT_TIME_SCALE}; flags win over them.
 */
public final class ServeCommand {

  static final String USAGE = "serve [--port 8083] [--host 127.0.0.1] [--mock-config FILE] [--aws-account ID]"
      + " [--aws-region REGION]\n    [--wait-time-scale 0|1] [--deterministic]";

  private ServeCommand() {}

  static int run(List<String> argv, PrintStream out, PrintStream err) {
    SfnServer server = start(argv, System.getenv(), err);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "sfn-test-serve-shutdown"));
    out.println("sfn-test " + Version.get() + ": Step Functions endpoint on " + server.endpoint()
        + " (waits: " + server.waitMode() + ")");
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /**
   * Parses the arguments and environment and starts the endpoint (also for tests).
   *
   * @param argv the {@code serve} options
   * @param env the environment, for {@code SFN_MOCK_CONFIG} and the like
   * @param err where errors go
   * @return the running endpoint
   */
  public static SfnServer start(List<String> argv, Map<String, String> env, PrintStream err) {
    Args args = new Args(argv,
        Set.of("--port", "--host", "--mock-config", "--aws-account", "--aws-region", "--wait-time-scale"),
        Set.of("--deterministic"));
    int port = args.intValue("--port", 8083);
    if (port > 65535) {
      throw new CliException("--port must be 0..65535, was " + port);
    }
    SfnServer.Builder builder = SfnServer.builder()
        .port(port)
        .host(args.get("--host") != null ? args.get("--host") : "127.0.0.1")
        .deterministic(args.has("--deterministic"));
    String mockConfig = first(args.get("--mock-config"), env.get("SFN_MOCK_CONFIG"));
    if (mockConfig != null) {
      Path file = Path.of(mockConfig);
      if (!Files.isRegularFile(file)) {
        throw new CliException("--mock-config / SFN_MOCK_CONFIG: no such file " + file);
      }
      builder.mockConfig(file);
    }
    String account = first(args.get("--aws-account"), env.get("AWS_ACCOUNT_ID"));
    if (account != null) {
      if (!account.matches("\\d{12}")) {
        throw new CliException("--aws-account / AWS_ACCOUNT_ID must be 12 digits, was \"" + account + "\"");
      }
      builder.account(account);
    }
    String region = first(args.get("--aws-region"), env.get("AWS_DEFAULT_REGION"));
    if (region != null) {
      builder.region(region);
    }
    String scale = first(args.get("--wait-time-scale"), env.get("WAIT_TIME_SCALE"));
    if (scale != null) {
      double value;
      try {
        value = Double.parseDouble(scale);
      } catch (NumberFormatException e) {
        throw new CliException("--wait-time-scale / WAIT_TIME_SCALE must be a number, was \"" + scale + "\"");
      }
      if (value < 0) {
        throw new CliException("--wait-time-scale / WAIT_TIME_SCALE must be >= 0, was " + scale);
      }
      if (value != 0 && value != 1) {
        err.println("sfn-test serve: WAIT_TIME_SCALE " + scale + " is taken as 1 (real time); 0 skips waits");
      }
      builder.waitMode(value == 0 ? WaitMode.SKIP : WaitMode.REAL);
    }
    try {
      return builder.start();
    } catch (RuntimeException e) {
      throw new CliException(e.getMessage(), e);
    }
  }

  private static String first(String flag, String env) {
    if (flag != null && !flag.isBlank()) {
      return flag;
    }
    return env != null && !env.isBlank() ? env : null;
  }
}

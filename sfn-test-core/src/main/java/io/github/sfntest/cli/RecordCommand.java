package io.github.sfntest.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code record --execution-arn ARN --out H.json [--region R] [--endpoint URL]}: fetches an
 * execution's whole history from Step Functions (AWS with credentials and region from the default
 * chains, or the endpoint given) into a file {@code replay} and {@code mocks-from-history} read.
 */
final class RecordCommand {
  private RecordCommand() {}

  static final String USAGE = "record --execution-arn ARN --out H.json [--region REGION] [--endpoint URL]";

  static int run(List<String> argv, PrintStream out, PrintStream err) {
    Args args = new Args(argv, Set.of("--execution-arn", "--out", "--region", "--endpoint"), Set.of());
    String arn = args.required("--execution-arn");
    Path file = Path.of(args.required("--out"));
    try {
      Class.forName("software.amazon.awssdk.services.sfn.SfnClient", false, RecordCommand.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new CliException("record needs the AWS SDK for Java v2 (software.amazon.awssdk:sfn and"
          + " url-connection-client) on the classpath, which the CLI jar leaves out; put them beside it"
          + " (java -cp 'sfn-test-core-cli.jar:aws-sdk/*' io.github.sfntest.cli.Main record ...), or write the same file"
          + " with: aws stepfunctions get-execution-history --execution-arn ARN > H.json");
    }
    int events = SdkRecorder.record(arn, file, args.get("--region"), args.get("--endpoint"));
    err.println("record: " + events + " events of " + arn + " written to " + file);
    return 0;
  }
}

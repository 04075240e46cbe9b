package io.github.sfntest.internal.json;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.StartRequest;
import org.slf4j.LoggerFactory;

/** Run in a fresh JVM by {@link Slf4jDefaultsTest}: one execution with JSONPath, then one user log line. */
public final class Slf4jProbe {

  private Slf4jProbe() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("slf4j-first")) {
      LoggerFactory.getLogger("probe"); // SLF4J set up before sfn-test: its own warning is printed
    }
    ExecutionResult result = Engine.inProcess().run(StartRequest.of(StateMachineDefinition.of("Probe",
        "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Parameters\":{\"x.$\":\"$.a[?(@.b > 1)]\"},\"End\":true}}}"),
        "{\"a\":[{\"b\":1},{\"b\":2}]}"));
    System.out.println(result.output().orElseThrow());
    LoggerFactory.getLogger("probe").warn("a user's log line");
  }
}

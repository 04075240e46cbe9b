package io.github.sfntest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.testing.StateMachineUnderTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Versions and aliases through the JUnit extension: the test publishes two revisions of the machine
 * under test and routes an alias between them; the seeded draw repeats from test run to test run.
 */
@StateMachineTest(definition = "versions/greeter.asl.json", name = "Greeter")
class VersionsAndAliasesAnnotationTest {

  static final String ARN = "arn:aws:states:us-east-1:111111111111:stateMachine:Greeter";

  static StateMachineDefinition casual(StateMachineDefinition formal) {
    return StateMachineDefinition.of("Greeter", formal.sourceText().replace("Good day", "Hi"));
  }

  /** The number a version ARN ends with (an engine shared by the class may have published others). */
  static int version(String versionArn) {
    return Integer.parseInt(versionArn.substring(versionArn.lastIndexOf(':') + 1));
  }

  @Test
  void aVersionRunsItsOwnRevisionAndNamesItselfInTheContextObject(StateMachineUnderTest greeter) {
    Engine engine = greeter.engine();
    String formalArn = engine.publishVersion(greeter.definition());
    String casualArn = engine.publishVersion(casual(greeter.definition()));
    assertThat(formalArn).startsWith(ARN + ":");
    assertThat(version(casualArn)).isGreaterThan(version(formalArn));

    ExecutionResult formal = greeter.start(StartRequest.of(greeter.definition(), "{}").onVersion(version(formalArn)))
        .awaitCompletion();
    assertThat(formal.output().orElseThrow().get("greeting").asText()).isEqualTo("Good day");
    assertThat(formal.output().orElseThrow().get("machine").asText()).isEqualTo(formalArn);

    ExecutionResult casual = greeter.start(StartRequest.of(greeter.definition(), "{}").onVersion(version(casualArn)))
        .awaitCompletion();
    assertThat(casual.output().orElseThrow().get("greeting").asText()).isEqualTo("Hi");
    assertThat(casual.output().orElseThrow().get("machine").asText()).isEqualTo(casualArn);
  }

  @Test
  void anAliasRoutesByItsWeights(StateMachineUnderTest greeter) {
    Engine engine = greeter.engine();
    int formal = version(engine.publishVersion(greeter.definition()));
    int casual = version(engine.publishVersion(casual(greeter.definition())));
    Map<Integer, Integer> weights = new LinkedHashMap<>();
    weights.put(formal, 75);
    weights.put(casual, 25);
    assertThat(engine.createAlias("Greeter", "PROD", weights)).isEqualTo(ARN + ":PROD");

    List<String> greetings = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ExecutionResult r = greeter.start(StartRequest.of(greeter.definition(), "{}").onAlias("PROD")).awaitCompletion();
      assertThat(r.output().orElseThrow().get("machine").asText()).isEqualTo(ARN + ":PROD");
      greetings.add(r.output().orElseThrow().get("greeting").asText());
    }
    assertThat(greetings).contains("Good day", "Hi");
    assertThat(greetings.stream().filter("Good day"::equals).count()).as("the first version takes about 75%").isBetween(22L, 38L);
  }
}

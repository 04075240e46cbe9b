package io.github.sfntest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.sdk.SdkEngine;
import io.github.sfntest.server.SfnServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Engine.publishVersion, Engine.createAlias and StartRequest.onVersion/onAlias, in-process and through the API. */
class VersionsAndAliasesEngineTest {

  static StateMachineDefinition revision(String name) {
    return StateMachineDefinition.of("Order", "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Parameters\":"
        + "{\"revision\":\"" + name + "\",\"id.$\":\"$$.StateMachine.Id\"},\"End\":true}}}");
  }

  static final String ARN = "arn:aws:states:us-east-1:111111111111:stateMachine:Order";

  void versionsAndAliasesRun(Engine engine) {
    assertThat(engine.publishVersion(revision("one"))).isEqualTo(ARN + ":1");
    assertThat(engine.publishVersion(revision("two"))).isEqualTo(ARN + ":2");
    assertThat(engine.publishVersion(revision("two"))).as("the same revision again").isEqualTo(ARN + ":2");
    assertThat(engine.createAlias("Order", "PROD", Map.of(1, 100))).isEqualTo(ARN + ":PROD");

    ExecutionResult onVersion = engine.run(StartRequest.of(revision("two"), "{}").onVersion(1));
    assertThat(onVersion.output().orElseThrow().get("revision").asText()).isEqualTo("one");
    assertThat(onVersion.output().orElseThrow().get("id").asText()).isEqualTo(ARN + ":1");

    ExecutionResult onAlias = engine.run(StartRequest.of(revision("two"), "{}").onAlias("PROD"));
    assertThat(onAlias.output().orElseThrow().get("revision").asText()).isEqualTo("one");
    assertThat(onAlias.output().orElseThrow().get("id").asText()).isEqualTo(ARN + ":PROD");

    ExecutionResult latest = engine.run(StartRequest.of(revision("two"), "{}"));
    assertThat(latest.output().orElseThrow().get("id").asText()).isEqualTo(ARN);
  }

  @Test
  void inProcess() {
    try (Engine engine = Engine.inProcess()) {
      versionsAndAliasesRun(engine);
    }
  }

  @Test
  void throughTheApiWithTheSdkEngine() {
    try (SfnServer server = SfnServer.start(); Engine engine = SdkEngine.forEndpoint(server.endpoint())) {
      versionsAndAliasesRun(engine);
    }
  }

  static List<String> routed(Supplier<Engine> engines) {
    try (Engine engine = engines.get()) {
      engine.publishVersion(revision("one"));
      engine.publishVersion(revision("two"));
      Map<Integer, Integer> weights = new LinkedHashMap<>();
      weights.put(1, 70);
      weights.put(2, 30);
      engine.createAlias("Order", "CANARY", weights);
      List<String> revisions = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        revisions.add(engine.run(StartRequest.of(revision("two"), "{}").onAlias("CANARY")).output().orElseThrow()
            .get("revision").asText());
      }
      return revisions;
    }
  }

  @Test
  void aliasRoutingFollowsTheWeightsAndRepeatsForTheSameSeed() {
    List<String> first = routed(Engine::inProcess);
    assertThat(first).contains("one", "two");
    assertThat(first.stream().filter("one"::equals).count()).isBetween(20L, 39L);
    assertThat(routed(Engine::inProcess)).isEqualTo(first);
  }

  @Test
  void unknownVersionsAndBadAliasesAreClearErrors() {
    try (Engine engine = Engine.inProcess()) {
      engine.publishVersion(revision("one"));
      assertThatThrownBy(() -> engine.run(StartRequest.of(revision("one"), "{}").onVersion(3)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no version 3 (published: 1)");
      assertThatThrownBy(() -> engine.run(StartRequest.of(revision("one"), "{}").onAlias("NOPE")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no alias \"NOPE\"");
      assertThatThrownBy(() -> engine.createAlias("Order", "HALF", Map.of(1, 50)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must add up to 100");
      assertThatThrownBy(() -> engine.createAlias("Order", "7", Map.of(1, 100)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Invalid alias name");
    }
  }
}

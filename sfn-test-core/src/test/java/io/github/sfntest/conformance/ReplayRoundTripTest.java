package io.github.sfntest.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.cli.CaseRunner;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.replay.Divergence;
import io.github.sfntest.replay.RecordedExecution;
import io.github.sfntest.replay.Replay;
import io.github.sfntest.replay.ReplayResult;
import io.github.sfntest.s3.InMemoryS3;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The replay proof on the conformance corpus: for every execution recorded on AWS with a full
 * history, the mocks derived from that history (checked against the case's own {@code mocks.json},
 * which was derived independently), replayed on the case's definition, must reproduce the recorded
 * history as {@code compare.py} judges it (the conformance test's judgement), and the replay's own
 * comparison must find no divergence. Then deliberately changed definitions (a renamed state, a
 * changed ResultPath, a removed Catch) must be reported as diverging at the changed state.
 */
class ReplayRoundTripTest {

  private static final Path RESULTS = Path.of("target", "replay-results");

  private record Case(String id, Path dir, RecordedExecution recording, StateMachineDefinition definition, JsonNode input,
      InMemoryS3 s3, List<String> placeholders, boolean parallelEventsNormalised, boolean driven) {

    Replay replay(StateMachineDefinition changed) {
      // The recording was anonymised with these stand-ins (compare.py treats them as wildcards too).
      Replay replay = Replay.of(changed, recording).withInput(input).withPlaceholders(placeholders);
      return s3 == null ? replay : replay.withS3(s3);
    }
  }

  @TestFactory
  Stream<DynamicNode> recorded_executions_replay_to_their_recording() throws Exception {
    Path corpus = ConformanceTest.locateCorpus();
    if (corpus == null) {
      return Stream.of(DynamicTest.dynamicTest("replay round trip", () -> abort(
          "../shared/conformance is not beside this checkout (set -Dsfntest.conformance.dir): replay round trip skipped")));
    }
    List<Case> cases = loadCases(corpus.resolve("cases"));
    Files.createDirectories(RESULTS);
    Map<String, ReplayResult> replays = new LinkedHashMap<>();
    for (Case c : cases) {
      ReplayResult replay = c.replay(c.definition()).run();
      replays.put(c.id(), replay);
      Files.writeString(RESULTS.resolve(c.id() + ".json"), Json.write(CaseRunner.resultDocument(replay.replayed())));
    }
    Map<String, JsonNode> verdicts = ConformanceTest.harness(corpus).judge(corpus.resolve("cases"), RESULTS);
    Map<String, String> known = ConformanceTest.harness(corpus).knownFailures();

    List<DynamicNode> derivation = new ArrayList<>();
    List<DynamicNode> roundTrip = new ArrayList<>();
    for (Case c : cases) {
      derivation.add(DynamicTest.dynamicTest(c.id(), () -> sameMocksAsTheCase(c)));
      roundTrip.add(DynamicTest.dynamicTest(c.id(), () -> reproduces(c, replays.get(c.id()), verdicts, known)));
    }
    List<DynamicNode> mutations = new ArrayList<>();
    int[] applied = new int[3];
    for (Case c : cases) {
      if (!replays.get(c.id()).matchesRecording() || known.containsKey(c.id())) {
        continue;
      }
      mutation(c, "renamed state", ReplayRoundTripTest::renameFirstTask, Divergence.Kind.PATH, mutations, applied, 0);
      mutation(c, "changed ResultPath", ReplayRoundTripTest::changeResultPath, Divergence.Kind.OUTPUT, mutations, applied, 1);
      mutation(c, "removed Catch", ReplayRoundTripTest::removeUsedCatch, Divergence.Kind.OUTPUT, mutations, applied, 2);
    }
    System.out.printf("Replay round trip: %d recorded executions with history; changed definitions: %d renamed states,"
        + " %d changed ResultPaths, %d removed Catches%n", cases.size(), applied[0], applied[1], applied[2]);
    List<DynamicNode> all = new ArrayList<>();
    all.add(DynamicContainer.dynamicContainer("mocks derived from the history equal the case's mocks.json", derivation));
    all.add(DynamicContainer.dynamicContainer("replay reproduces the recorded history", roundTrip));
    all.add(DynamicContainer.dynamicContainer("changed definitions diverge at the changed state", mutations));
    all.add(DynamicTest.dynamicTest("every kind of change was tried on several recordings", () -> assertThat(List.of(applied[0], applied[1], applied[2]))
        .as("renamed states, changed ResultPaths, removed Catches").allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(5))));
    return all.stream();
  }

  private static List<Case> loadCases(Path cases) throws Exception {
    JsonNode index = Json.parse(Files.readString(cases.resolve("index.json")));
    List<Case> out = new ArrayList<>();
    for (JsonNode entry : index.get("cases")) {
      if (!entry.path("has_events").asBoolean()) {
        continue; // express executions and tests that recorded no history: nothing to replay
      }
      String id = entry.get("id").asText();
      Path dir = cases.resolve(id);
      JsonNode expected = Json.parse(Files.readString(dir.resolve("expected.json")));
      ObjectNode history = Json.NODES.objectNode();
      history.set("events", expected.get("events"));
      RecordedExecution recording = RecordedExecution.parse(id, Json.write(history));
      // The corpus names the machine as the conformance run does: after mocks.json's state machine, else the file.
      String name = Files.isRegularFile(dir.resolve("mocks.json")) ? "SM" : "definition";
      StateMachineDefinition definition = StateMachineDefinition.of(name, Files.readString(dir.resolve("definition.json")));
      // The recorded input is anonymised (placeholders); input.json is what the test really sent.
      JsonNode input = Json.parse(Files.readString(dir.resolve("input.json")));
      List<String> placeholders = new ArrayList<>();
      expected.path("placeholders").forEach(p -> placeholders.add(p.asText()));
      out.add(new Case(id, dir, recording, definition, input, s3Objects(expected), placeholders,
          expected.path("parallel_events_normalised").asBoolean(), !expected.path("driver_actions").isEmpty()));
    }
    return out;
  }

  private static InMemoryS3 s3Objects(JsonNode expected) {
    JsonNode objects = expected.path("s3_objects");
    if (!objects.isArray() || objects.isEmpty()) {
      return null;
    }
    InMemoryS3 s3 = new InMemoryS3();
    for (JsonNode o : objects) {
      JsonNode body = o.path("body");
      String text = body.has("text") ? body.get("text").asText()
          : body.has("json") ? Json.write(body.get("json")) : body.isTextual() ? body.asText() : Json.write(body);
      s3.putObject(o.path("bucket").asText(), o.path("key").asText(), text);
    }
    return s3;
  }

  private static void sameMocksAsTheCase(Case c) throws Exception {
    Path mocks = c.dir().resolve("mocks.json");
    if (!Files.isRegularFile(mocks)) {
      assertThat(c.recording().hasTaskAnswers())
          .as("%s has no mocks.json, so its history should hold no integration answer", c.id()).isFalse();
      return;
    }
    assertThat(Json.parse(c.recording().toMockConfigFile("SM", "Case")))
        .as("MockConfigFile derived from the history of %s", c.id())
        .isEqualTo(Json.parse(Files.readString(mocks)));
  }

  private static void reproduces(Case c, ReplayResult replay, Map<String, JsonNode> verdicts, Map<String, String> known) {
    assumeTrue(verdicts != null, "python3 is not available to run compare.py: replay results written to " + RESULTS);
    JsonNode report = verdicts.get(c.id());
    if (report == null) {
      fail("compare.py gave no verdict for " + c.id());
    }
    boolean passed = report.path("result").asText().startsWith("PASS");
    if (known.containsKey(c.id())) {
      // The conformance run itself cannot pass these: the reason is the engine's, not the derivation's.
      abort("not applicable (a known conformance failure): " + known.get(c.id()));
    }
    if (c.driven()) {
      // The recording's test acted on the running execution (StopExecution...): batch does that
      // too, a replay of mocks cannot.
      abort("not applicable: the recording's test performed driver actions on the running execution");
    }
    if (!passed) {
      StringBuilder message = new StringBuilder(c.id() + ": the replay differs from the AWS recording:");
      report.path("diffs").forEach(d -> message.append("\n  - ").append(d.asText()));
      fail(message.toString());
    }
    if (c.parallelEventsNormalised()) {
      // compare.py mirrors LocalStack's rewrite of these Parallel blocks (events dropped, ids zeroed) and passes
      // them; the replay's own comparison reads histories as AWS writes them, which these recordings no longer are.
      return;
    }
    assertThat(replay.divergence()).as("the replay's own comparison of %s:%n%s", c.id(), replay.report()).isEmpty();
  }

  // ---- changed definitions

  private record Change(String state, String definition) {}

  private static void mutation(Case c, String what, Function<Case, Change> change, Divergence.Kind kind,
      List<DynamicNode> tests, int[] applied, int slot) {
    Change changed = change.apply(c);
    if (changed == null) {
      return;
    }
    applied[slot]++;
    tests.add(DynamicTest.dynamicTest(c.id() + " / " + what + " \"" + changed.state() + "\"", () -> {
      ReplayResult replay = c.replay(StateMachineDefinition.of(c.definition().name(), changed.definition())).run();
      assertThat(replay).divergesAt(changed.state()).divergesIn(kind);
    }));
  }

  /** The first top-level Task state the recording entered, renamed (every transition to it follows). */
  private static Change renameFirstTask(Case c) {
    ObjectNode definition = (ObjectNode) Json.parse(c.definition().toJson());
    String target = firstVisitedTopLevel(c, definition, s -> "Task".equals(s.path("Type").asText()));
    if (target == null) {
      return null;
    }
    String renamed = target + "Renamed";
    ObjectNode states = (ObjectNode) definition.get("States");
    ObjectNode copy = Json.NODES.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = states.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      copy.set(e.getKey().equals(target) ? renamed : e.getKey(), e.getValue());
    }
    definition.set("States", copy);
    if (definition.path("StartAt").asText().equals(target)) {
      definition.put("StartAt", renamed);
    }
    copy.forEach(state -> retarget(state, target, renamed));
    return new Change(target, Json.write(definition));
  }

  private static void retarget(JsonNode node, String from, String to) {
    if (node instanceof ObjectNode object) {
      for (String key : List.of("Next", "Default")) {
        if (object.path(key).asText().equals(from)) {
          object.put(key, to);
        }
      }
      for (String key : List.of("Catch", "Choices")) {
        object.path(key).forEach(item -> retarget(item, from, to));
      }
    }
  }

  /** A JSONPath Task state the recording left after a success, given a ResultPath that adds a field. */
  private static Change changeResultPath(Case c) {
    ObjectNode definition = (ObjectNode) Json.parse(c.definition().toJson());
    if ("JSONata".equals(definition.path("QueryLanguage").asText())) {
      return null;
    }
    Map<String, List<JsonNode>> answers = answers(c);
    String target = firstVisitedTopLevel(c, definition, s -> "Task".equals(s.path("Type").asText())
        && !s.has("QueryLanguage") && !s.has("OutputPath") && !s.has("ResultPath"));
    if (target == null || !answers.containsKey(target) || answers.get(target).size() != 1
        || !answers.get(target).get(0).has("Return") || !c.recording().visitedStates().contains(target)) {
      return null;
    }
    ((ObjectNode) definition.get("States").get(target)).put("ResultPath", "$.replayProbe");
    return new Change(target, Json.write(definition));
  }

  /** A top-level Task state whose recorded last attempt failed and was caught: its Catch removed. */
  private static Change removeUsedCatch(Case c) {
    ObjectNode definition = (ObjectNode) Json.parse(c.definition().toJson());
    Map<String, List<JsonNode>> answers = answers(c);
    List<String> path = c.recording().visitedStates();
    for (int i = 0; i + 1 < path.size(); i++) {
      String name = path.get(i);
      JsonNode state = definition.path("States").path(name);
      if (!"Task".equals(state.path("Type").asText()) || !state.has("Catch")) {
        continue;
      }
      List<JsonNode> given = answers.getOrDefault(name, List.of());
      String next = path.get(i + 1);
      boolean caught = !given.isEmpty() && given.get(given.size() - 1).has("Throw")
          && state.path("Catch").findValuesAsText("Next").contains(next) && !next.equals(name);
      if (caught && path.indexOf(name) == i && path.lastIndexOf(name) == i) {
        ((ObjectNode) state).remove("Catch");
        pruneUnreachable(definition);
        return new Change(name, Json.write(definition));
      }
    }
    return null;
  }

  /** Removes the states nothing leads to any more (the removed Catch's handlers), as a developer would. */
  private static void pruneUnreachable(ObjectNode definition) {
    ObjectNode states = (ObjectNode) definition.get("States");
    java.util.Set<String> reachable = new java.util.HashSet<>();
    java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(definition.path("StartAt").asText()));
    while (!todo.isEmpty()) {
      String name = todo.pop();
      if (!reachable.add(name) || !states.has(name)) {
        continue;
      }
      JsonNode state = states.get(name);
      List<JsonNode> targets = new ArrayList<>(List.of(state.path("Next"), state.path("Default")));
      state.path("Catch").forEach(c -> targets.add(c.path("Next")));
      state.path("Choices").forEach(c -> targets.add(c.path("Next")));
      targets.stream().filter(JsonNode::isTextual).forEach(t -> todo.push(t.asText()));
    }
    List<String> names = new ArrayList<>();
    states.fieldNames().forEachRemaining(names::add);
    names.stream().filter(n -> !reachable.contains(n)).forEach(states::remove);
  }

  private static String firstVisitedTopLevel(Case c, JsonNode definition, java.util.function.Predicate<JsonNode> kind) {
    JsonNode states = definition.path("States");
    for (String name : c.recording().visitedStates()) {
      if (states.has(name) && kind.test(states.get(name)) && c.recording().visitedStates().stream()
          .filter(name::equals).count() == 1) {
        return name;
      }
    }
    return null;
  }

  private static Map<String, List<JsonNode>> answers(Case c) {
    Map<String, List<JsonNode>> out = new LinkedHashMap<>();
    JsonNode file = Json.parse(c.recording().toMockConfigFile("SM", "Case"));
    file.path("MockedResponses").properties().iterator().forEachRemaining(e -> {
      List<JsonNode> list = new ArrayList<>();
      e.getValue().forEach(list::add);
      out.put(e.getKey().substring("Mock_".length()), list);
    });
    return out;
  }
}

package io.github.sfntest.samples.aslfeatures;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.history.HistoryEventType.MAP_ITERATION_FAILED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.testing.StateMachineUnderTest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The "PetCreator" ASL demo of aws-samples "demo-asl-features": no service calls, only Pass states,
 * a Map with a compound Choice, intrinsic functions ({@code States.Format}, {@code States.Array},
 * {@code States.JsonToString}, {@code States.StringToJson}), the context object and JSONPath
 * filters, deep scans and wildcards. Nothing to mock: every test checks what the language does.
 *
 * <p>The expected outputs are derived by hand from the ASL specification; {@code $..age} lists the
 * ages in document order (Jayway JSONPath, which the upstream SOURCE.md flags as
 * implementation-specific).
 */
@StateMachineTest(definition = "asl-features-intrinsics/asl-demo-pet-creator.asl.json", name = "AslDemo",
    startTime = "2024-01-01T00:00:00Z")
class PetCreatorTest {

  static final String CATS_YOUNG = """
      [{"species": "cat", "age": 2, "createdBy": "Create Cat"}, {"species": "cat", "age": 4, "createdBy": "Create Cat"}]""";
  static final String CATS_OLD = """
      [{"species": "cat", "age": 6, "createdBy": "Create Cat"}, {"species": "cat", "age": 8, "createdBy": "Create Cat"},
       {"species": "cat", "age": 10, "createdBy": "Create Cat"}]""";
  static final String DOGS_YOUNG = """
      [{"species": "dog", "age": 1, "createdBy": "Create Dog"}, {"species": "dog", "age": 3, "createdBy": "Create Dog"}]""";
  static final String DOGS_OLD = """
      [{"species": "dog", "age": 5, "createdBy": "Create Dog"}, {"species": "dog", "age": 7, "createdBy": "Create Dog"},
       {"species": "dog", "age": 9, "createdBy": "Create Dog"}]""";
  static final String GROUPED = "{\"cats\": {\"young\": " + CATS_YOUNG + ", \"old\": " + CATS_OLD + "},"
      + " \"dogs\": {\"young\": " + DOGS_YOUNG + ", \"old\": " + DOGS_OLD + "}}";

  static final ObjectMapper JSON = new ObjectMapper();

  StateMachineUnderTest petCreator;

  /** The whole machine: ten pets, grouped, their ages collected twice, flattened again. */
  @Test
  void createsTenPetsAndGroupsThemWithJsonPath() {
    ExecutionResult result = petCreator.run("{}");

    assertThat(result).succeeded()
        .visitedInOrder("Generate startup log message using States.Format and Context Object",
            "Generate an array using States.Array",
            "Convert the array to JSON string using States.JsonToString",
            "Convert JSON string bagk to array using Stats.StringToJson", // sic, as upstream
            "Create Pets",
            "Create separate list of cats and dogs using JSONPath Expressions",
            "Add array of unique ages using JSONPath Expression",
            "Recreate Pet List Using JSONPath Expression")
        .took(Duration.ZERO)
        .hasOutput("{\"uniqueAges\": [2, 4, 6, 8, 10, 1, 3, 5, 7, 9], \"groupedPets\": " + GROUPED + ","
            + " \"flattenedPets\": " + concat(CATS_YOUNG, CATS_OLD, DOGS_YOUNG, DOGS_OLD)
            + "}");
  }

  /** JSON arrays joined into one. */
  static String concat(String... arrays) {
    return "[" + String.join(", ", Arrays.stream(arrays).map(a -> a.strip().substring(1, a.strip().length() - 1)).toList()) + "]";
  }

  /** States.Format with the context object: the machine's name, the start time and the role. */
  @Test
  void startupMessageFormatsTheContextObject() {
    ExecutionResult result = petCreator.run("{}");

    String message = result.history().visitsOf("Generate startup log message using States.Format and Context Object")
        .get(0).output().orElseThrow().get("startupLogMessage").asText();
    assertThat(message)
        .startsWith("Starting execution of AslDemo at 2024-01-01T00:00:00")
        .containsPattern(" with role of arn:aws:iam::\\d{12}:role/\\S+$");
  }

  /** The intrinsics round trip: an array, its JSON text, the array again. */
  @Test
  void arraySurvivesTheJsonStringRoundTrip() {
    ExecutionResult result = petCreator.run("{}");

    assertThat(result).state("Generate an array using States.Array").hasOutput("{\"myArray\": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}");
    assertThat(result).state("Convert the array to JSON string using States.JsonToString")
        .hasOutput("{\"mySerializedArray\": \"[1,2,3,4,5,6,7,8,9,10]\"}");
    assertThat(result).state("Convert JSON string bagk to array using Stats.StringToJson")
        .hasOutput("{\"myArray\": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}");
  }

  /** The Map: odd ages become dogs, even ones cats; $$.State.Name says which Pass state made each. */
  @Test
  void mapTurnsOddAgesIntoDogsAndEvenAgesIntoCats() throws Exception {
    ExecutionResult result = petCreator.run("{}");

    assertThat(result).state("Create Pets").hasIterations(10).allIterationsSucceeded();
    assertThat(result).state("Create Dog").wasEnteredTimes(5);
    assertThat(result).state("Create Cat").wasEnteredTimes(5);
    JsonNode pets = result.history().visitsOf("Create Pets").get(0).output().orElseThrow().get("pets");
    assertThat(pets).hasSize(10);
    assertThat(pets.get(0)).isEqualTo(JSON.readTree("{\"species\": \"dog\", \"age\": 1, \"createdBy\": \"Create Dog\"}"));
    assertThat(pets.get(1)).isEqualTo(JSON.readTree("{\"species\": \"cat\", \"age\": 2, \"createdBy\": \"Create Cat\"}"));
    assertThat(result).state("Create separate list of cats and dogs using JSONPath Expressions").hasOutput(GROUPED);
  }

  /**
   * Never reachable from the start (States.Array always makes 1..10), so tested from the Map on:
   * a derived definition starts at "Create Pets" with a list of our own. 11 and 13 are dogs
   * (greater than 10); "two" is not numeric, matches no rule, and the Choice has no Default: States.NoChoiceMatched fails the
   * iteration, the Map and the execution.
   */
  @Test
  void nonNumericItemFailsTheMapWithNoChoiceMatched() throws Exception {
    ObjectNode json = (ObjectNode) JSON.readTree(petCreator.definition().toJson());
    ObjectNode states = (ObjectNode) json.get("States");
    states.remove(List.of("Generate startup log message using States.Format and Context Object",
        "Generate an array using States.Array", "Convert the array to JSON string using States.JsonToString",
        "Convert JSON string bagk to array using Stats.StringToJson"));
    json.put("StartAt", "Create Pets");
    StateMachineDefinition fromTheMap = StateMachineDefinition.of("AslDemoFromTheMap", json.toString());

    ExecutionResult dogs = petCreator.start(StartRequest.of(fromTheMap, "{\"myArray\": [11, 13]}")).awaitCompletion();
    assertThat(dogs).succeeded().hasOutputAt("$.uniqueAges", "[11, 13]");
    assertThat(dogs).state("Create Dog").wasEnteredTimes(2);

    ExecutionResult result = petCreator.start(StartRequest.of(fromTheMap, "{\"myArray\": [1, \"two\", 2]}")).awaitCompletion();
    assertThat(result).failedWith("States.NoChoiceMatched").didNotVisit("Create separate list of cats and dogs using JSONPath Expressions");
    assertThat(result).state("Create Pets").failedWith("States.NoChoiceMatched");
    assertThat(result).events().ofType(MAP_ITERATION_FAILED).hasSize(1);
  }
}

package io.github.sfntest.samples.aslfeatures

import static io.github.sfntest.engine.ExecutionStatus.FAILED
import static io.github.sfntest.engine.ExecutionStatus.SUCCEEDED

import com.fasterxml.jackson.databind.ObjectMapper
import io.github.sfntest.definition.StateMachineDefinition
import io.github.sfntest.engine.StartRequest
import io.github.sfntest.spock.StateMachineTest
import io.github.sfntest.testing.StateMachineUnderTest
import spock.lang.Specification

/**
 * The "PetCreator" ASL demo (asl-features-intrinsics/README.md), loaded from the YAML form the SAM
 * template holds it in: the same machine as the JSON file, so the same pets. No mocks, no services;
 * the spec checks what intrinsics, the context object, Choice rules and JSONPath do.
 */
@StateMachineTest(definition = 'asl-features-intrinsics/asl-demo-pet-creator.asl.yaml', name = 'AslDemo')
class PetCreatorSpec extends Specification {

  static final ObjectMapper MAPPER = new ObjectMapper()

  StateMachineUnderTest petCreator

  def "ten pets: odd ages are dogs, even ones cats, grouped young (< 5) and old with JSONPath filters"() {
    when:
    def result = petCreator.run([:])

    then:
    result.status == SUCCEEDED
    with(result.output) {
      uniqueAges == [2, 4, 6, 8, 10, 1, 3, 5, 7, 9]
      groupedPets.cats.young*.age == [2, 4]
      groupedPets.cats.old*.age == [6, 8, 10]
      groupedPets.dogs.young*.age == [1, 3]
      groupedPets.dogs.old*.age == [5, 7, 9]
      flattenedPets*.age == [2, 4, 6, 8, 10, 1, 3, 5, 7, 9]
      flattenedPets.every { it.createdBy == (it.species == 'dog' ? 'Create Dog' : 'Create Cat') }
    }
  }

  def "States.Format writes the context object into the startup message"() {
    when:
    def result = petCreator.run([:])
    def message = result.history.visitsOf('Generate startup log message using States.Format and Context Object')
        .first().output().get().get("startupLogMessage").asText()

    then:
    message.startsWith("Starting execution of AslDemo at ${result.startDate().toString().replace('Z', '')}")
    message =~ / with role of arn:aws:iam::\d{12}:role\/\S+$/
  }

  def "from the Map on, item #item becomes #outcome"() {
    given: 'a definition that starts at the Map, since States.Array always makes 1..10'
    def json = MAPPER.readValue(petCreator.definition().toJson(), Map)
    ['Generate startup log message using States.Format and Context Object', 'Generate an array using States.Array',
     'Convert the array to JSON string using States.JsonToString',
     'Convert JSON string bagk to array using Stats.StringToJson'].each { json.States.remove(it) }
    json.StartAt = 'Create Pets'
    def fromTheMap = StateMachineDefinition.of('AslDemoFromTheMap', MAPPER.writeValueAsString(json))

    when:
    def result = petCreator.start(StartRequest.of(fromTheMap, MAPPER.writeValueAsString([myArray: [item]]))).awaitCompletion()

    then:
    result.status == status
    result.error == error
    status == FAILED || result.output.uniqueAges == [item]
    status == FAILED || result.output.flattenedPets*.species == [outcome]

    where:
    item  || status    | outcome                | error
    11    || SUCCEEDED | 'dog'                  | null
    7     || SUCCEEDED | 'dog'                  | null
    4     || SUCCEEDED | 'cat'                  | null
    12    || SUCCEEDED | 'dog'                  | null   // NumericGreaterThan 10
    'two' || FAILED    | 'States.NoChoiceMatched' | 'States.NoChoiceMatched'
  }
}

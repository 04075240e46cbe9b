package io.github.sfntest.spock

import io.github.sfntest.definition.StateMachineDefinition
import io.github.sfntest.engine.StartRequest
import io.github.sfntest.testing.StateMachineUnderTest
import spock.lang.Specification

/**
 * Versions and aliases through the Spock extension: two revisions of the machine under test are
 * published and an alias routes between them by weight.
 */
@StateMachineTest(definition = 'versions/greeter.asl.json', name = 'Greeter')
class VersionsAndAliasesAnnotationSpec extends Specification {

  static final String ARN = 'arn:aws:states:us-east-1:111111111111:stateMachine:Greeter'

  static StateMachineDefinition casual(StateMachineDefinition formal) {
    StateMachineDefinition.of('Greeter', formal.sourceText().replace('Good day', 'Hi'))
  }

  static int version(String versionArn) {
    versionArn.substring(versionArn.lastIndexOf(':') + 1) as int
  }

  def "a version runs its own revision and names itself in the context object"(StateMachineUnderTest greeter) {
    given:
    def formalArn = greeter.engine().publishVersion(greeter.definition())
    def casualArn = greeter.engine().publishVersion(casual(greeter.definition()))

    when:
    def formal = greeter.start(StartRequest.of(greeter.definition(), '{}').onVersion(version(formalArn))).awaitCompletion()
    def casual = greeter.start(StartRequest.of(greeter.definition(), '{}').onVersion(version(casualArn))).awaitCompletion()

    then:
    formalArn.startsWith(ARN + ':')
    formal.output().orElseThrow().get('greeting').asText() == 'Good day'
    formal.output().orElseThrow().get('machine').asText() == formalArn
    casual.output().orElseThrow().get('greeting').asText() == 'Hi'
    casual.output().orElseThrow().get('machine').asText() == casualArn
  }

  def "an alias routes by its weights"(StateMachineUnderTest greeter) {
    given:
    def formal = version(greeter.engine().publishVersion(greeter.definition()))
    def casual = version(greeter.engine().publishVersion(casual(greeter.definition())))
    def weights = new LinkedHashMap<Integer, Integer>()
    weights[formal] = 75
    weights[casual] = 25

    expect:
    greeter.engine().createAlias('Greeter', 'PROD', weights) == ARN + ':PROD'

    when:
    def results = (1..40).collect {
      greeter.start(StartRequest.of(greeter.definition(), '{}').onAlias('PROD')).awaitCompletion().output().orElseThrow()
    }

    then:
    results*.get('machine')*.asText().unique() == [ARN + ':PROD']
    def greetings = results*.get('greeting')*.asText()
    greetings.toSet() == ['Good day', 'Hi'] as Set
    greetings.count('Good day') in 22..38
  }
}

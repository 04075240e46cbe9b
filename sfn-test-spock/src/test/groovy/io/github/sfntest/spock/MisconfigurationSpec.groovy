package io.github.sfntest.spock

import org.spockframework.runtime.extension.ExtensionException

/** Misconfigured specs fail with an ExtensionException that says what is wrong and how to fix it. */
class MisconfigurationSpec extends EmbeddedSpecs {

  static final String SALES_LEAD = "definition = 'local-testing/local_testing.asl.json', name = 'LocalTesting'"

  /** The first failure of a misconfigured spec. */
  Throwable firstFailure(String source) {
    def failures = failures(runAllowingFailures(source))
    assert failures, 'the misconfigured spec ran without failure'
    failures.first()
  }

  def "#problem"() {
    when:
    def failure = firstFailure("""
      ${annotations}
      class MisconfiguredSpec extends Specification {
        ${body ?: 'def "a feature"() { expect: true }'}
      }
    """)

    then:
    failure instanceof ExtensionException
    message.each { String expected -> assert failure.message.contains(expected) }

    where:
    problem                                   | annotations                                                                 | body                                                                                            || message
    'no definition'                           | '@StateMachineTest'                                                         | null                                                                                            || ['@StateMachineTest on apackage.MisconfiguredSpec names no state machine definition', "add definition = 'statemachine/my-machine.asl.json'"]
    'missing definition file'                 | "@StateMachineTest(definition = 'examples/does-not-exist.asl.json')"       | null                                                                                            || ['examples/does-not-exist.asl.json']
    'invalid definition'                      | "@StateMachineTest(definition = 'examples/invalid.asl.json')"              | null                                                                                            || ['invalid.asl.json']
    'unknown engine'                          | "@StateMachineTest(definition = 'examples/payment.asl.json', engine = 'stepfunctions-local')" | null                                                         || ['Unknown engine "stepfunctions-local"', 'Known engines: in-process']
    'start time not ISO-8601'                 | "@StateMachineTest(definition = 'examples/payment.asl.json', startTime = 'yesterday')" | null                                                                || ['The startTime "yesterday" in @StateMachineTest on apackage.MisconfiguredSpec is not an ISO-8601 instant', "'2024-01-01T00:00:00Z'"]
    'unknown template resource'               | "@StateMachineTest(template = 'examples/template.yaml', templateResource = 'OrderMachine')" | null                                                           || ['OrderMachine', 'OrderStateMachine']
    'template without its resource'           | "@StateMachineTest(template = 'examples/template.yaml')"                   | null                                                                                            || ["names the template examples/template.yaml but not its state machine: add templateResource = '...', one of [OrderStateMachine]"]
    'substitution without ='                  | "@StateMachineTest(definition = 'examples/payment.asl.json', substitutions = 'NoEqualsSign')" | null                                                         || ['The substitution "NoEqualsSign"', 'not of the form "Name=value"']
    'second machine without definition'       | "@StateMachineTest(definition = 'examples/parent.asl.json', machines = @StateMachine('Payment'))" | null                                                     || ["@StateMachine('Payment') in @StateMachineTest on apackage.MisconfiguredSpec names no definition"]
    'unknown test case'                       | "@StateMachineTest($SALES_LEAD) @MockConfig(file = 'local-testing/MockConfigFile.json')" | "@MockConfig(testCase = 'HappyPath') def 'a feature'() { expect: true }"  || ['HappyPath', 'HappyPathTest']
    'missing MockConfigFile'                  | "@StateMachineTest($SALES_LEAD) @MockConfig(file = 'local-testing/NoSuchMockConfigFile.json', testCase = 'HappyPathTest')" | null                    || ['local-testing/NoSuchMockConfigFile.json']
    'test case without a file'                | "@StateMachineTest($SALES_LEAD)"                                            | "@MockConfig(testCase = 'HappyPathTest') def 'a feature'() { expect: true }"                    || ["@MockConfig(testCase = 'HappyPathTest') on the feature \"a feature\" of MisconfiguredSpec names no MockConfigFile", "add file = 'path/to/MockConfigFile.json'"]
    'unknown state machine of the file'       | "@StateMachineTest($SALES_LEAD) @MockConfig(file = 'local-testing/MockConfigFile.json', testCase = 'HappyPathTest', stateMachine = 'Sales')" | null  || ['no state machine "Sales"', 'LocalTesting']
    'feature @MockConfig without test case'   | "@StateMachineTest($SALES_LEAD) @MockConfig(file = 'local-testing/MockConfigFile.json')" | "@MockConfig def 'a feature'() { expect: true }"                       || ["@MockConfig on the feature \"a feature\" of MisconfiguredSpec names no test case", "MockConfigTestCases.of('local-testing/MockConfigFile.json')"]
    '#variable that is no data variable'      | "@StateMachineTest($SALES_LEAD) @MockConfig(file = 'local-testing/MockConfigFile.json')" | "@MockConfig(testCase = '#testCase') def 'a feature'() { expect: name; where: name << ['x'] }" || ['which has no data variable testCase (its data variables: name)', 'add testCase to its where: block']
    'two test case data values'               | "@StateMachineTest($SALES_LEAD)"                                            | "def 'a feature'() { expect: a; where: a << MockConfigTestCases.of('local-testing/MockConfigFile.json'); b << MockConfigTestCases.of('local-testing/MockConfigFile.json') }" || ['has the MockConfigFile test cases a and b as data variables']
    '@StateMachine on a field of another type' | "@StateMachineTest(definition = 'examples/payment.asl.json')"             | "@StateMachine('payment') String payment; def 'a feature'() { expect: true }"                   || ["The field payment of MisconfiguredSpec is annotated @StateMachine('payment') but is a java.lang.String"]
    '@StateMachine on a parameter of another type' | "@StateMachineTest(definition = 'examples/payment.asl.json')"         | "def 'a feature'(@StateMachine('payment') String payment) { expect: true }"                     || ["The parameter payment of feature \"a feature\" is annotated @StateMachine('payment') but is a java.lang.String"]
    'unknown state machine name on a field'   | "@StateMachineTest(definition = 'examples/payment.asl.json')"              | "@StateMachine('Paymnet') StateMachineUnderTest payment; def 'a feature'() { expect: true }"     || ['No state machine named "Paymnet" is declared. Declared: payment.']
    'unknown state machine name on a parameter' | "@StateMachineTest(definition = 'examples/payment.asl.json')"            | "def 'a feature'(@StateMachine('Paymnet') StateMachineDefinition d) { expect: true }"           || ['No state machine named "Paymnet" is declared. Declared: payment.']
    'shared and per-iteration mocks mixed'    | "@StateMachineTest(definition = 'examples/payment.asl.json')"              | "@Shared MockedResponses mocks; StateMachineUnderTest payment; def 'a feature'() { expect: true }" || ['has the @Shared field mocks and the per-iteration field payment', 'Make them all @Shared']
  }

  def "the system property sfntest.engine wins over the annotation, and the message says where the engine came from"() {
    given:
    System.setProperty('sfntest.engine', 'no-such-engine')

    when:
    def failure = firstFailure('''
      @StateMachineTest(definition = 'examples/payment.asl.json', engine = 'in-process')
      class EngineSpec extends Specification {
        def "a feature"() { expect: true }
      }
    ''')

    then:
    failure instanceof ExtensionException
    failure.message.contains('Unknown engine "no-such-engine" (from the system property sfntest.engine)')

    cleanup:
    System.clearProperty('sfntest.engine')
  }

  def "a bad start time in SpockConfig.groovy"() {
    given:
    runner.configurationScript = { sfnTest { startTime = 'soon' } }

    when:
    def failure = firstFailure('''
      @StateMachineTest(definition = 'examples/payment.asl.json')
      class ConfiguredSpec extends Specification {
        def "a feature"() { expect: true }
      }
    ''')

    then:
    failure instanceof ExtensionException
    failure.message == "The startTime \"soon\" in sfnTest.startTime in SpockConfig.groovy is not an ISO-8601 instant: write it like '2024-01-01T00:00:00Z'."
  }

  def "MockConfigTestCases.of names the state machines when a file has several or not the one asked for"() {
    given:
    def file = File.createTempFile('MockConfigFile', '.json')
    file.text = '''{"StateMachines": {
        "A": {"TestCases": {"One": {}}},
        "B": {"TestCases": {"Two": {}}}},
      "MockedResponses": {}}'''

    when:
    MockConfigTestCases.of(file.path)

    then:
    def several = thrown(IllegalArgumentException)
    several.message.contains('has the state machines A, B: name the one whose test cases to run')

    when:
    MockConfigTestCases.of(file.path, 'C')

    then:
    def unknown = thrown(IllegalArgumentException)
    unknown.message.contains('has no state machine "C". Its state machines: A, B.')

    expect:
    MockConfigTestCases.of(file.path, 'B')*.name == ['Two']

    cleanup:
    file.delete()
  }
}

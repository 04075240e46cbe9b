package io.github.sfntest.spock

import io.github.sfntest.definition.StateMachineDefinition
import io.github.sfntest.engine.Engine
import io.github.sfntest.replay.RecordedExecution
import io.github.sfntest.replay.Replay
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.TempDir

/**
 * Spock's answer to JUnit's {@code @ReplayTest}: a {@code where:} table over {@code
 * RecordedExecution.findAll(...)}, one iteration per history, named after its file through
 * {@code #recording.name}. No annotation is needed; this spec pins the names and that a diverging
 * recording fails only its own iteration.
 */
class ReplayWhereTableSpec extends EmbeddedSpecs {

  static final String GREET = '''
      {"StartAt": "Greet", "States": {
        "Greet": {"Type": "Pass", "Parameters": {"greeting.$": "States.Format('Hello, {}', $.name)"},
                  "ResultPath": "$.out", "End": true}}}'''

  @TempDir
  Path recordings

  def setup() {
    runner.addClassImport(RecordedExecution)
    runner.addClassImport(Replay)
    try (Engine engine = Engine.inProcess()) {
      ['ada', 'grace'].each { name ->
        engine.run(StateMachineDefinition.of('Greeter', GREET), """{"name": "$name"}""").history()
            .writeTo(recordings.resolve("order-${name}.json"))
      }
    }
    Files.writeString(recordings.resolve('notes.txt'), 'not a history')
  }

  def "each recording is an iteration named after its history file"() {
    when:
    def results = runPassing(spec(GREET))

    then:
    succeededNames(results) == ['reproduces order-ada.json', 'reproduces order-grace.json']
  }

  def "a changed definition fails the iteration of each recording it no longer reproduces, by file name"() {
    when:
    def results = runAllowingFailures(spec(GREET.replace('Hello', 'Goodbye')))

    then:
    failedNames(results) == ['reproduces order-ada.json', 'reproduces order-grace.json']
    failures(results)*.message.every { it.contains('Greet') }
  }

  private String spec(String definition) {
    String pattern = recordings.toAbsolutePath().toString().replace('\\', '/') + '/*.json'
    """
      class Replays extends Specification {
        def "reproduces #recording.name"() {
          expect:
          def replay = Replay.of(io.github.sfntest.definition.StateMachineDefinition.of('Greeter', '''${definition}'''),
              recording).run()
          assert replay.matchesRecording(), replay.report()

          where:
          recording << RecordedExecution.findAll('${pattern}')
        }
      }
    """
  }
}

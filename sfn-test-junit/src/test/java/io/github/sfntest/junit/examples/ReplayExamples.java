package io.github.sfntest.junit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.junit.ReplayTest;
import io.github.sfntest.replay.RecordedExecution;
import io.github.sfntest.replay.Replay;
import io.github.sfntest.replay.ReplayResult;

/** Example classes for {@code ReplayTestExtensionTest}; run only through EngineTestKit. */
public final class ReplayExamples {
  private ReplayExamples() {}

  /** Two recordings, replayed on the definition they were recorded with. */
  public static class Matching {
    @ReplayTest(histories = "replay/recordings/*.json", definition = "replay/greeter.asl.json")
    void reproduces(ReplayResult replay) {
      assertThat(replay).matchesRecording();
    }
  }

  /** A changed greeting: each recording's replay diverges at Greet. */
  public static class Changed {
    static final StateMachineDefinition CHANGED = StateMachineDefinition.fromClasspath("replay/greeter.asl.json")
        .withName("greeter");

    @ReplayTest(histories = "replay/recordings/*.json")
    void greets_differently(RecordedExecution recording) {
      String changed = CHANGED.toJson().replace("Hello, {}", "Hi, {}");
      assertThat(Replay.of(StateMachineDefinition.of("greeter", changed), recording).run()).matchesRecording();
    }
  }

  /** A pattern that matches nothing. */
  public static class NoHistories {
    @ReplayTest(histories = "replay/none/*.json")
    void never(RecordedExecution recording) {}
  }

  /** A ReplayResult parameter without a definition. */
  public static class NoDefinition {
    @ReplayTest(histories = "replay/recordings/ada.json")
    void needsDefinition(ReplayResult replay) {}
  }
}

package io.github.sfntest.samples.workshop;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.testing.StateMachineUnderTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Step Functions workshop, module 1: a Wait of {@code $.timer_seconds}, then Succeed. */
@StateMachineTest(definition = "step-functions-workshop/module01-hello-world-timer.asl.json", name = "WorkshopTimer")
class Module01HelloWorldTimerTest {

  StateMachineUnderTest timer;

  /** The workshop's input: the execution waits 5 s (virtual) and succeeds with its input as output. */
  @Test
  void waitsTheGivenSeconds() {
    ExecutionResult result = timer.runWithInputFrom("step-functions-workshop/inputs/module01-input.json");

    assertThat(result).succeeded().hasPath("Wait for Timer", "Success").took(Duration.ofSeconds(5))
        .hasOutput("{\"timer_seconds\": 5}");
  }

  /** Never tested upstream: a non-numeric timer fails the Wait with States.Runtime. */
  @Test
  void aTimerThatIsNotANumberFails() {
    ExecutionResult result = timer.run("{\"timer_seconds\": \"five\"}");

    assertThat(result).failedWith("States.Runtime").endedIn("Wait for Timer").didNotVisit("Success");
  }
}

package io.github.sfntest.assertions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RenderExecutionTest {

  @Test
  void compactRenderingOfAWholeExecution() {
    assertThat(Fixtures.orderFlow().render())
        .isEqualTo(
            """
            Execution "exec-7f3a" of state machine "OrderFlow": FAILED after 3.33s
              error: "States.TaskFailed"
              cause: "Rate exceeded"
            Path:
              Validate -> ChargeCard (failed after 3 attempts: States.TaskFailed) -> HandleError (Fail: States.TaskFailed)
            States:
              Validate  +0ms, took 10ms
              ChargeCard  +10ms, took 3.315s, failed after 3 attempts: States.TaskFailed
              HandleError  +3.325s, took 0ms, Fail: States.TaskFailed""");
  }
}

package io.github.sfntest.testing;

import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.internal.teststate.TestStateRunner;
import io.github.sfntest.teststate.TestStateException;
import io.github.sfntest.teststate.TestStateRequest;
import io.github.sfntest.teststate.TestStateResult;

/**
 * Tests one state at a time, offline, as AWS's TestState API does: one state (alone, or picked by
 * name out of a whole definition) with an input, variables, a context object and a mocked result
 * or error; the answer is the status, the output, the next state, the error and the processing
 * data after each step.
 *
 * <pre>{@code
 * TestStateResult result = StateTester.test(TestStateRequest.builder()
 *     .definition(Files.readString(Path.of("order.asl.json")))
 *     .stateName("IsPriority")
 *     .input("{\"customer\": {\"tier\": \"gold\"}}")
 *     .inspectionLevel(InspectionLevel.DEBUG)
 *     .build());
 * assertThat(result).succeeded().goesTo("ShipExpress");
 * }</pre>
 *
 * <p>Beyond AWS: a Task without a mock can be answered by a {@link io.github.sfntest.mock.TaskHandler}
 * (for example a MockConfigFile test case), and an unmocked Map or Parallel can run its real
 * children ({@link TestStateRequest.Builder#runChildren(boolean)}). The request and result types
 * live in {@link io.github.sfntest.teststate}.
 */
public final class StateTester {

  private StateTester() {}

  /**
   * Tests the request's state with the default engine options.
   *
   * @param request the state, input and mocks
   * @return what AWS's TestState would answer
   * @throws TestStateException where AWS would refuse the request
   */
  public static TestStateResult test(TestStateRequest request) {
    return test(request, EngineOptions.defaults());
  }

  /**
   * Tests the request's state with the given options (account, region, start time, seed).
   *
   * @param request the state, input and mocks
   * @param options the engine options
   * @return what AWS's TestState would answer
   * @throws TestStateException where AWS would refuse the request
   */
  public static TestStateResult test(TestStateRequest request, EngineOptions options) {
    return TestStateRunner.run(request, options);
  }
}

package io.github.sfntest.internal.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.internal.teststate.TestStateRunner;
import io.github.sfntest.internal.teststate.TestStateWire;
import io.github.sfntest.teststate.TestStateException;

/** TestState: the shared single-state runner, answering AWS's response document or AWS's refusal. */
final class TestStateAction {

  private TestStateAction() {}

  static ObjectNode run(Req r, EngineOptions options) {
    try {
      return TestStateWire.response(TestStateRunner.run(TestStateWire.request(r.body()), options));
    } catch (TestStateException e) {
      throw new ApiException(e.getMessage() == null ? "ValidationException" : e.code(), e.getMessage());
    }
  }
}

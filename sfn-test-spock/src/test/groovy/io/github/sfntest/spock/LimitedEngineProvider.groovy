package io.github.sfntest.spock

import io.github.sfntest.engine.Engine
import io.github.sfntest.engine.EngineCapability
import io.github.sfntest.engine.EngineOptions
import io.github.sfntest.engine.EngineProvider
import io.github.sfntest.engine.Execution
import io.github.sfntest.engine.StartRequest

/** A test engine: in-process, but without Map Run results, like an engine over the API. */
class LimitedEngineProvider implements EngineProvider {

  String id() { 'limited' }

  Engine create(EngineOptions options) {
    Engine inProcess = Engine.inProcess(options)
    new Engine() {
      Execution start(StartRequest request) { inProcess.start(request) }

      Set<EngineCapability> capabilities() { EnumSet.allOf(EngineCapability) - EngineCapability.MAP_RUN_RESULTS }

      EngineOptions options() { options }

      void close() { inProcess.close() }
    }
  }
}

package io.github.sfntest.junit.examples;

import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.EngineCapability;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.engine.EngineProvider;
import io.github.sfntest.engine.Execution;
import io.github.sfntest.engine.StartRequest;
import java.util.EnumSet;
import java.util.Set;

/** A test engine: in-process, but without Map Run results, like an engine over the API. */
public final class LimitedEngineProvider implements EngineProvider {

  @Override
  public String id() {
    return "limited";
  }

  @Override
  public Engine create(EngineOptions options) {
    Engine inProcess = Engine.inProcess(options);
    return new Engine() {
      @Override
      public Execution start(StartRequest request) {
        return inProcess.start(request);
      }

      @Override
      public Set<EngineCapability> capabilities() {
        Set<EngineCapability> all = EnumSet.allOf(EngineCapability.class);
        all.remove(EngineCapability.MAP_RUN_RESULTS);
        return all;
      }

      @Override
      public EngineOptions options() {
        return options;
      }

      @Override
      public void close() {
        inProcess.close();
      }
    };
  }
}

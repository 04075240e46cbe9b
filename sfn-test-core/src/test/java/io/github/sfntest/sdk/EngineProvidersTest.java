package io.github.sfntest.sdk;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.engine.EngineProvider;
import io.github.sfntest.engine.StartRequest;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EngineProvidersTest {

  @Test
  void providersAreFoundByServiceLoader() {
    Map<String, EngineProvider> providers = ServiceLoader.load(EngineProvider.class).stream()
        .map(ServiceLoader.Provider::get).collect(Collectors.toMap(EngineProvider::id, p -> p));
    org.assertj.core.api.Assertions.assertThat(providers).containsKeys("sdk", "container");
  }

  @Test
  void sdkProviderWithoutAnEndpointStartsOneInThisJvm() {
    EngineProvider sdk = ServiceLoader.load(EngineProvider.class).stream().map(ServiceLoader.Provider::get)
        .filter(p -> p.id().equals("sdk")).findFirst().orElseThrow();
    try (Engine engine = sdk.create(EngineOptions.defaults())) {
      org.assertj.core.api.Assertions.assertThat(engine).isInstanceOf(SdkEngine.class);
      assertThat(engine.run(StateMachineDefinition.of("{\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"Succeed\"}}}"), "{}"))
          .succeeded();
    }
    org.assertj.core.api.Assertions.assertThat(SdkEngineProvider.sharedServer(EngineOptions.defaults()).endpoint().getHost())
        .isEqualTo("127.0.0.1");
  }
}

package io.github.sfntest.junit;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.replay.RecordedExecution;
import io.github.sfntest.replay.Replay;
import io.github.sfntest.replay.ReplayResult;
import io.github.sfntest.testing.TestResource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/** The invocations of {@link ReplayTest @ReplayTest}: one per recorded history. */
final class ReplayTestExtension implements TestTemplateInvocationContextProvider {

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, ReplayTest.class)).orElse(false);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
    ReplayTest config = AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), ReplayTest.class).orElseThrow();
    StateMachineDefinition definition = config.definition().isBlank() ? null : definition(config);
    List<RecordedExecution> recordings;
    try {
      recordings = RecordedExecution.findAll(config.histories());
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException("@ReplayTest(histories = \"" + config.histories() + "\"): " + e.getMessage(), e);
    }
    return recordings.stream().map(recording -> new Invocation(recording, definition, config));
  }

  private static StateMachineDefinition definition(ReplayTest config) {
    Map<String, String> substitutions = new HashMap<>();
    for (String kv : config.substitutions()) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new ExtensionConfigurationException("@ReplayTest substitution \"" + kv + "\" is not KEY=VALUE");
      }
      substitutions.put(kv.substring(0, eq), kv.substring(eq + 1));
    }
    try {
      TestResource resource = TestResource.read(config.definition(), "definition");
      String name = resource.fileName().replaceFirst("(\\.asl)?\\.(json|ya?ml)$", "");
      return StateMachineDefinition.of(name, resource.text()).withSubstitutions(substitutions);
    } catch (IllegalArgumentException | io.github.sfntest.definition.InvalidDefinitionException e) {
      throw new ExtensionConfigurationException("@ReplayTest(definition = \"" + config.definition() + "\"): "
          + e.getMessage(), e);
    }
  }

  private record Invocation(RecordedExecution recording, StateMachineDefinition definition, ReplayTest config)
      implements TestTemplateInvocationContext, ParameterResolver {

    @Override
    public String getDisplayName(int invocationIndex) {
      return recording.name();
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
      return List.of(this);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      Class<?> type = parameter.getParameter().getType();
      return type == RecordedExecution.class || type == ReplayResult.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      if (parameter.getParameter().getType() == RecordedExecution.class) {
        return recording;
      }
      if (definition == null) {
        throw new ExtensionConfigurationException("A ReplayResult parameter needs the definition to replay on:"
            + " @ReplayTest(histories = \"" + config.histories() + "\", definition = \"<file>.asl.json\"), or take"
            + " the RecordedExecution and run Replay.of(definition, recording)");
      }
      return Replay.of(definition, recording).ignoringFields(config.ignoreFields()).run();
    }
  }
}

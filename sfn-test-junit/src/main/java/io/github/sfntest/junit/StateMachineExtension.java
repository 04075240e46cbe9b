package io.github.sfntest.junit;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.mock.MockConfigFile;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.testing.StateMachineSource;
import io.github.sfntest.testing.StateMachineUnderTest;
import io.github.sfntest.testing.TestConfigurationException;
import io.github.sfntest.testing.TestRun;
import io.github.sfntest.testing.TestSession;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The JUnit 5 extension behind {@link StateMachineTest @StateMachineTest}. Register it yourself
 * for programmatic setup:
 *
 * <pre>{@code
 * class OrderFlowTest {
 *   @RegisterExtension
 *   static StateMachineExtension sfn = StateMachineExtension.builder()
 *       .definition("statemachine/order.asl.json")
 *       .substitution("ChargeFunctionArn", "arn:aws:lambda:us-east-1:111111111111:function:charge")
 *       .startTime(Instant.parse("2025-03-01T09:00:00Z"))
 *       .build();
 *
 *   @Test
 *   void charges(StateMachineUnderTest orderFlow, MockedResponses mocks) { ... }
 * }
 * }</pre>
 *
 * <p>Per test class it loads and validates the definitions and selects the engine; per test it
 * makes a fresh engine (in-process; shared per class for expensive engines) and fresh mocks, applies {@link MockConfig @MockConfig}, and injects parameters and
 * instance fields of type {@link StateMachineUnderTest}, {@link MockedResponses}, {@link Engine} and
 * {@link StateMachineDefinition}. When a test fails it prints the history summary of the
 * executions the test started and publishes it as the report entry {@value #REPORT_KEY}. All state
 * is kept in JUnit's extension stores, so test classes and methods may run in parallel.
 */
public final class StateMachineExtension
    implements BeforeAllCallback, BeforeEachCallback, ParameterResolver, TestWatcher,
        TestTemplateInvocationContextProvider {

  /** The configuration parameter (or system property) that turns the failure report off when "false". */
  public static final String PRINT_HISTORY_PROPERTY = "sfntest.printHistoryOnFailure";

  /** The key of the report entry holding the history summary of a failed test. */
  public static final String REPORT_KEY = "sfn-test.history";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(StateMachineExtension.class);
  private static final String SESSION = "session";
  private static final String RUN = "run";

  private static final Set<Class<?>> INJECTABLE =
      Set.of(StateMachineUnderTest.class, MockedResponses.class, Engine.class, StateMachineDefinition.class);

  private final Builder config;

  /** The extension as {@code @StateMachineTest} registers it: configured by the annotation. */
  public StateMachineExtension() {
    this.config = null;
  }

  private StateMachineExtension(Builder config) {
    this.config = config;
  }

  public static Builder builder() {
    return new Builder();
  }

  // ---- lifecycle

  @Override
  public void beforeAll(ExtensionContext context) {
    session(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    TestRun run = run(context);
    Method method = context.getRequiredTestMethod();
    requireCapabilities(context, run, method);
    if (!AnnotationSupport.isAnnotated(method, MockConfigTestCases.class)) {
      applyMockConfig(context, run, method);
    }
    checkParameters(method, run.session());
    injectFields(context, run);
  }

  /** Skips the test, saying why, when the selected engine lacks a capability it requires. */
  private static void requireCapabilities(ExtensionContext context, TestRun run, Method method) {
    java.util.Set<io.github.sfntest.engine.EngineCapability> required =
        java.util.EnumSet.noneOf(io.github.sfntest.engine.EngineCapability.class);
    AnnotationSupport.findAnnotation(method, RequiresCapability.class).ifPresent(r -> required.addAll(List.of(r.value())));
    AnnotationSupport.findAnnotation(context.getRequiredTestClass(), RequiresCapability.class)
        .ifPresent(r -> required.addAll(List.of(r.value())));
    if (required.isEmpty()) {
      return;
    }
    java.util.Set<io.github.sfntest.engine.EngineCapability> missing = java.util.EnumSet.copyOf(required);
    missing.removeAll(run.engine().capabilities());
    if (!missing.isEmpty()) {
      throw new org.opentest4j.TestAbortedException("Skipped: the engine \"" + run.session().engineId()
          + "\" lacks " + missing + ", which this test requires (@RequiresCapability)");
    }
  }

  private void applyMockConfig(ExtensionContext context, TestRun run, Method method) {
    Optional<MockConfig> onMethod = AnnotationSupport.findAnnotation(method, MockConfig.class);
    Optional<MockConfig> onClass = classAnnotation(context, MockConfig.class);
    String file = first(onMethod.map(MockConfig::file), onClass.map(MockConfig::file),
        Optional.ofNullable(config).map(c -> c.mockConfigFile));
    String testCase = first(onMethod.map(MockConfig::testCase), onClass.map(MockConfig::testCase),
        Optional.ofNullable(config).map(c -> c.mockConfigTestCase));
    String stateMachine = first(onMethod.map(MockConfig::stateMachine), onClass.map(MockConfig::stateMachine),
        Optional.ofNullable(config).map(c -> c.mockConfigStateMachine));
    if (testCase.isEmpty()) {
      if (onMethod.isPresent()) {
        throw new ExtensionConfigurationException("@MockConfig on " + describe(method) + " names no test case: add"
            + " testCase = \"...\" (one of the test cases of " + (file.isEmpty() ? "the MockConfigFile" : file)
            + "), or use @MockConfigTestCases to run every test case.");
      }
      return;
    }
    if (file.isEmpty()) {
      throw new ExtensionConfigurationException("@MockConfig(testCase = \"" + testCase + "\") on "
          + (onMethod.isPresent() ? describe(method) : context.getRequiredTestClass().getName())
          + " names no MockConfigFile: add file = \"path/to/MockConfigFile.json\" here or in a @MockConfig on the class.");
    }
    configured(() -> run.useMockConfig(file, stateMachine, testCase));
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    RunResource resource = context.getStore(NAMESPACE).get(RUN, RunResource.class);
    TestRun run = resource == null ? null : resource.run;
    if (run == null || !printHistory(context)) {
      return;
    }
    String summary = run.historySummary();
    if (summary.isEmpty()) {
      return;
    }
    System.out.println("sfn-test: " + context.getDisplayName() + " failed; what its executions did:\n" + summary);
    context.publishReportEntry(REPORT_KEY, summary);
  }

  private static boolean printHistory(ExtensionContext context) {
    return context.getConfigurationParameter(PRINT_HISTORY_PROPERTY)
        .or(() -> Optional.ofNullable(System.getProperty(PRINT_HISTORY_PROPERTY)))
        .map(v -> !v.trim().equalsIgnoreCase("false"))
        .orElse(true);
  }

  // ---- parameters

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    Parameter parameter = parameterContext.getParameter();
    return INJECTABLE.contains(parameter.getType()) || parameterContext.isAnnotated(StateMachine.class);
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
    Parameter parameter = parameterContext.getParameter();
    Optional<StateMachine> qualifier = parameterContext.findAnnotation(StateMachine.class);
    String where = "parameter " + parameter.getName() + " of " + parameterContext.getDeclaringExecutable();
    try {
      return resolve(parameter.getType(), qualifier, context, where);
    } catch (ExtensionConfigurationException | TestConfigurationException e) {
      throw new ParameterResolutionException(e.getMessage(), e);
    }
  }

  private Object resolve(Class<?> type, Optional<StateMachine> qualifier, ExtensionContext context, String where) {
    checkType(type, qualifier, where);
    TestSession session = session(context);
    String name = qualifier.map(StateMachine::value).orElse(null);
    if (type == Engine.class && context.getTestMethod().isEmpty()) {
      return session.engine();
    }
    if (type == StateMachineDefinition.class) {
      return configured(() -> name == null ? session.definition() : session.definition(name));
    }
    if (context.getTestMethod().isEmpty()) {
      throw new ExtensionConfigurationException("The " + where + " is a " + type.getSimpleName()
          + ", which belongs to one test: inject it into test methods, @BeforeEach/@AfterEach methods or instance"
          + " fields, not into constructors or @BeforeAll methods of a class with a per-class lifecycle.");
    }
    TestRun run = run(context);
    if (type == MockedResponses.class) {
      return run.mocks();
    }
    if (type == Engine.class) {
      return run.engine();
    }
    return configured(() -> name == null ? run.machine() : run.machine(name));
  }

  private static void checkType(Class<?> type, Optional<StateMachine> qualifier, String where) {
    if (qualifier.isPresent() && type != StateMachineUnderTest.class && type != StateMachineDefinition.class) {
      throw new ExtensionConfigurationException("The " + where + " is annotated @StateMachine(\""
          + qualifier.get().value() + "\") but is a " + type.getName() + ": @StateMachine picks a "
          + "StateMachineUnderTest or a StateMachineDefinition. Change the type to StateMachineUnderTest.");
    }
  }

  /** Fails the test before it runs when a parameter cannot be what it asks for. */
  private void checkParameters(Method method, TestSession session) {
    for (Parameter parameter : method.getParameters()) {
      Optional<StateMachine> qualifier = Optional.ofNullable(parameter.getAnnotation(StateMachine.class));
      String where = "parameter " + parameter.getName() + " of " + describe(method);
      checkType(parameter.getType(), qualifier, where);
      qualifier.ifPresent(q -> configured(() -> session.definition(q.value())));
    }
  }

  private void injectFields(ExtensionContext context, TestRun run) {
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      List<Field> fields = ReflectionSupport.findFields(instance.getClass(),
          f -> !Modifier.isStatic(f.getModifiers()) && !Modifier.isFinal(f.getModifiers())
              && (INJECTABLE.contains(f.getType()) || f.isAnnotationPresent(StateMachine.class)),
          HierarchyTraversalMode.TOP_DOWN);
      for (Field field : fields) {
        Optional<StateMachine> qualifier = Optional.ofNullable(field.getAnnotation(StateMachine.class));
        Object value = resolve(field.getType(), qualifier, context, "field " + field.getDeclaringClass().getName()
            + "." + field.getName());
        try {
          field.setAccessible(true);
          field.set(instance, value);
        } catch (ReflectiveOperationException | RuntimeException e) {
          throw new ExtensionConfigurationException("Cannot inject the field " + field + ": " + e
              + ". Make it a non-final instance field the test can write.", e);
        }
      }
    }
  }

  // ---- MockConfigFile test cases

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, MockConfigTestCases.class)).orElse(false);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
    Method method = context.getRequiredTestMethod();
    MockConfigTestCases cases = AnnotationSupport.findAnnotation(method, MockConfigTestCases.class).orElseThrow();
    Optional<MockConfig> onClass = classAnnotation(context, MockConfig.class);
    String file = first(Optional.of(cases.file()), onClass.map(MockConfig::file),
        Optional.ofNullable(config).map(c -> c.mockConfigFile));
    if (file.isEmpty()) {
      throw new ExtensionConfigurationException("@MockConfigTestCases on " + describe(method)
          + " names no MockConfigFile: add file = \"path/to/MockConfigFile.json\", or @MockConfig(file = ...) on the class.");
    }
    String requested = first(Optional.of(cases.stateMachine()), onClass.map(MockConfig::stateMachine),
        Optional.ofNullable(config).map(c -> c.mockConfigStateMachine));
    TestSession session = session(context);
    MockConfigFile mockConfig = configured(() -> TestRun.loadMockConfig(file));
    String machine = configured(() -> session.newRun().mockConfigMachine(mockConfig, requested));
    Set<String> names = new LinkedHashSet<>(mockConfig.testCaseNames(machine));
    List<String> excluded = Arrays.asList(cases.exclude());
    for (String name : excluded) {
      if (!names.contains(name)) {
        throw new ExtensionConfigurationException("@MockConfigTestCases on " + describe(method) + " excludes \"" + name
            + "\", which is not a test case of state machine " + machine + " in " + file + ". Its test cases: "
            + String.join(", ", names) + ".");
      }
    }
    names.removeAll(excluded);
    if (names.isEmpty()) {
      throw new ExtensionConfigurationException("State machine " + machine + " in " + file
          + " has no test case left to run" + (excluded.isEmpty() ? "" : " after the exclusions") + ".");
    }
    return names.stream().map(name -> new TestCaseInvocation(mockConfig, machine, name));
  }

  private final class TestCaseInvocation implements TestTemplateInvocationContext {
    private final MockConfigFile file;
    private final String machine;
    private final String testCase;

    TestCaseInvocation(MockConfigFile file, String machine, String testCase) {
      this.file = file;
      this.machine = machine;
      this.testCase = testCase;
    }

    @Override
    public String getDisplayName(int invocationIndex) {
      return testCase;
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
      BeforeEachCallback apply = context -> configured(() -> run(context).useMockConfig(file, machine, testCase));
      ParameterResolver name = new ParameterResolver() {
        @Override
        public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
          return p.getParameter().getType() == String.class && !p.isAnnotated(StateMachine.class);
        }

        @Override
        public Object resolveParameter(ParameterContext p, ExtensionContext e) {
          return testCase;
        }
      };
      return List.of(apply, name);
    }
  }

  // ---- session and run

  private TestSession session(ExtensionContext context) {
    ExtensionContext classContext = classContext(context);
    SessionResource resource = classContext.getStore(NAMESPACE).getOrComputeIfAbsent(SESSION,
        key -> new SessionResource(configured(() -> createSession(classContext))), SessionResource.class);
    return resource.session;
  }

  private TestRun run(ExtensionContext context) {
    if (context.getTestMethod().isEmpty()) {
      throw new ExtensionConfigurationException("No test is running in " + context.getDisplayName());
    }
    return context.getStore(NAMESPACE)
        .getOrComputeIfAbsent(RUN, key -> new RunResource(session(context).newRun()), RunResource.class).run;
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent() || c.getTestClass().isEmpty()) {
      c = c.getParent().orElseThrow(() -> new ExtensionConfigurationException("No test class for " + context.getDisplayName()));
    }
    return c;
  }

  private TestSession createSession(ExtensionContext classContext) {
    Class<?> testClass = classContext.getRequiredTestClass();
    if (config != null) {
      return config.session(testClass);
    }
    StateMachineTest annotation = classAnnotation(classContext, StateMachineTest.class).orElseThrow(() ->
        new ExtensionConfigurationException(testClass.getName() + " uses StateMachineExtension without configuration:"
            + " annotate it with @StateMachineTest(definition = \"...\"), or register the extension with"
            + " @RegisterExtension static StateMachineExtension sfn = StateMachineExtension.builder()...build()."));
    String where = "@StateMachineTest on " + testClass.getName();
    if (annotation.definition().isBlank() && annotation.template().isBlank()) {
      throw new ExtensionConfigurationException(where + " names no state machine definition: add"
          + " definition = \"statemachine/my-machine.asl.json\" (a classpath resource, or a file with the prefix"
          + " file:), or template = \"template.yaml\" with templateResource = \"MyStateMachine\".");
    }
    TestSession.Builder session = TestSession.builder().engine(annotation.engine()).seed(annotation.seed());
    if (!annotation.startTime().isBlank()) {
      session.startTime(parseInstant(annotation.startTime(), where));
    }
    session.machine(source(annotation.definition(), annotation.name(), annotation.substitutions(),
        annotation.substitutionsFile(), annotation.template(), annotation.templateResource(), where));
    for (StateMachine m : annotation.machines()) {
      if (m.definition().isBlank() && m.template().isBlank()) {
        throw new ExtensionConfigurationException("@StateMachine(\"" + m.value() + "\") in " + where
            + " names no definition: add definition = \"...\" (or template and templateResource).");
      }
      session.machine(source(m.definition(), m.value(), m.substitutions(), m.substitutionsFile(), m.template(),
          m.templateResource(), where));
    }
    return session.build();
  }

  private static StateMachineSource source(String definition, String name, String[] substitutions, String[] files,
      String template, String templateResource, String where) {
    StateMachineSource.Builder b = StateMachineSource.builder().definition(definition).name(name);
    for (String file : files) {
      b.substitutionsFrom(file);
    }
    for (String entry : substitutions) {
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new ExtensionConfigurationException("The substitution \"" + entry + "\" in " + where
            + " is not of the form \"Name=value\", e.g. substitutions = \"TableName=orders\".");
      }
      b.substitution(entry.substring(0, eq).trim(), entry.substring(eq + 1));
    }
    if (!template.isBlank()) {
      if (templateResource.isBlank()) {
        String resources = configured(() -> io.github.sfntest.testing.CloudFormationTemplate.load(template)
            .stateMachineResources().toString());
        throw new ExtensionConfigurationException(where + " names the template " + template
            + " but not its state machine: add templateResource = \"...\", one of " + resources + ".");
      }
      b.template(template, templateResource);
    }
    return b.build();
  }

  private static Instant parseInstant(String text, String where) {
    try {
      return Instant.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new ExtensionConfigurationException("The startTime \"" + text + "\" in " + where
          + " is not an ISO-8601 instant: write it like \"2024-01-01T00:00:00Z\".", e);
    }
  }

  private static <A extends java.lang.annotation.Annotation> Optional<A> classAnnotation(
      ExtensionContext context, Class<A> type) {
    Optional<Class<?>> c = context.getTestClass();
    while (c.isPresent()) {
      Optional<A> found = AnnotationSupport.findAnnotation(c.get(), type);
      if (found.isPresent()) {
        return found;
      }
      c = Optional.ofNullable(c.get().getEnclosingClass());
    }
    return Optional.empty();
  }

  @SafeVarargs
  private static String first(Optional<String>... values) {
    for (Optional<String> v : values) {
      if (v.isPresent() && v.get() != null && !v.get().isBlank()) {
        return v.get().trim();
      }
    }
    return "";
  }

  private static String describe(AnnotatedElement element) {
    return element instanceof Method m ? m.getDeclaringClass().getSimpleName() + "." + m.getName() + "()" : element.toString();
  }

  /** Runs setup code, turning a core configuration error into JUnit's. */
  private static <T> T configured(Supplier<T> action) {
    try {
      return action.get();
    } catch (TestConfigurationException e) {
      throw new ExtensionConfigurationException(e.getMessage(), e);
    }
  }

  private static final class SessionResource implements AutoCloseable { // closed by JUnit 5.13+ when its context ends
    final TestSession session;

    SessionResource(TestSession session) {
      this.session = session;
    }

    @Override
    public void close() {
      session.close();
    }
  }

  private static final class RunResource implements AutoCloseable { // closed by JUnit 5.13+ when its context ends
    final TestRun run;

    RunResource(TestRun run) {
      this.run = run;
    }

    @Override
    public void close() {
      run.close();
    }
  }

  /** Builder of a programmatically configured {@link StateMachineExtension}. */
  public static final class Builder {
    private final List<StateMachineSource> machines = new ArrayList<>();
    private StateMachineSource.Builder main = StateMachineSource.builder();
    private String engine;
    private Instant startTime;
    private Long seed;
    private String mockConfigFile;
    private String mockConfigTestCase;
    private String mockConfigStateMachine;

    private Builder() {}

    /** The main state machine's definition: a classpath resource or a file, JSON or YAML. */
    public Builder definition(String location) {
      main.definition(location);
      return this;
    }

    /** The main state machine's name; by default its file's name. */
    public Builder name(String name) {
      main.name(name);
      return this;
    }

    public Builder substitution(String placeholder, String value) {
      main.substitution(placeholder, value);
      return this;
    }

    public Builder substitutions(Map<String, String> values) {
      main.substitutions(values);
      return this;
    }

    /** Placeholder values from a {@code .properties} or JSON file. */
    public Builder substitutionsFrom(String location) {
      main.substitutionsFrom(location);
      return this;
    }

    /** A SAM/CloudFormation template and the logical id of the main state machine in it. */
    public Builder template(String location, String stateMachineResource) {
      main.template(location, stateMachineResource);
      return this;
    }

    /** One more state machine (see {@link StateMachineSource#builder()}). */
    public Builder machine(StateMachineSource source) {
      machines.add(source);
      return this;
    }

    /** The engine id; the system property {@code sfntest.engine} wins. */
    public Builder engine(String id) {
      this.engine = id;
      return this;
    }

    public Builder startTime(Instant value) {
      this.startTime = value;
      return this;
    }

    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /** The MockConfigFile of every test (as {@code @MockConfig(file = ...)} on the class). */
    public Builder mockConfig(String file) {
      this.mockConfigFile = file;
      return this;
    }

    /** The MockConfigFile and test case of every test (as {@code @MockConfig} on the class). */
    public Builder mockConfig(String file, String testCase) {
      this.mockConfigFile = file;
      this.mockConfigTestCase = testCase;
      return this;
    }

    /** The state machine of the MockConfigFile whose test cases apply. */
    public Builder mockConfigStateMachine(String name) {
      this.mockConfigStateMachine = name;
      return this;
    }

    public StateMachineExtension build() {
      return new StateMachineExtension(this);
    }

    TestSession session(Class<?> testClass) {
      StateMachineSource first = main.build();
      TestSession.Builder session = TestSession.builder().engine(engine).startTime(startTime);
      if (seed != null) {
        session.seed(seed);
      }
      if (!first.isEmpty()) {
        session.machine(first);
      }
      machines.forEach(session::machine);
      if (first.isEmpty() && machines.isEmpty()) {
        throw new ExtensionConfigurationException("The StateMachineExtension of " + testClass.getName()
            + " names no state machine definition: call .definition(\"statemachine/my-machine.asl.json\") on its builder.");
      }
      return session.build();
    }
  }
}

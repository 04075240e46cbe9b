package io.github.sfntest.junit;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.mock.MockConfigFile;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.engine.EngineCapability;
import io.github.sfntest.testing.AnnotationConfig;
import io.github.sfntest.testing.AnnotationConfig.Machine;
import io.github.sfntest.testing.AnnotationConfig.MockConfigChoice;
import io.github.sfntest.testing.StateMachineSource;
import io.github.sfntest.testing.SingleState;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
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
import org.opentest4j.TestAbortedException;

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
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, InvocationInterceptor, ParameterResolver, TestWatcher,
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

  /**
   * A builder of an extension with no state machine declared yet.
   *
   * @return a new builder
   */
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
    if (!AnnotationSupport.isAnnotated(method, MockConfigTestCases.class)
        && Arrays.stream(method.getParameterTypes()).noneMatch(t -> t == TestCases.class)) {
      applyMockConfig(context, run, method);
    }
    checkParameters(method, run.session());
    injectFields(context, run);
  }

  /**
   * Strict mocks ({@link TestRun#verifyStrictMocks()}): after a test that passed, fails it if a
   * Task reached no mock or a mock went unused. A failed test keeps its own failure.
   */
  @Override
  public void afterEach(ExtensionContext context) {
    if (context.getExecutionException().isPresent()) {
      return;
    }
    Closing<?> resource = context.getStore(NAMESPACE).get(RUN, Closing.class);
    if (resource != null) {
      ((TestRun) resource.value).verifyStrictMocks();
    }
  }

  /** Mocks made before the test method (in {@code @BeforeEach}) are a shared set-up: lenient. */
  @Override
  public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext context) throws Throwable {
    setUpDone(context);
    invocation.proceed();
  }

  @Override
  public void interceptTestTemplateMethod(Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context) throws Throwable {
    setUpDone(context);
    invocation.proceed();
  }

  private static void setUpDone(ExtensionContext context) {
    Closing<?> resource = context.getStore(NAMESPACE).get(RUN, Closing.class);
    if (resource != null) {
      ((TestRun) resource.value).mocks().makeExistingMocksLenient();
    }
  }

  /** Skips the test, saying why, when the selected engine lacks a capability it requires. */
  private static void requireCapabilities(ExtensionContext context, TestRun run, Method method) {
    Set<EngineCapability> required = EnumSet.noneOf(EngineCapability.class);
    AnnotationSupport.findAnnotation(method, RequiresCapability.class).ifPresent(r -> required.addAll(List.of(r.value())));
    AnnotationSupport.findAnnotation(context.getRequiredTestClass(), RequiresCapability.class)
        .ifPresent(r -> required.addAll(List.of(r.value())));
    AnnotationConfig.missingCapabilities(run, required, "test").ifPresent(reason -> {
      throw new TestAbortedException(reason);
    });
  }

  private void applyMockConfig(ExtensionContext context, TestRun run, Method method) {
    Optional<MockConfig> onMethod = AnnotationSupport.findAnnotation(method, MockConfig.class);
    MockConfigChoice choice = MockConfigChoice.merge(onMethod.map(StateMachineExtension::choice).orElse(null),
        classAnnotation(context, MockConfig.class).map(StateMachineExtension::choice).orElse(null), defaults());
    if (choice.testCase().isEmpty()) {
      if (onMethod.isPresent()) {
        throw new ExtensionConfigurationException("@MockConfig on " + describe(method) + " names no test case: add"
            + " testCase = \"...\" (one of the test cases of " + (choice.file().isEmpty() ? "the MockConfigFile"
            : choice.file()) + "), or use @MockConfigTestCases to run every test case.");
      }
      return;
    }
    configured(() -> {
      AnnotationConfig.JAVA.requireMockConfigFile(choice,
          onMethod.isPresent() ? describe(method) : context.getRequiredTestClass().getName());
      return run.useMockConfig(choice.file(), choice.stateMachine(), choice.testCase());
    });
  }

  private static MockConfigChoice choice(MockConfig a) {
    return new MockConfigChoice(a.file(), a.testCase(), a.stateMachine());
  }

  /** The MockConfigFile choice of a programmatically configured extension, if any. */
  private MockConfigChoice defaults() {
    return config == null ? null
        : new MockConfigChoice(config.mockConfigFile, config.mockConfigTestCase, config.mockConfigStateMachine);
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    Closing<?> resource = context.getStore(NAMESPACE).get(RUN, Closing.class);
    TestRun run = resource == null ? null : (TestRun) resource.value;
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
    return INJECTABLE.contains(parameter.getType()) || parameter.getType() == SingleState.class
        || parameter.getType() == TestCases.class || parameterContext.isAnnotated(StateMachine.class);
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
    Parameter parameter = parameterContext.getParameter();
    Optional<StateMachine> qualifier = parameterContext.findAnnotation(StateMachine.class);
    String where = "parameter " + parameter.getName() + " of " + parameterContext.getDeclaringExecutable();
    try {
      if (parameter.getType() == SingleState.class) {
        return singleState(parameterContext, qualifier, context, where);
      }
      if (parameter.getType() == TestCases.class) {
        return testCases(context);
      }
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
    return fromRun(type, name, run(context));
  }

  private static Object fromRun(Class<?> type, String name, TestRun run) {
    if (type == MockedResponses.class) {
      return run.mocks();
    }
    if (type == Engine.class) {
      return run.engine();
    }
    return configured(() -> name == null ? run.machine() : run.machine(name));
  }

  /** The state named by {@code @StateUnderTest} on the parameter or the test method. */
  private Object singleState(ParameterContext parameterContext, Optional<StateMachine> qualifier,
      ExtensionContext context, String where) {
    String state = parameterContext.findAnnotation(StateUnderTest.class).map(StateUnderTest::value)
        .or(() -> context.getTestMethod().map(m -> m.getAnnotation(StateUnderTest.class)).map(StateUnderTest::value))
        .or(() -> context.getTestClass().map(c -> c.getAnnotation(StateUnderTest.class)).map(StateUnderTest::value))
        .orElseThrow(() -> new ExtensionConfigurationException("The " + where + " is a SingleState but names no "
            + "state: annotate it, the test method or the class with @StateUnderTest(\"StateName\")."));
    StateMachineUnderTest machine = (StateMachineUnderTest) resolve(StateMachineUnderTest.class, qualifier, context, where);
    return new SingleState(machine, state);
  }

  private static void checkType(Class<?> type, Optional<StateMachine> qualifier, String where) {
    if (qualifier.isPresent() && type != StateMachineUnderTest.class && type != StateMachineDefinition.class
        && type != SingleState.class) {
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
    MockConfigChoice choice = MockConfigChoice.merge(new MockConfigChoice(cases.file(), "", cases.stateMachine()),
        classAnnotation(context, MockConfig.class).map(StateMachineExtension::choice).orElse(null), defaults());
    Loaded loaded = load(context, choice, "@MockConfigTestCases on " + describe(method));
    Set<String> names = new LinkedHashSet<>(loaded.names());
    String file = choice.file();
    String machine = loaded.machine();
    MockConfigFile mockConfig = loaded.file();
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

  private record Loaded(MockConfigFile file, String machine, List<String> names) { }

  private Loaded load(ExtensionContext context, MockConfigChoice choice, String where) {
    String file = choice.file();
    if (file.isEmpty()) {
      throw new ExtensionConfigurationException(where
          + " names no MockConfigFile: add file = \"path/to/MockConfigFile.json\", or @MockConfig(file = ...) on the class.");
    }
    TestSession session = session(context);
    MockConfigFile mockConfig = configured(() -> TestRun.loadMockConfig(file));
    String machine = configured(() -> session.newRun().mockConfigMachine(mockConfig, choice.stateMachine()));
    return new Loaded(mockConfig, machine, List.copyOf(mockConfig.testCaseNames(machine)));
  }

  /** The {@link TestCases} of a {@code @TestFactory}: one fresh run per test case, fields set to it. */
  private TestCases testCases(ExtensionContext context) {
    Method method = context.getRequiredTestMethod();
    Optional<MockConfig> onMethod = AnnotationSupport.findAnnotation(method, MockConfig.class);
    MockConfigChoice choice = MockConfigChoice.merge(onMethod.map(StateMachineExtension::choice).orElse(null),
        classAnnotation(context, MockConfig.class).map(StateMachineExtension::choice).orElse(null), defaults());
    Loaded loaded = load(context, choice, "The TestCases parameter of " + describe(method));
    if (loaded.names().isEmpty()) {
      throw new ExtensionConfigurationException("State machine " + loaded.machine() + " in " + choice.file()
          + " has no test case to run.");
    }
    TestSession session = session(context);
    Object lock = new Object();
    TestCases.Runner runner = (testCase, body) -> {
      synchronized (lock) { // the test instance's fields hold one test case at a time
        try (TestRun run = session.newRun().named(testName(context) + " > " + testCase)) {
          configured(() -> run.useMockConfig(loaded.file(), loaded.machine(), testCase));
          injectRunFields(context, run);
          try {
            body.accept(testCase);
            run.verifyStrictMocks();
          } catch (Throwable failure) {
            if (printHistory(context) && !run.historySummary().isEmpty()) {
              System.out.println("sfn-test: " + testCase + " failed; what its executions did:\n" + run.historySummary());
            }
            throw failure;
          }
        }
      }
    };
    return new TestCases(choice.file(), loaded.machine(), loaded.names(),
        MockConfigSource.of(choice.file(), loaded.machine()), runner);
  }

  /** Points the instance fields that belong to one test at {@code run}. */
  private static void injectRunFields(ExtensionContext context, TestRun run) {
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      for (Field field : ReflectionSupport.findFields(instance.getClass(),
          f -> !Modifier.isStatic(f.getModifiers()) && !Modifier.isFinal(f.getModifiers())
              && (f.getType() == StateMachineUnderTest.class || f.getType() == MockedResponses.class
                  || f.getType() == Engine.class),
          HierarchyTraversalMode.TOP_DOWN)) {
        StateMachine qualifier = field.getAnnotation(StateMachine.class);
        Object value = fromRun(field.getType(), qualifier == null ? null : qualifier.value(), run);
        try {
          field.setAccessible(true);
          field.set(instance, value);
        } catch (ReflectiveOperationException | RuntimeException e) {
          throw new ExtensionConfigurationException("Cannot inject the field " + field + ": " + e, e);
        }
      }
    }
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
    Closing<?> resource = classContext.getStore(NAMESPACE).getOrComputeIfAbsent(SESSION,
        key -> new Closing<>(configured(() -> createSession(classContext))), Closing.class);
    return (TestSession) resource.value;
  }

  private TestRun run(ExtensionContext context) {
    if (context.getTestMethod().isEmpty()) {
      throw new ExtensionConfigurationException("No test is running in " + context.getDisplayName());
    }
    return (TestRun) context.getStore(NAMESPACE)
        .getOrComputeIfAbsent(RUN, key -> new Closing<>(session(context).newRun().named(testName(context))),
            Closing.class).value;
  }

  /** "OrderFlowTest > happyPath()", with the template and invocation names in between for parameterized tests. */
  private static String testName(ExtensionContext context) {
    StringBuilder name = new StringBuilder(context.getDisplayName());
    for (ExtensionContext c = context.getParent().orElse(null); c != null && c.getParent().isPresent();
        c = c.getParent().orElse(null)) {
      name.insert(0, (c.getTestClass().isPresent() && c.getTestMethod().isEmpty()
          ? c.getRequiredTestClass().getSimpleName() : c.getDisplayName()) + " > ");
    }
    return name.toString();
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
    List<Machine> others = new ArrayList<>();
    for (StateMachine m : annotation.machines()) {
      others.add(new Machine(m.value(), m.definition(), m.substitutions(), m.substitutionsFile(), m.template(),
          m.templateResource(), m.type()));
    }
    Machine main = new Machine(annotation.name(), annotation.definition(), annotation.substitutions(),
        annotation.substitutionsFile(), annotation.template(), annotation.templateResource(), annotation.type());
    return AnnotationConfig.JAVA.session(where, main, others, annotation.engine(), annotation.seed(),
        annotation.startTime()).build();
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

  /** A session or run in a JUnit store, closed when its context ends. */
  private static final class Closing<T extends AutoCloseable> implements AutoCloseable { // JUnit 5.13+ closes it
    final T value;

    Closing(T value) {
      this.value = value;
    }

    @Override
    public void close() {   // no "throws Exception": -Xlint:try would warn (InterruptedException)
      try {
        value.close();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
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

    /**
     * The main state machine's definition: a classpath resource or a file, JSON or YAML.
     *
     * @param location a classpath resource or file
     * @return this builder
     */
    public Builder definition(String location) {
      main.definition(location);
      return this;
    }

    /**
     * The main state machine's name; by default its file's name.
     *
     * @param name the state machine name
     * @return this builder
     */
    public Builder name(String name) {
      main.name(name);
      return this;
    }

    /**
     * One placeholder value of the main state machine; inline values win over files and templates.
     *
     * @param placeholder the name in {@code ${...}}
     * @param value its value
     * @return this builder
     */
    public Builder substitution(String placeholder, String value) {
      main.substitution(placeholder, value);
      return this;
    }

    /**
     * Several placeholder values of the main state machine.
     *
     * @param values placeholder name to value
     * @return this builder
     */
    public Builder substitutions(Map<String, String> values) {
      main.substitutions(values);
      return this;
    }

    /**
     * Placeholder values from a {@code .properties} or JSON file.
     *
     * @param location a classpath resource or file
     * @return this builder
     */
    public Builder substitutionsFrom(String location) {
      main.substitutionsFrom(location);
      return this;
    }

    /**
     * A SAM/CloudFormation template and the logical id of the main state machine in it.
     *
     * @param location the template's location
     * @param stateMachineResource the state machine's logical id in it
     * @return this builder
     */
    public Builder template(String location, String stateMachineResource) {
      main.template(location, stateMachineResource);
      return this;
    }

    /**
     * One more state machine (see {@link StateMachineSource#builder()}).
     *
     * @param source the machine's source
     * @return this builder
     */
    public Builder machine(StateMachineSource source) {
      machines.add(source);
      return this;
    }

    /**
     * The engine id; the system property {@code sfntest.engine} wins.
     *
     * @param id the engine id, e.g. {@code in-process} or {@code sdk}
     * @return this builder
     */
    public Builder engine(String id) {
      this.engine = id;
      return this;
    }

    /**
     * Where the virtual clock of each execution starts.
     *
     * @param value the start instant
     * @return this builder
     */
    public Builder startTime(Instant value) {
      this.startTime = value;
      return this;
    }

    /**
     * The seed of task tokens, execution names and {@code States.UUID}.
     *
     * @param value the seed
     * @return this builder
     */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /**
     * The MockConfigFile of every test (as {@code @MockConfig(file = ...)} on the class).
     *
     * @param file the MockConfigFile's location
     * @return this builder
     */
    public Builder mockConfig(String file) {
      this.mockConfigFile = file;
      return this;
    }

    /**
     * The MockConfigFile and test case of every test (as {@code @MockConfig} on the class).
     *
     * @param file the MockConfigFile's location
     * @param testCase the test case name
     * @return this builder
     */
    public Builder mockConfig(String file, String testCase) {
      this.mockConfigFile = file;
      this.mockConfigTestCase = testCase;
      return this;
    }

    /**
     * The state machine of the MockConfigFile whose test cases apply.
     *
     * @param name the state machine name in the file
     * @return this builder
     */
    public Builder mockConfigStateMachine(String name) {
      this.mockConfigStateMachine = name;
      return this;
    }

    /**
     * Builds the extension, for a {@code @RegisterExtension} field.
     *
     * @return the extension
     */
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

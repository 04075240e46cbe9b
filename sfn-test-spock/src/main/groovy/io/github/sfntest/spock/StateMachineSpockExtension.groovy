package io.github.sfntest.spock

import groovy.transform.CompileStatic
import io.github.sfntest.definition.StateMachineDefinition
import io.github.sfntest.engine.Engine
import io.github.sfntest.mock.MockedResponses
import io.github.sfntest.engine.EngineCapability
import io.github.sfntest.testing.AnnotationConfig
import io.github.sfntest.testing.AnnotationConfig.Machine
import io.github.sfntest.testing.AnnotationConfig.MockConfigChoice
import io.github.sfntest.testing.StateMachineUnderTest
import io.github.sfntest.testing.TestConfigurationException
import io.github.sfntest.testing.TestRun
import io.github.sfntest.testing.TestSession
import java.lang.reflect.Method
import java.lang.reflect.Parameter
import java.time.Instant
import java.util.concurrent.ConcurrentHashMap
import org.opentest4j.TestAbortedException
import org.spockframework.runtime.AbstractRunListener
import org.spockframework.runtime.extension.ExtensionException
import org.spockframework.runtime.extension.IAnnotationDrivenExtension
import org.spockframework.runtime.extension.IMethodInterceptor
import org.spockframework.runtime.extension.IMethodInvocation
import org.spockframework.runtime.model.ErrorInfo
import org.spockframework.runtime.model.FeatureInfo
import org.spockframework.runtime.model.FieldInfo
import org.spockframework.runtime.model.IterationInfo
import org.spockframework.runtime.model.MethodInfo
import org.spockframework.runtime.model.SpecInfo

/**
 * The Spock extension behind {@link StateMachineTest @StateMachineTest}: a thin layer over the
 * framework-neutral {@link TestSession} (one per spec) and {@link TestRun} (one per feature
 * iteration) of sfn-test-core, so it behaves like the JUnit extension.
 *
 * <ul>
 *   <li>setupSpec: loads and validates the definitions, selects the engine, injects {@code @Shared}
 *       fields (and, when the spec shares its mocks, creates the one run of the spec);
 *   <li>each iteration: a new {@link TestRun} (fresh mocks), the MockConfigFile test case of
 *       {@link MockConfig @MockConfig} or of a {@link MockConfigTestCase} data value, field injection
 *       before {@code setup()}, feature parameter injection, and the run closed afterwards;
 *   <li>on failure: the history summary of the iteration's executions, printed and attached;
 *   <li>cleanupSpec: closes the session.
 * </ul>
 *
 * Spock creates one instance per spec run; iterations of the spec may run in parallel, so the runs
 * are kept per {@link IterationInfo}.
 */
@CompileStatic
class StateMachineSpockExtension implements IAnnotationDrivenExtension<StateMachineTest> {

  private static final Set<Class<?>> INJECTABLE =
      [StateMachineUnderTest, MockedResponses, Engine, StateMachineDefinition] as Set<Class<?>>
  private static final Set<Class<?>> RUN_SCOPED = [StateMachineUnderTest, MockedResponses] as Set<Class<?>>

  private final StateMachineTestConfiguration config
  private final Map<IterationInfo, TestRun> runs = new ConcurrentHashMap<>()
  private boolean registered
  private SpecInfo spec
  private volatile TestSession session
  private volatile TestRun sharedRun
  private final Set<IterationInfo> failed = ConcurrentHashMap.newKeySet()

  StateMachineSpockExtension(StateMachineTestConfiguration config) {
    this.config = config ?: new StateMachineTestConfiguration()
  }

  @Override
  void visitSpecAnnotation(StateMachineTest annotation, SpecInfo visited) {
    register(visited.bottomSpec)
  }

  @Override
  void visitSpec(SpecInfo visited) {
    register(visited.bottomSpec)
  }

  private synchronized void register(SpecInfo bottom) {
    if (registered) {
      return
    }
    registered = true
    spec = bottom
    bottom.addSetupSpecInterceptor({ IMethodInvocation invocation ->
      startSpec(invocation.sharedInstance)
      invocation.proceed()
    } as IMethodInterceptor)
    bottom.addCleanupSpecInterceptor({ IMethodInvocation invocation ->
      try {
        invocation.proceed()
      } finally {
        endSpec()
      }
    } as IMethodInterceptor)
    bottom.addSetupInterceptor({ IMethodInvocation invocation ->
      injectFields(invocation.instance, runOf(invocation.iteration), false)
      invocation.proceed()
    } as IMethodInterceptor)
    for (FeatureInfo feature : bottom.allFeatures) {
      feature.addIterationInterceptor({ IMethodInvocation invocation ->
        IterationInfo iteration = invocation.iteration
        try {
          startIteration(iteration)
          invocation.proceed()
          verifyStrictMocks(iteration)
        } finally {
          failed.remove(iteration)
          endIteration(iteration)
        }
      } as IMethodInterceptor)
      feature.featureMethod.addInterceptor({ IMethodInvocation invocation ->
        injectParameters(invocation)
        // mocks of setup() serve features that take different paths: lenient
        runs.get(invocation.iteration)?.mocks()?.makeExistingMocksLenient()
        invocation.proceed()
      } as IMethodInterceptor)
    }
    bottom.addListener(new AbstractRunListener() {
      @Override
      void error(ErrorInfo error) {
        IterationInfo iteration = error.method?.iteration
        if (iteration != null) {
          failed.add(iteration)
        }
        reportHistory(error)
      }
    })
  }

  // ---- lifecycle

  private void startSpec(Object sharedInstance) {
    Class<?> specClass = spec.reflection
    checkFields(specClass)
    session = configured { buildSession(specClass) }
    if (spec.allFields.any { FieldInfo f -> f.shared && RUN_SCOPED.contains(f.type) }) {
      sharedRun = session.newRun()
    }
    injectFields(sharedInstance, sharedRun, true)
  }

  private void endSpec() {
    try {
      sharedRun?.close()
    } finally {
      sharedRun = null
      session?.close()
      session = null
    }
  }

  private void startIteration(IterationInfo iteration) {
    TestSession s = session
    if (s == null) {
      throw new ExtensionException("@StateMachineTest on ${spec.reflection.name}: no test session (setupSpec did"
          + " not run through the extension)")
    }
    TestRun run = (sharedRun ?: s.newRun()).named(spec.reflection.simpleName + " > " + iteration.displayName)
    runs.put(iteration, run)
    applyMockConfig(iteration, run)
    requireCapabilities(iteration, run)
  }

  /** Skips the iteration, saying why, when the selected engine lacks a capability it requires. */
  private void requireCapabilities(IterationInfo iteration, TestRun run) {
    Set<EngineCapability> required = EnumSet.noneOf(EngineCapability)
    RequiresCapability onFeature = iteration.feature.featureMethod.reflection?.getAnnotation(RequiresCapability)
    RequiresCapability onSpec = spec.reflection.getAnnotation(RequiresCapability)
    if (onFeature != null) {
      required.addAll(Arrays.asList(onFeature.value()))
    }
    if (onSpec != null) {
      required.addAll(Arrays.asList(onSpec.value()))
    }
    Optional<String> reason = AnnotationConfig.missingCapabilities(run, required, 'feature')
    if (reason.isPresent()) {
      throw new TestAbortedException(reason.get())
    }
  }

  private void endIteration(IterationInfo iteration) {
    TestRun run = runs.remove(iteration)
    if (run != null && !run.is(sharedRun)) {
      run.close()
    } else {
      run?.recordCoverage() // a shared run: attribute this iteration's executions to it
    }
  }

  /**
   * Strict mocks ({@link TestRun#verifyStrictMocks()}) after an iteration that passed; not for a
   * {@code @Shared} run, whose mocks serve every feature.
   */
  private void verifyStrictMocks(IterationInfo iteration) {
    TestRun run = runs.get(iteration)
    if (run != null && !run.is(sharedRun) && !failed.contains(iteration)) {
      run.verifyStrictMocks()
    }
  }

  private TestRun runOf(IterationInfo iteration) {
    TestRun run = iteration == null ? null : runs.get(iteration)
    if (run == null) {
      throw new ExtensionException("@StateMachineTest on ${spec.reflection.name}: no test run for this iteration")
    }
    run
  }

  // ---- MockConfigFile

  private void applyMockConfig(IterationInfo iteration, TestRun run) {
    Method method = iteration.feature.featureMethod.reflection
    MockConfig onFeature = method.getAnnotation(MockConfig)
    MockConfig onSpec = spec.reflection.getAnnotation(MockConfig)
    MockConfigChoice choice = MockConfigChoice.merge(choice(onFeature), choice(onSpec))
    String file = choice.file()
    String testCase = choice.testCase()
    String stateMachine = choice.stateMachine()
    String feature = "feature \"${iteration.feature.name}\" of ${spec.reflection.simpleName}"

    Map<String, Object> data = iteration.dataVariables ?: [:] as Map<String, Object>
    Map<String, Object> cases = data.findAll { String k, Object v -> v instanceof MockConfigTestCase }
    if (cases.size() > 1) {
      throw new ExtensionException("The ${feature} has the MockConfigFile test cases ${cases.keySet().join(' and ')}"
          + " as data variables, but an iteration runs one test case: keep one of them.")
    }
    if (cases.size() == 1) {
      MockConfigTestCase c = (MockConfigTestCase) cases.values().first()
      configured { run.useMockConfig(c.file, c.stateMachine ?: stateMachine, c.name) }
      return
    }
    if (testCase.startsWith('#')) {
      String variable = testCase.substring(1).trim()
      if (!data.containsKey(variable)) {
        throw new ExtensionException("@MockConfig(testCase = '${testCase}') ${onFeature ? 'on' : 'applies to'} the"
            + " ${feature}, which has no data variable ${variable}"
            + (data.isEmpty() ? '' : " (its data variables: ${data.keySet().join(', ')})")
            + ": add ${variable} to its where: block, or name the test case itself, e.g. testCase = 'HappyPathTest'.")
      }
      Object value = data[variable]
      if (value instanceof MockConfigTestCase) {
        MockConfigTestCase c = (MockConfigTestCase) value
        configured { run.useMockConfig(c.file, c.stateMachine ?: stateMachine, c.name) }
        return
      }
      testCase = value == null ? '' : value.toString().trim()
      if (testCase.isEmpty()) {
        throw new ExtensionException("The data variable ${variable} of the ${feature} names no MockConfigFile test"
            + " case in iteration ${iteration.displayName}: give it a test case name.")
      }
    }
    if (testCase.isEmpty()) {
      if (onFeature != null) {
        throw new ExtensionException("@MockConfig on the ${feature} names no test case: add testCase = '...'"
            + " (one of the test cases of ${file ?: 'the MockConfigFile'}), or '#variable' to take it from a data"
            + " variable, or iterate over MockConfigTestCases.of('${file ?: 'MockConfigFile.json'}') in where:.")
      }
      return
    }
    MockConfigChoice chosen = choice.withTestCase(testCase)
    configured {
      AnnotationConfig.GROOVY.requireMockConfigFile(chosen,
          onFeature != null && onFeature.testCase() ? "the ${feature}".toString() : spec.reflection.name)
      run.useMockConfig(chosen.file(), chosen.stateMachine(), chosen.testCase())
    }
  }

  private static MockConfigChoice choice(MockConfig annotation) {
    annotation == null ? null : new MockConfigChoice(annotation.file(), annotation.testCase(), annotation.stateMachine())
  }

  // ---- injection

  private void checkFields(Class<?> specClass) {
    List<FieldInfo> shared = []
    List<FieldInfo> perIteration = []
    for (FieldInfo field : spec.allFields) {
      StateMachine qualifier = field.reflection.getAnnotation(StateMachine)
      checkType(field.type, qualifier, "field ${field.name} of ${specClass.simpleName}")
      if (RUN_SCOPED.contains(field.type)) {
        (field.shared ? shared : perIteration) << field
      }
    }
    if (shared && perIteration) {
      throw new ExtensionException("${specClass.name} has the @Shared field ${shared*.name.join(', ')} and the"
          + " per-iteration field ${perIteration*.name.join(', ')}: they would hold different mocks, so mocks set"
          + " on one would not answer the executions of the other. Make them all @Shared (one set of mocks for"
          + " the whole spec) or none (fresh mocks for every iteration).")
    }
  }

  private void injectFields(Object instance, TestRun run, boolean sharedFields) {
    for (FieldInfo field : spec.allFields) {
      if (field.shared != sharedFields || !INJECTABLE.contains(field.type)) {
        continue
      }
      StateMachine qualifier = field.reflection.getAnnotation(StateMachine)
      Object value = resolve(field.type, qualifier?.value(), run, sharedFields)
      field.writeValue(instance, value)
    }
  }

  private void injectParameters(IMethodInvocation invocation) {
    Object[] arguments = invocation.arguments
    Method method = invocation.method.reflection
    Parameter[] parameters = method.parameters
    boolean changed = false
    for (int i = 0; i < parameters.length && i < arguments.length; i++) {
      if (!arguments[i].is(MethodInfo.MISSING_ARGUMENT)) {
        continue
      }
      Parameter parameter = parameters[i]
      StateMachine qualifier = parameter.getAnnotation(StateMachine)
      String name = invocation.feature.parameterNames[i]
      checkType(parameter.type, qualifier, "parameter ${name} of feature \"${invocation.feature.name}\"")
      if (INJECTABLE.contains(parameter.type)) {
        arguments[i] = resolve(parameter.type, qualifier?.value(), sharedRun ?: runOf(invocation.iteration), false)
        changed = true
      }
    }
    if (changed) {
      invocation.arguments = arguments
    }
  }

  private static void checkType(Class<?> type, StateMachine qualifier, String where) {
    if (qualifier != null && type != StateMachineUnderTest && type != StateMachineDefinition) {
      throw new ExtensionException("The ${where} is annotated @StateMachine('${qualifier.value()}') but is a"
          + " ${type.name}: @StateMachine picks a StateMachineUnderTest or a StateMachineDefinition; change the type,"
          + " or remove the annotation.")
    }
  }

  private Object resolve(Class<?> type, String name, TestRun run, boolean sharedScope) {
    TestSession s = session
    if (type == StateMachineDefinition) {
      return configured { name == null ? s.definition() : s.definition(name) }
    }
    if (type == Engine) {
      return run != null ? run.engine() : s.engine()
    }
    if (run == null) {
      // Only reached for @Shared run-scoped fields, which always come with a shared run.
      throw new ExtensionException("No run to inject a ${type.simpleName} from")
    }
    if (type == MockedResponses) {
      return run.mocks()
    }
    configured { name == null ? run.machine() : run.machine(name) }
  }

  // ---- failures

  private void reportHistory(ErrorInfo error) {
    IterationInfo iteration = error.method?.iteration
    TestRun run = iteration == null ? null : runs.get(iteration)
    if (run == null || !(config.reportsPrinted() || config.reportsAttached())) {
      return
    }
    String summary
    try {
      summary = run.historySummary()
    } catch (RuntimeException e) {
      summary = "(cannot render the history: ${e})"
    }
    if (summary.isEmpty()) {
      return
    }
    if (config.reportsPrinted()) {
      System.out.println("sfn-test: ${iteration.displayName} failed; what its executions did:\n${summary}")
    }
    if (config.reportsAttached() && !error.exception.suppressed.any { it instanceof ExecutionHistorySummary }) {
      error.exception.addSuppressed(new ExecutionHistorySummary(summary))
    }
  }

  // ---- session

  private TestSession buildSession(Class<?> specClass) {
    StateMachineTest annotation = specClass.getAnnotation(StateMachineTest)
    String where = "@StateMachineTest on ${specClass.name}"
    AnnotationConfig groovy = AnnotationConfig.GROOVY
    Long seed = annotation.seed() != 0L ? annotation.seed() : config.seed
    String startTime = annotation.startTime()
    if (startTime.isBlank() && config.startTime != null) {
      Object value = config.startTime
      startTime = value instanceof Instant ? value.toString()
          : groovy.parseInstant(value.toString(), 'sfnTest.startTime in SpockConfig.groovy').toString()
    }
    List<Machine> others = annotation.machines().collect { StateMachine m ->
      new Machine(m.value(), m.definition(), m.substitutions(), m.substitutionsFile(), m.template(), m.templateResource(),
          m.type())
    }
    Machine main = new Machine(annotation.name(), annotation.definition(), annotation.substitutions(),
        annotation.substitutionsFile(), annotation.template(), annotation.templateResource(), annotation.type())
    groovy.session(where, main, others, AnnotationConfig.first(annotation.engine(), config.engine), seed, startTime)
        .build()
  }

  /** Runs setup code, turning a core configuration error into Spock's. */
  private static <T> T configured(Closure<T> action) {
    try {
      action.call()
    } catch (TestConfigurationException e) {
      throw new ExtensionException(e.message, e)
    }
  }
}

package io.github.sfntest.testing;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.engine.EngineProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the tests of one test class share: the engine and the loaded state machine definitions. It
 * is the framework-neutral core of the JUnit and Spock extensions; each test gets its own {@link
 * TestRun} (fresh mocks) from {@link #newRun()}.
 *
 * <pre>{@code
 * try (TestSession session = TestSession.builder()
 *     .machine(StateMachineSource.of("order.asl.json"))
 *     .seed(42)
 *     .build()) {
 *   TestRun test = session.newRun();
 *   test.mocks().onState("Charge").willReturn("{\"charged\": true}");
 *   ExecutionResult result = test.machine().run("{\"orderId\": \"1\"}");
 * }
 * }</pre>
 *
 * <p>Definitions are loaded and the engine looked up by {@link Builder#build()}, so a wrong setup
 * fails before the first test. In-process, every test gets its own engine (cheap, and it keeps
 * generated names and tokens independent of the order parallel tests run in). The engine is {@code in-process} unless the test names another or
 * the system property {@value Engines#ENGINE_PROPERTY} selects one. Thread-safe: the tests of a
 * session may run in parallel.
 */
public final class TestSession implements AutoCloseable {

  private final String engineId;
  private final EngineOptions options;
  private final Map<String, StateMachineDefinition> definitions;
  private final Map<String, io.github.sfntest.engine.StateMachineType> types = new LinkedHashMap<>();
  private final EngineProvider provider;
  private Engine engine; // guarded by this

  private TestSession(Builder b) {
    this.options = b.options();
    this.engineId = Engines.selectedId(b.engineId);
    if (b.sources.isEmpty()) {
      throw new TestConfigurationException("No state machine is declared: name at least one definition, e.g."
          + " definition = \"statemachine/order.asl.json\".");
    }
    Map<String, StateMachineDefinition> loaded = new LinkedHashMap<>();
    for (StateMachineSource source : b.sources) {
      StateMachineDefinition definition = source.load(options);
      StateMachineDefinition previous = loaded.putIfAbsent(definition.name(), definition);
      if (previous != null) {
        throw new TestConfigurationException("Two state machines are named \"" + definition.name()
            + "\": give each a distinct name (name = \"...\").");
      }
      io.github.sfntest.engine.StateMachineType type = source.type();
      if (type == io.github.sfntest.engine.StateMachineType.EXPRESS) {
        refuseForExpress(definition);
      }
      types.put(definition.name(), type);
    }
    this.definitions = Collections.unmodifiableMap(loaded);
    this.provider = Engines.provider(engineId);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The engine of the session, created on first use. Tests run on their own engine when the
   * provider says engines are cheap ({@link EngineProvider#enginePerTest()}, true in-process), else
   * on this one; see {@link TestRun#engine()}.
   */
  public synchronized Engine engine() {
    if (engine == null) {
      engine = provider.create(options);
    }
    return engine;
  }

  /** An engine for one test: a new one if the provider allows, else the session's. */
  Engine engineForTest() {
    return provider.enginePerTest() ? provider.create(options) : engine();
  }

  boolean enginePerTest() {
    return provider.enginePerTest();
  }

  /** The id of the engine (after the system property override). */
  public String engineId() {
    return engineId;
  }

  public EngineOptions options() {
    return options;
  }

  /** The first state machine declared. */
  public StateMachineDefinition definition() {
    return definitions.values().iterator().next();
  }

  /**
   * The state machine named {@code name}.
   *
   * @throws TestConfigurationException if there is none (the message lists the declared names)
   */
  public StateMachineDefinition definition(String name) {
    StateMachineDefinition definition = definitions.get(name);
    if (definition == null) {
      throw new TestConfigurationException("No state machine named \"" + name + "\" is declared. Declared: "
          + String.join(", ", definitions.keySet()) + ". Declare it with its definition, or use one of these names.");
    }
    return definition;
  }

  /** What CreateStateMachine answers for an EXPRESS machine with .sync, callbacks or activities, before any test runs. */
  private static void refuseForExpress(StateMachineDefinition definition) {
    var refused = io.github.sfntest.internal.validation.ExpressRules.check(
        io.github.sfntest.internal.json.Json.parse(definition.toJson()));
    if (!refused.isEmpty()) {
      throw new TestConfigurationException("The state machine \"" + definition.name() + "\" is declared EXPRESS, "
          + "which AWS refuses for it. " + new io.github.sfntest.definition.InvalidDefinitionException(definition.name(),
              refused).getMessage(), new io.github.sfntest.definition.InvalidDefinitionException(definition.name(), refused));
    }
  }

  /**
   * The type of the state machine named {@code name}: how {@link StateMachineUnderTest} starts its executions.
   *
   * @param name a declared state machine's name
   * @return its type (from the test's annotation or builder, else its template, else STANDARD)
   * @throws TestConfigurationException if no state machine of that name is declared
   */
  public io.github.sfntest.engine.StateMachineType type(String name) {
    definition(name);
    return types.get(name);
  }

  /** Every declared state machine by name, the first declared first. */
  public Map<String, StateMachineDefinition> definitions() {
    return definitions;
  }

  /** A new test: fresh mocks, no executions yet. */
  public TestRun newRun() {
    return new TestRun(this);
  }

  @Override
  public synchronized void close() {
    if (engine != null) {
      engine.close();
      engine = null;
    }
  }

  @Override
  public String toString() {
    return "TestSession{engine=" + engineId + ", machines=" + definitions.keySet() + "}";
  }

  /** Builder of {@link TestSession}. */
  public static final class Builder {
    private final List<StateMachineSource> sources = new ArrayList<>();
    private String engineId;
    private EngineOptions options = EngineOptions.defaults();
    private Instant startTime;
    private Long seed;

    private Builder() {}

    /** Declares a state machine; the first one is the default state machine under test. */
    public Builder machine(StateMachineSource source) {
      sources.add(Objects.requireNonNull(source, "source"));
      return this;
    }

    /** The engine id ({@value Engines#IN_PROCESS} if not set); the system property wins. */
    public Builder engine(String id) {
      this.engineId = id;
      return this;
    }

    /** All engine options; {@link #startTime} and {@link #seed} override theirs. */
    public Builder options(EngineOptions value) {
      this.options = Objects.requireNonNull(value, "options");
      return this;
    }

    /** Where the virtual clock of each execution starts. */
    public Builder startTime(Instant value) {
      this.startTime = value;
      return this;
    }

    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    EngineOptions options() {
      EngineOptions.Builder b = options.toBuilder();
      if (startTime != null) {
        b.startTime(startTime);
      }
      if (seed != null) {
        b.seed(seed);
      }
      return b.build();
    }

    /**
     * Loads the definitions and creates the engine.
     *
     * @throws TestConfigurationException if a definition, file or the engine is wrong
     */
    public TestSession build() {
      return new TestSession(this);
    }
  }
}

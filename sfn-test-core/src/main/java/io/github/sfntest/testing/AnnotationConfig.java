package io.github.sfntest.testing;

import io.github.sfntest.engine.EngineCapability;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the values of the test-framework annotations ({@code @StateMachineTest}, {@code
 * @StateMachine}, {@code @MockConfig}, {@code @RequiresCapability}) into a {@link TestSession} and
 * the choices of a {@link TestRun}, once for every test framework: the JUnit 5 and the Spock
 * extension only read their annotations and hand the values here.
 *
 * <p>Errors are {@link TestConfigurationException}s whose fix-it examples are written in the test's
 * own language: {@link #JAVA} quotes strings with {@code "}, {@link #GROOVY} with {@code '} and
 * calls a test class a spec. This class is for test-framework integrations; tests do not use it.
 */
public final class AnnotationConfig {

  /** Messages for annotations written in Java (JUnit 5). */
  public static final AnnotationConfig JAVA = new AnnotationConfig('"', "class");

  /** Messages for annotations written in Groovy (Spock). */
  public static final AnnotationConfig GROOVY = new AnnotationConfig('\'', "spec");

  private final char quote;
  private final String container;

  private AnnotationConfig(char quote, String container) {
    this.quote = quote;
    this.container = container;
  }

  /**
   * One state machine as an annotation declares it; blank strings mean "not given".
   *
   * @param type the annotation's {@code type}: EXPRESS wins over the template's type; STANDARD (the
   *     annotations' default) or null leaves the template's type, else STANDARD
   */
  public record Machine(String name, String definition, String[] substitutions, String[] substitutionsFiles,
      String template, String templateResource, io.github.sfntest.engine.StateMachineType type) {

    /**
     * A STANDARD (or template-typed) machine.
     *
     * @param name the state machine's name, blank for the file's
     * @param definition its definition's location, blank for the template's
     * @param substitutions {@code Name=value} entries
     * @param substitutionsFiles files of placeholder values
     * @param template a SAM/CloudFormation template, blank for none
     * @param templateResource the state machine's logical id in the template
     */
    public Machine(String name, String definition, String[] substitutions, String[] substitutionsFiles,
        String template, String templateResource) {
      this(name, definition, substitutions, substitutionsFiles, template, templateResource, null);
    }
  }

  /**
   * The session of a {@code @StateMachineTest}: its main machine, further machines, engine id,
   * seed (null: the default) and start time (null or blank: the default).
   *
   * @param where the annotation and its class, for messages, e.g. "@StateMachineTest on a.MyTest"
   */
  public TestSession.Builder session(String where, Machine main, List<Machine> others, String engine, Long seed,
      String startTime) {
    if (main.definition().isBlank() && main.template().isBlank()) {
      throw new TestConfigurationException(where + " names no state machine definition: add definition = "
          + q("statemachine/my-machine.asl.json") + " (a classpath resource, or a file with the prefix file:), or"
          + " template = " + q("template.yaml") + " with templateResource = " + q("MyStateMachine") + ".");
    }
    TestSession.Builder session = TestSession.builder().engine(engine);
    if (seed != null) {
      session.seed(seed);
    }
    if (startTime != null && !startTime.isBlank()) {
      session.startTime(parseInstant(startTime, where));
    }
    session.machine(source(main, where));
    for (Machine m : others) {
      if (m.definition().isBlank() && m.template().isBlank()) {
        throw new TestConfigurationException("@StateMachine(" + q(m.name()) + ") in " + where
            + " names no definition: add definition = " + q("...") + " (or template and templateResource).");
      }
      session.machine(source(m, where));
    }
    return session;
  }

  /** The source of one declared machine; substitutions are {@code Name=value} entries. */
  public StateMachineSource source(Machine m, String where) {
    StateMachineSource.Builder b = StateMachineSource.builder().definition(m.definition()).name(m.name());
    if (m.type() == io.github.sfntest.engine.StateMachineType.EXPRESS) {
      b.type(m.type()); // the annotation's default (STANDARD) leaves the template's type
    }
    for (String file : m.substitutionsFiles()) {
      b.substitutionsFrom(file);
    }
    for (String entry : m.substitutions()) {
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new TestConfigurationException("The substitution \"" + entry + "\" in " + where
            + " is not of the form \"Name=value\", e.g. substitutions = " + q("TableName=orders") + ".");
      }
      b.substitution(entry.substring(0, eq).trim(), entry.substring(eq + 1));
    }
    if (!m.template().isBlank()) {
      if (m.templateResource().isBlank()) {
        String resources = CloudFormationTemplate.load(m.template()).stateMachineResources().toString();
        throw new TestConfigurationException(where + " names the template " + m.template()
            + " but not its state machine: add templateResource = " + q("...") + ", one of " + resources + ".");
      }
      b.template(m.template(), m.templateResource());
    }
    return b.build();
  }

  /** An ISO-8601 instant, or an error naming where the text came from. */
  public Instant parseInstant(String text, String where) {
    try {
      return Instant.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new TestConfigurationException("The startTime \"" + text + "\" in " + where
          + " is not an ISO-8601 instant: write it like " + q("2024-01-01T00:00:00Z") + ".", e);
    }
  }

  /** The first value that is neither null nor blank, trimmed; "" when there is none. */
  public static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.trim();
      }
    }
    return "";
  }

  /**
   * The MockConfigFile choice of a test: file, test case and state machine, each taken from the
   * most specific layer that names it (method, then class, then programmatic defaults).
   */
  public record MockConfigChoice(String file, String testCase, String stateMachine) {

    /** Nothing chosen. */
    public static final MockConfigChoice NONE = new MockConfigChoice("", "", "");

    public MockConfigChoice {
      file = first(file);
      testCase = first(testCase);
      stateMachine = first(stateMachine);
    }

    /** Each value from the first layer that names it; layers may be null. */
    public static MockConfigChoice merge(MockConfigChoice... layers) {
      String file = "";
      String testCase = "";
      String stateMachine = "";
      for (int i = layers.length - 1; i >= 0; i--) {
        MockConfigChoice l = layers[i];
        if (l != null) {
          file = first(l.file, file);
          testCase = first(l.testCase, testCase);
          stateMachine = first(l.stateMachine, stateMachine);
        }
      }
      return new MockConfigChoice(file, testCase, stateMachine);
    }

    /** The same choice with another test case. */
    public MockConfigChoice withTestCase(String name) {
      return new MockConfigChoice(file, name, stateMachine);
    }
  }

  /**
   * Fails when a test case is chosen without a MockConfigFile.
   *
   * @param annotated where the {@code @MockConfig(testCase)} is, e.g. "MyTest.charges()"
   */
  public void requireMockConfigFile(MockConfigChoice choice, String annotated) {
    if (!choice.testCase().isEmpty() && choice.file().isEmpty()) {
      throw new TestConfigurationException("@MockConfig(testCase = " + q(choice.testCase()) + ") on " + annotated
          + " names no MockConfigFile: add file = " + q("path/to/MockConfigFile.json") + " here or in a @MockConfig"
          + " on the " + container + ".");
    }
  }

  /**
   * Why a test must be skipped: the capabilities it requires that the run's engine lacks, or empty
   * when it has them all.
   *
   * @param test "test" or "feature", for the message
   */
  public static Optional<String> missingCapabilities(TestRun run, Collection<EngineCapability> required,
      String test) {
    if (required.isEmpty()) {
      return Optional.empty();
    }
    Set<EngineCapability> missing = EnumSet.copyOf(required);
    missing.removeAll(run.engine().capabilities());
    return missing.isEmpty() ? Optional.empty() : Optional.of("Skipped: the engine \"" + run.session().engineId()
        + "\" lacks " + missing + ", which this " + test + " requires (@RequiresCapability)");
  }

  private String q(String text) {
    return quote + text + quote;
  }
}

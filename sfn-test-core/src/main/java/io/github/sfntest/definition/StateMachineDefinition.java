package io.github.sfntest.definition;

import io.github.sfntest.internal.asl.AslParseException;
import io.github.sfntest.internal.asl.AslParser;
import io.github.sfntest.internal.asl.Definitions;
import io.github.sfntest.internal.asl.StateMachineModel;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.internal.validation.DefinitionValidator;
import io.github.sfntest.internal.validation.LocatedDocument;
import java.util.List;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed Amazon States Language definition, ready to run on any engine.
 *
 * <pre>{@code
 * StateMachineDefinition orderFlow = StateMachineDefinition.fromClasspath("order-flow.asl.json")
 *     .withSubstitutions(Map.of("ChargeFunctionArn", "arn:aws:lambda:us-east-1:123456789012:function:charge"));
 * }</pre>
 *
 * <p>JSON and YAML are accepted. The definition is validated as AWS's
 * ValidateStateMachineDefinition would; an invalid one throws {@link InvalidDefinitionException}
 * listing every problem with its location. {@code ${Name}} placeholders (SAM/CloudFormation {@code
 * DefinitionSubstitutions}) are replaced in the text before parsing; placeholders with no value
 * stay as they are and only matter if the execution reaches them.
 */
public final class StateMachineDefinition {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

  static {
    Definitions.install(definition -> ((StateMachineDefinition) definition).model);
  }

  private final String name;
  private final String text;
  private final Map<String, String> substitutions;
  private final StateMachineModel model;

  private StateMachineDefinition(String name, String text, Map<String, String> substitutions) {
    this.name = Objects.requireNonNull(name, "name");
    this.text = Objects.requireNonNull(text, "text");
    this.substitutions = Map.copyOf(substitutions);
    this.model = parseModel(name, substitute(text, this.substitutions));
  }

  /**
   * Parses JSON or YAML definition text; the state machine is named "StateMachine".
   *
   * @param text the ASL text, JSON or YAML
   * @return the definition
   * @throws InvalidDefinitionException if the definition is invalid
   */
  public static StateMachineDefinition of(String text) {
    return new StateMachineDefinition("StateMachine", text, Map.of());
  }

  /**
   * Parses JSON or YAML definition text under the given state machine name.
   *
   * @param name the state machine name
   * @param text the ASL text, JSON or YAML
   * @return the definition
   * @throws InvalidDefinitionException if the definition is invalid
   */
  public static StateMachineDefinition of(String name, String text) {
    return new StateMachineDefinition(name, text, Map.of());
  }

  /**
   * Parses definition text under the given name with its {@code ${Name}} substitutions applied
   * first, as AWS applies DefinitionSubstitutions before it validates: use this when a placeholder
   * stands where a number or object belongs ({@code "Seconds": ${Timeout}}), which text without
   * its values could not validate.
   *
   * @param name the state machine name
   * @param text JSON or YAML definition text
   * @param substitutions placeholder values
   * @return the definition
   */
  public static StateMachineDefinition of(String name, String text, Map<String, String> substitutions) {
    return new StateMachineDefinition(name, text, substitutions);
  }

  /**
   * Reads a definition file; the state machine is named after the file (without .asl.json etc.).
   *
   * @param file the definition file
   * @return the definition
   * @throws InvalidDefinitionException if the definition is invalid
   */
  public static StateMachineDefinition fromFile(Path file) {
    try {
      return new StateMachineDefinition(nameOf(file.getFileName().toString()), Files.readString(file), Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read state machine definition " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a definition from the classpath of the calling thread.
   *
   * @param resource the classpath resource name, e.g. {@code statemachine/order.asl.json}
   * @return the definition
   * @throws IllegalArgumentException if there is no such resource
   * @throws InvalidDefinitionException if the definition is invalid
   */
  public static StateMachineDefinition fromClasspath(String resource) {
    String path = resource.startsWith("/") ? resource.substring(1) : resource;
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = StateMachineDefinition.class.getClassLoader();
    }
    try (InputStream in = loader.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("No state machine definition on the classpath at \"" + resource + "\"");
      }
      String fileName = path.contains("/") ? path.substring(path.lastIndexOf('/') + 1) : path;
      return new StateMachineDefinition(nameOf(fileName), new String(in.readAllBytes(), StandardCharsets.UTF_8), Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read state machine definition " + resource + ": " + e.getMessage(), e);
    }
  }

  /**
   * The same definition with {@code ${Name}} placeholders replaced by these values.
   *
   * @param values placeholder name to value
   * @return a new definition; this one is unchanged
   */
  public StateMachineDefinition withSubstitutions(Map<String, String> values) {
    java.util.Map<String, String> merged = new java.util.HashMap<>(substitutions);
    merged.putAll(values);
    return new StateMachineDefinition(name, text, merged);
  }

  /**
   * The same definition under another state machine name (the name mocks and ARNs use).
   *
   * @param newName the state machine name
   * @return a new definition; this one is unchanged
   */
  public StateMachineDefinition withName(String newName) {
    return new StateMachineDefinition(newName, text, substitutions);
  }

  /**
   * The state machine name (the name mocks, ARNs and MockConfigFiles use).
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The definition text as given, before substitution.
   *
   * @return the source text
   */
  public String sourceText() {
    return text;
  }

  /**
   * The definition as JSON, after substitution (what a real Step Functions API would receive).
   *
   * @return the JSON text
   */
  public String toJson() {
    return Json.write(model.source());
  }

  /**
   * The names of the top-level states in definition order.
   *
   * @return the top-level state names
   */
  public java.util.List<String> stateNames() {
    java.util.List<String> names = new java.util.ArrayList<>();
    model.source().path("States").fieldNames().forEachRemaining(names::add);
    return names;
  }

  static String substitute(String text, Map<String, String> values) {
    if (values.isEmpty() || !text.contains("${")) {
      return text;
    }
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Validates like AWS (every problem at once), then builds the model. */
  private static StateMachineModel parseModel(String name, String text) {
    LocatedDocument document = DefinitionValidator.parse(text);
    List<Diagnostic> diagnostics = DefinitionValidator.validate(document);
    if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
      throw new InvalidDefinitionException(name, diagnostics);
    }
    try {
      return AslParser.parse(document.root());
    } catch (AslParseException e) {
      throw new InvalidDefinitionException(name, List.of(new Diagnostic(
          "SCHEMA_VALIDATION_FAILED", Severity.ERROR, e.pointer(), 1, 1, e.getMessage())));
    }
  }

  private static String nameOf(String fileName) {
    String name = fileName;
    for (String suffix : new String[] {".asl.json", ".asl.yaml", ".asl.yml", ".json", ".yaml", ".yml"}) {
      if (name.endsWith(suffix)) {
        return name.substring(0, name.length() - suffix.length());
      }
    }
    return name;
  }

  @Override
  public String toString() {
    return "StateMachineDefinition{" + name + "}";
  }
}

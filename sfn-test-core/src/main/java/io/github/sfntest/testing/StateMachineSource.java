package io.github.sfntest.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sfntest.definition.InvalidDefinitionException;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.EngineOptions;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Where a state machine under test comes from: its definition (JSON or YAML, on the classpath or
 * in a file, or a SAM/CloudFormation template's state machine), its name, and the values of its
 * {@code ${...}} placeholders.
 *
 * <pre>{@code
 * StateMachineSource order = StateMachineSource.builder()
 *     .definition("statemachine/order.asl.yaml")
 *     .name("OrderFlow")                                  // the name MockConfigFiles use
 *     .template("template.yaml", "OrderStateMachine")     // its DefinitionSubstitutions
 *     .substitutionsFrom("order-substitutions.properties")
 *     .substitution("TableName", "orders-test")           // wins over the others
 *     .build();
 * }</pre>
 *
 * <p>Substitution values are merged in this order, later ones winning: the template's {@code
 * DefinitionSubstitutions}, the substitution files in the order given ({@code .properties}, or a
 * {@code .json} object of strings), the inline values. With a template and no definition, the
 * definition is the template's ({@code DefinitionUri}, {@code Definition} or {@code
 * DefinitionString}).
 */
public final class StateMachineSource {

  private final String definition;
  private final String name;
  private final String template;
  private final String templateResource;
  private final List<String> substitutionFiles;
  private final Map<String, String> substitutions;
  private final io.github.sfntest.engine.StateMachineType type;

  private StateMachineSource(Builder b) {
    this.type = b.type;
    this.definition = blankToNull(b.definition);
    this.name = blankToNull(b.name);
    this.template = blankToNull(b.template);
    this.templateResource = blankToNull(b.templateResource);
    this.substitutionFiles = List.copyOf(b.substitutionFiles);
    this.substitutions = Map.copyOf(b.substitutions);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The definition at {@code location}, named after its file. */
  public static StateMachineSource of(String location) {
    return builder().definition(location).build();
  }

  /** The definition location as given, or null. */
  public String definition() {
    return definition;
  }

  /** The name as given, or null (then named after the file or template resource). */
  public String name() {
    return name;
  }

  /**
   * The state machine's type: the one set with {@link Builder#type}, else the template's ({@code Type}
   * of SAM, {@code StateMachineType} of CloudFormation), else {@code STANDARD}, AWS's default.
   *
   * @return how its executions run
   * @throws TestConfigurationException when the template's type is neither STANDARD nor EXPRESS
   */
  public io.github.sfntest.engine.StateMachineType type() {
    if (type != null) {
      return type;
    }
    if (template != null && templateResource != null) {
      return CloudFormationTemplate.load(template).stateMachineType(templateResource);
    }
    return io.github.sfntest.engine.StateMachineType.STANDARD;
  }

  /** True when neither a definition nor a template is given. */
  public boolean isEmpty() {
    return definition == null && template == null;
  }

  /**
   * Reads, substitutes and validates the definition.
   *
   * @throws TestConfigurationException if a file is missing or unreadable, or the definition invalid
   */
  public StateMachineDefinition load(EngineOptions options) {
    CloudFormationTemplate cfn = null;
    if (template != null) {
      if (templateResource == null) {
        CloudFormationTemplate t = CloudFormationTemplate.load(template);
        throw new TestConfigurationException("The template " + t.describe() + " is given without the state machine"
            + " resource to read: name its logical id (one of " + t.stateMachineResources() + ").");
      }
      cfn = CloudFormationTemplate.load(template);
    }
    String text;
    String defaultName;
    String where;
    if (definition != null) {
      TestResource resource = TestResource.read(definition, "state machine definition");
      text = resource.text();
      defaultName = nameOf(resource.fileName());
      where = resource.describe();
    } else if (cfn != null) {
      String location = cfn.definitionLocation(templateResource);
      defaultName = cfn.stateMachineName(templateResource);
      if (location != null) {
        TestResource resource = TestResource.read(location, "state machine definition (DefinitionUri of "
            + templateResource + " in " + cfn.describe() + ")");
        text = resource.text();
        where = resource.describe();
      } else {
        text = cfn.inlineDefinition(templateResource, options);
        where = templateResource + " in " + cfn.describe();
      }
    } else {
      throw new TestConfigurationException("No state machine definition is given: name a definition file"
          + " (e.g. definition = \"statemachine/order.asl.json\") or a template and its state machine resource.");
    }
    Map<String, String> values = new LinkedHashMap<>();
    if (cfn != null) {
      values.putAll(cfn.definitionSubstitutions(templateResource, options));
    }
    for (String file : substitutionFiles) {
      values.putAll(readSubstitutions(file));
    }
    values.putAll(substitutions);
    String machineName = name != null ? name : defaultName;
    try {
      // Substituted before validation, as AWS does: `Seconds: ${Timeout}` is valid once it has a value.
      return StateMachineDefinition.of(machineName, text, values);
    } catch (InvalidDefinitionException e) {
      throw new TestConfigurationException("The state machine definition " + where + " is invalid. "
          + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new TestConfigurationException("The state machine definition " + where + " cannot be read: "
          + e.getMessage(), e);
    }
  }

  /**
   * Reads a substitutions file: {@code .properties}, or a JSON object whose values are strings
   * (numbers and booleans are written as text).
   */
  public static Map<String, String> readSubstitutions(String location) {
    TestResource resource = TestResource.read(location, "substitutions file");
    String text = resource.text();
    Map<String, String> values = new LinkedHashMap<>();
    if (text.stripLeading().startsWith("{")) {
      JsonNode node;
      try {
        node = new ObjectMapper().readTree(text);
      } catch (IOException e) {
        throw new TestConfigurationException("The substitutions file " + resource.describe() + " is not valid JSON: "
            + e.getMessage(), e);
      }
      List<String> bad = new ArrayList<>();
      node.properties().iterator().forEachRemaining(e -> {
        if (e.getValue().isValueNode() && !e.getValue().isNull()) {
          values.put(e.getKey(), e.getValue().asText());
        } else {
          bad.add(e.getKey());
        }
      });
      if (!bad.isEmpty()) {
        throw new TestConfigurationException("The substitutions file " + resource.describe()
            + " must map each placeholder to a string; these are not: " + bad
            + ". Write e.g. {\"TableName\": \"orders\"}.");
      }
      return values;
    }
    if (resource.fileName().endsWith(".json")) {
      throw new TestConfigurationException("The substitutions file " + resource.describe()
          + " is not a JSON object: write e.g. {\"TableName\": \"orders\"}.");
    }
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(text));
    } catch (IOException | IllegalArgumentException e) {
      throw new TestConfigurationException("The substitutions file " + resource.describe()
          + " is not a valid .properties file: " + e.getMessage(), e);
    }
    properties.stringPropertyNames().stream().sorted().forEach(k -> values.put(k, properties.getProperty(k)));
    return values;
  }

  private static String nameOf(String fileName) {
    for (String suffix : new String[] {".asl.json", ".asl.yaml", ".asl.yml", ".json", ".yaml", ".yml"}) {
      if (fileName.endsWith(suffix)) {
        return fileName.substring(0, fileName.length() - suffix.length());
      }
    }
    return fileName;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  @Override
  public String toString() {
    return "StateMachineSource{" + (name != null ? name + " " : "")
        + (definition != null ? definition : template + "#" + templateResource) + "}";
  }

  /** Builder of {@link StateMachineSource}. */
  public static final class Builder {
    private String definition;
    private String name;
    private String template;
    private String templateResource;
    private io.github.sfntest.engine.StateMachineType type;
    private final List<String> substitutionFiles = new ArrayList<>();
    private final Map<String, String> substitutions = new LinkedHashMap<>();

    private Builder() {}

    /** The definition's location: a classpath resource or a file (see {@link TestResource#read}). */
    public Builder definition(String location) {
      this.definition = location;
      return this;
    }

    /** The state machine's name (what MockConfigFiles and ARNs use); by default the file's name. */
    public Builder name(String value) {
      this.name = value;
      return this;
    }

    /** One placeholder value; inline values win over files and templates. */
    public Builder substitution(String placeholder, String value) {
      substitutions.put(Objects.requireNonNull(placeholder, "placeholder"), Objects.requireNonNull(value, "value"));
      return this;
    }

    public Builder substitutions(Map<String, String> values) {
      substitutions.putAll(values);
      return this;
    }

    /** Placeholder values from a {@code .properties} or JSON file. */
    public Builder substitutionsFrom(String location) {
      substitutionFiles.add(Objects.requireNonNull(location, "location"));
      return this;
    }

    /**
     * A SAM/CloudFormation template and the logical id of the state machine in it: its {@code
     * DefinitionSubstitutions}, and its definition if none is named.
     */
    public Builder template(String location, String stateMachineResource) {
      this.template = location;
      this.templateResource = stateMachineResource;
      return this;
    }

    /**
     * How the state machine's executions run; it wins over the template's type. Without it, the
     * template's type, else {@code STANDARD}.
     *
     * @param value the type, or null for the template's (or STANDARD)
     * @return this builder
     */
    public Builder type(io.github.sfntest.engine.StateMachineType value) {
      this.type = value;
      return this;
    }

    public StateMachineSource build() {
      return new StateMachineSource(this);
    }
  }
}

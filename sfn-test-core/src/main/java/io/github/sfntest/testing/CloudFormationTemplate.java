package io.github.sfntest.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sfntest.engine.EngineOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A SAM or CloudFormation template (YAML or JSON), read for what a test of its state machines
 * needs: each state machine's definition ({@code DefinitionUri}, {@code Definition} or {@code
 * DefinitionString}) and its {@code DefinitionSubstitutions}.
 *
 * <pre>{@code
 * CloudFormationTemplate template = CloudFormationTemplate.load("template.yaml");
 * Map<String, String> values = template.definitionSubstitutions("OrderStateMachine", EngineOptions.defaults());
 * }</pre>
 *
 * <p>Short-form tags ({@code !Ref}, {@code !GetAtt}, {@code !Sub}, {@code !Join}, ...) are read as
 * their long forms. Values are evaluated as a deployment would, with the engine's account and
 * region: {@code !GetAtt Fn.Arn} of a function becomes {@code
 * arn:aws:lambda:us-east-1:111111111111:function:Fn} (its {@code FunctionName} if it has one),
 * {@code !Ref Table} the table name, {@code !Ref Param} the parameter's default, {@code !Sub} and
 * {@code !Join} their strings. A value that cannot be evaluated (conditions, imports) is left out:
 * its placeholder stays in the definition, and a test can give it explicitly.
 */
public final class CloudFormationTemplate {

  private static final Pattern SUB_VAR = Pattern.compile("\\$\\{([^}]*)}");

  private final TestResource source;
  private final Map<String, Object> root;

  private CloudFormationTemplate(TestResource source, Map<String, Object> root) {
    this.source = source;
    this.root = root;
  }

  /** Reads a template from the classpath or a file (see {@link TestResource#read}). */
  public static CloudFormationTemplate load(String location) {
    return parse(TestResource.read(location, "SAM/CloudFormation template"));
  }

  static CloudFormationTemplate parse(TestResource source) {
    Object parsed;
    try {
      String text = source.text();
      if (text.stripLeading().startsWith("{")) {
        parsed = new ObjectMapper().readValue(text, Object.class);
      } else {
        LoaderOptions options = new LoaderOptions();
        parsed = new Yaml(new CfnConstructor(options)).load(text);
      }
    } catch (Exception e) {
      throw new TestConfigurationException("The template " + source.describe() + " is neither valid YAML nor JSON: "
          + e.getMessage(), e);
    }
    if (!(parsed instanceof Map<?, ?> map) || !(map.get("Resources") instanceof Map)) {
      throw new TestConfigurationException("The template " + source.describe()
          + " has no Resources section: is it a SAM/CloudFormation template?");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> root = (Map<String, Object>) map;
    return new CloudFormationTemplate(source, root);
  }

  /** The logical ids of the state machines ({@code AWS::Serverless::StateMachine}, {@code AWS::StepFunctions::StateMachine}). */
  public List<String> stateMachineResources() {
    List<String> ids = new ArrayList<>();
    resources().forEach((id, r) -> {
      String type = type(r);
      if (type.equals("AWS::Serverless::StateMachine") || type.equals("AWS::StepFunctions::StateMachine")) {
        ids.add(id);
      }
    });
    return ids;
  }

  /**
   * The evaluated {@code DefinitionSubstitutions} of the state machine {@code resource}.
   *
   * @throws TestConfigurationException if the template has no state machine of that logical id
   */
  public Map<String, String> definitionSubstitutions(String resource, EngineOptions options) {
    Map<String, Object> properties = properties(stateMachine(resource));
    Map<String, String> values = new LinkedHashMap<>();
    if (properties.get("DefinitionSubstitutions") instanceof Map<?, ?> subs) {
      Evaluator evaluator = new Evaluator(options);
      subs.forEach((key, value) -> {
        String evaluated = evaluator.eval(value);
        if (evaluated != null) {
          values.put(String.valueOf(key), evaluated);
        }
      });
    }
    return values;
  }

  /**
   * The location of the definition text of {@code resource} ({@code DefinitionUri}, relative to the
   * template), or null when the template holds the definition itself ({@link #inlineDefinition}).
   */
  public String definitionLocation(String resource) {
    Object uri = properties(stateMachine(resource)).get("DefinitionUri");
    if (uri instanceof String s) {
      return source.resolveSibling(s);
    }
    if (uri != null) {
      throw new TestConfigurationException("The state machine " + resource + " in " + source.describe()
          + " has its DefinitionUri in S3; name the definition file in the test instead (definition = \"...\").");
    }
    return null;
  }

  /** The definition held in the template ({@code Definition} or {@code DefinitionString}) as text. */
  public String inlineDefinition(String resource, EngineOptions options) {
    Map<String, Object> properties = properties(stateMachine(resource));
    Object definition = properties.get("Definition");
    if (definition instanceof Map<?, ?>) {
      try {
        return new ObjectMapper().writeValueAsString(definition);
      } catch (Exception e) {
        throw new TestConfigurationException("Cannot write the Definition of " + resource + " as JSON: " + e, e);
      }
    }
    Object string = properties.get("DefinitionString");
    if (string != null) {
      String text = string instanceof String s ? s : new Evaluator(options).eval(string);
      if (text != null) {
        return text;
      }
    }
    throw new TestConfigurationException("The state machine " + resource + " in " + source.describe()
        + " has no DefinitionUri, Definition or DefinitionString the test can read (DefinitionS3Location is not"
        + " supported); name the definition file in the test instead (definition = \"...\").");
  }

  /** The state machine's name: its {@code Name}/{@code StateMachineName} if given, else the logical id. */
  public String stateMachineName(String resource) {
    Map<String, Object> properties = properties(stateMachine(resource));
    Object name = properties.getOrDefault("Name", properties.get("StateMachineName"));
    return name instanceof String s ? s : resource;
  }

  /**
   * The type the template gives the state machine {@code resource}: SAM's {@code Type}, CloudFormation's
   * {@code StateMachineType}; {@code STANDARD} when absent, as AWS defaults.
   *
   * @param resource the state machine's logical id
   * @return its type
   * @throws TestConfigurationException when the template has no such state machine, or its type is neither
   *     {@code STANDARD} nor {@code EXPRESS}
   */
  public io.github.sfntest.engine.StateMachineType stateMachineType(String resource) {
    Map<String, Object> machine = stateMachine(resource);
    String field = type(machine).equals("AWS::Serverless::StateMachine") ? "Type" : "StateMachineType";
    Object value = properties(machine).get(field);
    if (value == null) {
      return io.github.sfntest.engine.StateMachineType.STANDARD;
    }
    String text = value instanceof String s ? s : new Evaluator(EngineOptions.defaults()).eval(value);
    if ("STANDARD".equals(text) || "EXPRESS".equals(text)) {
      return io.github.sfntest.engine.StateMachineType.valueOf(text);
    }
    throw new TestConfigurationException("The state machine " + resource + " in " + source.describe() + " has "
        + field + ": " + value + "; AWS accepts STANDARD or EXPRESS. Write one of them, or set the type in the test"
        + " (type = EXPRESS).");
  }

  /** Where the template was read from. */
  public String describe() {
    return source.describe();
  }

  private Map<String, Object> stateMachine(String resource) {
    Objects.requireNonNull(resource, "resource");
    List<String> machines = stateMachineResources();
    if (!machines.contains(resource)) {
      throw new TestConfigurationException("The template " + source.describe() + " has no state machine resource \""
          + resource + "\". State machines in it: " + (machines.isEmpty() ? "none" : String.join(", ", machines))
          + ". Name one of them by its logical id (the key under Resources).");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> r = (Map<String, Object>) resources().get(resource);
    return r;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> resources() {
    return (Map<String, Object>) root.get("Resources");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> properties(Object resource) {
    if (resource instanceof Map<?, ?> r && r.get("Properties") instanceof Map<?, ?> p) {
      return (Map<String, Object>) p;
    }
    return Map.of();
  }

  private static String type(Object resource) {
    return resource instanceof Map<?, ?> r && r.get("Type") instanceof String t ? t : "";
  }

  /** Evaluates intrinsic functions far enough for substitution values. */
  private final class Evaluator {
    private final String region;
    private final String account;

    Evaluator(EngineOptions options) {
      this.region = options.region();
      this.account = options.account();
    }

    String eval(Object value) {
      if (value == null) {
        return null;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean) {
        return String.valueOf(value);
      }
      if (value instanceof Map<?, ?> map && map.size() == 1) {
        Map.Entry<?, ?> e = map.entrySet().iterator().next();
        String fn = String.valueOf(e.getKey());
        Object arg = e.getValue();
        switch (fn) {
          case "Ref":
            return ref(String.valueOf(arg));
          case "Fn::GetAtt": {
            List<String> parts = new ArrayList<>();
            if (arg instanceof List<?> list) {
              list.forEach(p -> parts.add(String.valueOf(p)));
            } else {
              String s = String.valueOf(arg);
              int dot = s.indexOf('.');
              parts.add(dot < 0 ? s : s.substring(0, dot));
              parts.add(dot < 0 ? "" : s.substring(dot + 1));
            }
            return parts.size() == 2 ? getAtt(parts.get(0), parts.get(1)) : null;
          }
          case "Fn::Sub": {
            if (arg instanceof String s) {
              return sub(s, Map.of());
            }
            if (arg instanceof List<?> list && list.size() == 2 && list.get(0) instanceof String s
                && list.get(1) instanceof Map<?, ?> vars) {
              return sub(s, vars);
            }
            return null;
          }
          case "Fn::Join": {
            if (arg instanceof List<?> list && list.size() == 2 && list.get(1) instanceof List<?> items) {
              List<String> out = new ArrayList<>();
              for (Object item : items) {
                String s = eval(item);
                if (s == null) {
                  return null;
                }
                out.add(s);
              }
              return String.join(String.valueOf(list.get(0)), out);
            }
            return null;
          }
          default:
            return null;
        }
      }
      return null;
    }

    private String sub(String template, Map<?, ?> vars) {
      Matcher m = SUB_VAR.matcher(template);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String name = m.group(1);
        String value;
        if (name.startsWith("!")) {
          value = "${" + name.substring(1) + "}";
        } else if (vars.containsKey(name)) {
          value = eval(vars.get(name));
        } else if (name.contains(".") && !name.startsWith("AWS::")) {
          int dot = name.indexOf('.');
          value = getAtt(name.substring(0, dot), name.substring(dot + 1));
        } else {
          value = ref(name);
        }
        if (value == null) {
          return null;
        }
        m.appendReplacement(out, Matcher.quoteReplacement(value));
      }
      m.appendTail(out);
      return out.toString();
    }

    private String ref(String name) {
      switch (name) {
        case "AWS::Region":
          return region;
        case "AWS::AccountId":
          return account;
        case "AWS::Partition":
          return "aws";
        case "AWS::URLSuffix":
          return "amazonaws.com";
        case "AWS::StackName":
          return "sfn-test";
        case "AWS::NoValue":
          return null;
        default:
          break;
      }
      if (root.get("Parameters") instanceof Map<?, ?> params && params.get(name) instanceof Map<?, ?> param) {
        return param.containsKey("Default") ? eval(param.get("Default")) : name;
      }
      Object resource = resources().get(name);
      if (resource == null) {
        return null;
      }
      String type = type(resource);
      String resourceName = resourceName(name, resource);
      return switch (type) {
        case "AWS::SNS::Topic", "AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine" ->
            arn(name, resource, type);
        case "AWS::SQS::Queue" -> "https://sqs." + region + ".amazonaws.com/" + account + "/" + resourceName;
        default -> resourceName;
      };
    }

    private String getAtt(String logicalId, String attribute) {
      Object resource = resources().get(logicalId);
      if (resource == null) {
        return null;
      }
      String type = type(resource);
      return switch (attribute) {
        case "Arn" -> arn(logicalId, resource, type);
        case "Name", "QueueName", "TopicName" -> resourceName(logicalId, resource);
        case "QueueUrl" -> "https://sqs." + region + ".amazonaws.com/" + account + "/" + resourceName(logicalId, resource);
        default -> logicalId + "." + attribute;
      };
    }

    private String arn(String logicalId, Object resource, String type) {
      String n = resourceName(logicalId, resource);
      return switch (type) {
        case "AWS::Lambda::Function", "AWS::Serverless::Function" -> "arn:aws:lambda:" + region + ":" + account + ":function:" + n;
        case "AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable" -> "arn:aws:dynamodb:" + region + ":" + account + ":table/" + n;
        case "AWS::SQS::Queue" -> "arn:aws:sqs:" + region + ":" + account + ":" + n;
        case "AWS::SNS::Topic" -> "arn:aws:sns:" + region + ":" + account + ":" + n;
        case "AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine" ->
            "arn:aws:states:" + region + ":" + account + ":stateMachine:" + n;
        case "AWS::StepFunctions::Activity" -> "arn:aws:states:" + region + ":" + account + ":activity:" + n;
        case "AWS::Events::EventBus" -> "arn:aws:events:" + region + ":" + account + ":event-bus/" + n;
        case "AWS::S3::Bucket" -> "arn:aws:s3:::" + n;
        case "AWS::IAM::Role" -> "arn:aws:iam::" + account + ":role/" + n;
        default -> "arn:aws:" + serviceOf(type) + ":" + region + ":" + account + ":" + n;
      };
    }

    private String resourceName(String logicalId, Object resource) {
      Map<String, Object> p = properties(resource);
      for (String key : List.of("FunctionName", "TableName", "QueueName", "TopicName", "StateMachineName", "Name",
          "BucketName", "RoleName")) {
        Object value = p.get(key);
        String evaluated = value instanceof Map<?, ?> && depth < 8 ? evalNested(value) : value instanceof String s ? s : null;
        if (evaluated != null) {
          return evaluated;
        }
      }
      return logicalId;
    }

    private int depth;

    /** Evaluates a resource's own name ({@code TableName: !Sub "orders-${Stage}"}), guarding against cycles. */
    private String evalNested(Object value) {
      depth++;
      try {
        return eval(value);
      } finally {
        depth--;
      }
    }

    private String serviceOf(String type) {
      String[] parts = type.split("::");
      return parts.length >= 2 ? parts[1].toLowerCase(java.util.Locale.ROOT) : "unknown";
    }
  }

  /** SnakeYAML's safe constructor, reading CloudFormation's short-form tags as their long forms. */
  private static final class CfnConstructor extends SafeConstructor {
    CfnConstructor(LoaderOptions options) {
      super(options);
      this.yamlMultiConstructors.put("!", new AbstractConstruct() {
        @Override
        public Object construct(Node node) {
          String tag = node.getTag().getValue().substring(1);
          Object value;
          if (node instanceof ScalarNode scalar) {
            value = constructScalar(scalar);
          } else if (node instanceof SequenceNode sequence) {
            value = constructSequence(sequence);
          } else {
            value = constructMapping((MappingNode) node);
          }
          if (tag.equals("GetAtt") && value instanceof String s) {
            value = s; // "Resource.Attribute", split when evaluated
          }
          Map<String, Object> longForm = new LinkedHashMap<>();
          longForm.put(tag.equals("Ref") || tag.equals("Condition") ? tag : "Fn::" + tag, value);
          return longForm;
        }
      });
    }
  }
}

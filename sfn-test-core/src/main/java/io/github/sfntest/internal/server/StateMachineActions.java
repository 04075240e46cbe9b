package io.github.sfntest.internal.server;

import static io.github.sfntest.internal.server.Wire.epoch;
import static io.github.sfntest.internal.server.Wire.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.definition.Diagnostic;
import io.github.sfntest.definition.InvalidDefinitionException;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.internal.validation.DefinitionValidator;
import io.github.sfntest.internal.validation.ValidationResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Create, Update, Delete, Describe, List and Validate state machines, and DescribeStateMachineForExecution. */
record StateMachineActions(ServiceContext ctx) implements ActionGroup {

  static final List<String> TYPES = List.of("STANDARD", "EXPRESS");

  @Override
  public void registerIn(Dispatcher d) {
    d.aws("CreateStateMachine", this::create)
        .aws("UpdateStateMachine", this::update)
        .aws("DeleteStateMachine", this::delete)
        .aws("DescribeStateMachine", this::describe)
        .aws("ListStateMachines", this::list)
        .aws("DescribeStateMachineForExecution", this::describeForExecution)
        .aws("ValidateStateMachineDefinition", this::validate);
  }

  private ObjectNode create(Req r) {
    String name = r.required("name", 80);
    String definitionText = r.required("definition", DefinitionValidator.MAX_DEFINITION_LENGTH);
    String roleArn = r.required("roleArn", 256);
    String type = r.oneOf("type", TYPES, "STANDARD");
    ObjectNode logging = r.object("loggingConfiguration");
    ObjectNode tracing = r.object("tracingConfiguration");
    boolean publish = r.bool("publish", false);
    String versionDescription = r.str("versionDescription", 256);
    checkVersionDescription(publish, versionDescription);
    r.array("tags");
    Arns.checkName(name);
    Arns.checkRoleArn(roleArn);
    StateMachineDefinition definition = parseDefinition(name, definitionText, type);
    if (type.equals("EXPRESS")) {
      checkExpress(definition);
    }
    String arn = ctx.arns().stateMachine(name);
    Instant now = Instant.now();
    StateMachineRecord.Snapshot snapshot = new StateMachineRecord.Snapshot(arn, name, type, definitionText, definition,
        roleArn, r.str("description"), logging, tracing, UUID.randomUUID().toString(), now);
    StateMachineRecord created = ctx.machines().putIfAbsent(arn,
        new StateMachineRecord(snapshot, now, ctx.config().options().seed()));
    StateMachineRecord.Snapshot cur = created.current();
    if (cur != snapshot
        && (!cur.definitionText().equals(definitionText) || !cur.roleArn().equals(roleArn) || !cur.type().equals(type))) {
      throw new ApiException("StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
    }
    JsonNode tagList = r.array("tags");
    if (tagList != null) {
      ctx.tags().put(arn, tagList);
    }
    ObjectNode out = obj();
    out.put("stateMachineArn", arn);
    out.set("creationDate", epoch(created.creationDate));
    if (publish) {
      out.put("stateMachineVersionArn", created.publish(versionDescription, now).arn());
    }
    return out;
  }

  /** AWS: a version description only goes with {@code publish: true}. */
  private static void checkVersionDescription(boolean publish, String versionDescription) {
    if (versionDescription != null && !publish) {
      throw ApiException.validation("Version description can only be set when publish is true");
    }
  }

  private ObjectNode update(Req r) {
    StateMachineRecord machine = ctx.machines().get(r.required("stateMachineArn"));
    String definitionText = r.str("definition", DefinitionValidator.MAX_DEFINITION_LENGTH);
    String roleArn = r.str("roleArn", 256);
    ObjectNode logging = r.object("loggingConfiguration");
    ObjectNode tracing = r.object("tracingConfiguration");
    boolean publish = r.bool("publish", false);
    String versionDescription = r.str("versionDescription", 256);
    checkVersionDescription(publish, versionDescription);
    if (definitionText == null && roleArn == null && logging == null && tracing == null) {
      throw ApiException.validation("Either the definition, the role ARN, the LoggingConfiguration, or the "
          + "TracingConfiguration must be specified");
    }
    if (roleArn != null) {
      Arns.checkRoleArn(roleArn);
    }
    StateMachineRecord.Snapshot cur = machine.current();
    StateMachineDefinition definition = definitionText == null ? cur.definition() : parseDefinition(machine.name, definitionText, cur.type());
    if (definitionText != null && cur.type().equals("EXPRESS")) {
      checkExpress(definition);
    }
    String description = r.str("description");
    Instant now = Instant.now();
    machine.update(new StateMachineRecord.Snapshot(cur.arn(), cur.name(), cur.type(),
        definitionText == null ? cur.definitionText() : definitionText, definition,
        roleArn == null ? cur.roleArn() : roleArn, description == null ? cur.description() : description,
        logging == null ? cur.loggingConfiguration() : logging, tracing == null ? cur.tracingConfiguration() : tracing,
        UUID.randomUUID().toString(), now));
    ObjectNode out = obj();
    out.set("updateDate", epoch(now));
    out.put("revisionId", machine.current().revisionId());
    if (publish) {
      out.put("stateMachineVersionArn", machine.publish(versionDescription, now).arn());
    }
    return out;
  }

  private ObjectNode delete(Req r) {
    String arn = r.required("stateMachineArn");
    ctx.machines().delete(arn);
    ctx.tags().forget(arn);
    return obj();
  }

  private ObjectNode describe(Req r) {
    String arn = r.required("stateMachineArn");
    String[] qualified = StateMachineStore.split(arn);
    if (qualified != null) {
      // A version ARN describes that version (AWS answers aliases with InvalidArn here).
      StateMachineRecord.Version v = ctx.machines().resolveVersionForDescribe(arn);
      ObjectNode out = describe(v.snapshot());
      out.put("stateMachineArn", v.arn());
      if (v.description() != null) {
        out.put("description", v.description());
      } else {
        out.remove("description");
      }
      out.put("status", "ACTIVE");
      out.set("creationDate", epoch(v.creationDate()));
      return out;
    }
    StateMachineRecord machine = ctx.machines().get(arn);
    ObjectNode out = describe(machine.current());
    out.put("status", "ACTIVE");
    out.set("creationDate", epoch(machine.creationDate));
    return out;
  }

  private ObjectNode describeForExecution(Req r) {
    ExecutionRecord e = ctx.executions().get(r.required("executionArn"));
    ObjectNode out = describe(e.machine);
    out.set("updateDate", epoch(e.machine.updateDate()));
    if (e.mapRunArn != null) {
      out.put("mapRunArn", e.mapRunArn);
    }
    return out;
  }

  /** The members DescribeStateMachine and DescribeStateMachineForExecution share. */
  private static ObjectNode describe(StateMachineRecord.Snapshot s) {
    ObjectNode out = obj();
    out.put("stateMachineArn", s.arn());
    out.put("name", s.name());
    out.put("definition", s.definitionText());
    out.put("roleArn", s.roleArn());
    out.put("type", s.type());
    if (s.description() != null) {
      out.put("description", s.description());
    }
    ObjectNode logging = s.loggingConfiguration();
    if (logging == null) {
      logging = obj();
      logging.put("level", "OFF");
      logging.put("includeExecutionData", false);
    }
    out.set("loggingConfiguration", logging);
    ObjectNode tracing = s.tracingConfiguration();
    if (tracing == null) {
      tracing = obj();
      tracing.put("enabled", false);
    }
    out.set("tracingConfiguration", tracing);
    out.put("revisionId", s.revisionId());
    return out;
  }

  private ObjectNode list(Req r) {
    int max = r.integer("maxResults", 0, 1000, 0);
    ObjectNode out = obj();
    ArrayNode list = out.putArray("stateMachines");
    Wire.page(ctx.machines().sortedByName(), r.str("nextToken"), Wire.pageSize(max), out, m -> {
      ObjectNode item = list.addObject();
      item.put("stateMachineArn", m.arn);
      item.put("name", m.name);
      item.put("type", m.current().type());
      item.set("creationDate", epoch(m.creationDate));
    });
    return out;
  }

  private ObjectNode validate(Req r) {
    String definition = r.required("definition", DefinitionValidator.MAX_DEFINITION_LENGTH);
    String type = r.oneOf("type", TYPES, "STANDARD");
    String severity = r.oneOf("severity", List.of("ERROR", "WARNING"), "ERROR");
    int max = r.integer("maxResults", 0, 100, 100);
    return ValidationResponse.of(DefinitionValidator.validate(definition, type), severity, max);
  }

  /** InvalidDefinition for what an EXPRESS state machine cannot do, with AWS's code, message and location. */
  private static void checkExpress(StateMachineDefinition definition) {
    List<Diagnostic> refused = io.github.sfntest.internal.validation.ExpressRules.check(
        io.github.sfntest.internal.json.Json.parse(definition.toJson()));
    if (!refused.isEmpty()) {
      throw invalid(refused);
    }
  }

  private static ApiException invalid(List<Diagnostic> diagnostics) {
    return new ApiException("InvalidDefinition", ValidationResponse.invalidDefinitionMessage(diagnostics));
  }

  /**
   * The definition, or InvalidDefinition in AWS's words: validated as AWS validates a definition of
   * {@code type} (JSON only; EXPRESS refusals), each error as {@code CODE: message at location}.
   */
  static StateMachineDefinition parseDefinition(String name, String text, String type) {
    List<Diagnostic> diagnostics = DefinitionValidator.validate(text, type);
    if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
      throw invalid(diagnostics);
    }
    try {
      return StateMachineDefinition.of(name, text);
    } catch (InvalidDefinitionException e) {
      throw invalid(e.diagnostics());
    } catch (RuntimeException e) {
      throw new ApiException("InvalidDefinition", "Invalid State Machine Definition: '" + e.getMessage() + "'");
    }
  }
}

package io.github.sfntest.internal.server;

import static io.github.sfntest.internal.server.Wire.epoch;
import static io.github.sfntest.internal.server.Wire.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CreateStateMachineAlias, DescribeStateMachineAlias, UpdateStateMachineAlias,
 * ListStateMachineAliases, DeleteStateMachineAlias. An alias routes executions to one version, or
 * to two by weight (see {@link StateMachineRecord#route}).
 */
record AliasActions(ServiceContext ctx) implements ActionGroup {

  /** AWS's alias names: letters, digits, '-' and '_', not only digits (those are version numbers). */
  private static final Pattern NAME = Pattern.compile("(?=.*[a-zA-Z_\\-.])[a-zA-Z0-9_\\-.]{1,80}");

  @Override
  public void registerIn(Dispatcher d) {
    d.aws("CreateStateMachineAlias", this::create)
        .aws("DescribeStateMachineAlias", this::describe)
        .aws("UpdateStateMachineAlias", this::update)
        .aws("ListStateMachineAliases", this::list)
        .aws("DeleteStateMachineAlias", this::delete);
  }

  private ObjectNode create(Req r) {
    String name = r.required("name", 80);
    String description = r.str("description", 256);
    JsonNode routingJson = r.array("routingConfiguration");
    if (routingJson == null) {
      throw ApiException.missing("routingConfiguration");
    }
    if (!NAME.matcher(name).matches()) {
      throw new ApiException("InvalidName", "Invalid Name: '" + name + "' (an alias name has letters, digits, '-', "
          + "'_' and '.', and not only digits)");
    }
    List<StateMachineRecord.Route> routing = routing(routingJson);
    StateMachineRecord machine = ownerOfVersions(routing);
    String arn = machine.arn + ":" + name;
    Instant now = Instant.now();
    synchronized (machine) {
      StateMachineRecord.Alias existing = machine.alias(name);
      if (existing != null) {
        if (existing.routing().equals(routing) && java.util.Objects.equals(existing.description(), description)) {
          return created(existing); // AWS: an identical create is idempotent
        }
        throw new ApiException("ConflictException", "Failed to create alias because an alias with the same name and "
            + "a different routing configuration already exists.");
      }
      StateMachineRecord.Alias alias = new StateMachineRecord.Alias(name, arn, description, routing, now, now);
      machine.putAlias(alias);
      return created(alias);
    }
  }

  private static ObjectNode created(StateMachineRecord.Alias alias) {
    ObjectNode out = obj();
    out.put("stateMachineAliasArn", alias.arn());
    out.set("creationDate", epoch(alias.creationDate()));
    return out;
  }

  /** The 1 or 2 routes of a routing configuration, checked as AWS checks them. */
  private List<StateMachineRecord.Route> routing(JsonNode json) {
    if (json.size() < 1 || json.size() > 2) {
      throw ApiException.validation("1 validation error detected: Value at 'routingConfiguration' failed to satisfy "
          + "constraint: Member must have length less than or equal to 2 and greater than or equal to 1");
    }
    List<StateMachineRecord.Route> routes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int total = 0;
    for (JsonNode entry : json) {
      JsonNode versionArn = entry.get("stateMachineVersionArn");
      JsonNode weight = entry.get("weight");
      if (versionArn == null || !versionArn.isTextual()) {
        throw ApiException.missing("routingConfiguration.member.stateMachineVersionArn");
      }
      if (weight == null || !weight.isIntegralNumber()) {
        throw ApiException.missing("routingConfiguration.member.weight");
      }
      if (weight.asInt() < 0 || weight.asInt() > 100) {
        throw ApiException.validation("1 validation error detected: Value '" + weight.asInt() + "' at "
            + "'routingConfiguration.member.weight' failed to satisfy constraint: Member must have value less than or "
            + "equal to 100 and greater than or equal to 0");
      }
      if (!seen.add(versionArn.asText())) {
        throw ApiException.validation("Routing configuration must contain distinct state machine version ARNs. "
            + "Received: " + versionArn.asText() + " twice");
      }
      ctx.machines().version(versionArn.asText());
      routes.add(new StateMachineRecord.Route(versionArn.asText(), weight.asInt()));
      total += weight.asInt();
    }
    if (total != 100) {
      throw ApiException.validation("Sum of routing configuration weights must be equal to 100. Received: " + total);
    }
    return List.copyOf(routes);
  }

  /** The one state machine the routed versions belong to. */
  private StateMachineRecord ownerOfVersions(List<StateMachineRecord.Route> routing) {
    String owner = null;
    for (StateMachineRecord.Route route : routing) {
      String machineArn = StateMachineStore.split(route.versionArn())[0];
      if (owner != null && !owner.equals(machineArn)) {
        throw ApiException.validation("Routing configuration must contain state machine version ARNs of the same "
            + "state machine. Received: " + owner + " and " + machineArn);
      }
      owner = machineArn;
    }
    return ctx.machines().get(owner);
  }

  private StateMachineRecord.Alias find(String aliasArn) {
    StateMachineRecord machine = ctx.machines().aliasOwner(aliasArn);
    StateMachineRecord.Alias alias = machine.alias(StateMachineStore.split(aliasArn)[1]);
    if (alias == null) {
      throw new ApiException("ResourceNotFound", "Resource not found: '" + aliasArn + "'");
    }
    return alias;
  }

  private ObjectNode describe(Req r) {
    StateMachineRecord.Alias alias = find(r.required("stateMachineAliasArn", 256));
    ObjectNode out = obj();
    out.put("stateMachineAliasArn", alias.arn());
    out.put("name", alias.name());
    if (alias.description() != null) {
      out.put("description", alias.description());
    }
    ArrayNode routing = out.putArray("routingConfiguration");
    for (StateMachineRecord.Route route : alias.routing()) {
      routing.addObject().put("stateMachineVersionArn", route.versionArn()).put("weight", route.weight());
    }
    out.set("creationDate", epoch(alias.creationDate()));
    out.set("updateDate", epoch(alias.updateDate()));
    return out;
  }

  private ObjectNode update(Req r) {
    String aliasArn = r.required("stateMachineAliasArn", 256);
    String description = r.str("description", 256);
    JsonNode routingJson = r.array("routingConfiguration");
    if (description == null && routingJson == null) {
      throw ApiException.validation("Either the description or the RoutingConfiguration must be specified");
    }
    StateMachineRecord machine = ctx.machines().aliasOwner(aliasArn);
    List<StateMachineRecord.Route> routing = routingJson == null ? null : routing(routingJson);
    if (routing != null && !ownerOfVersions(routing).arn.equals(machine.arn)) {
      throw ApiException.validation("Routing configuration must contain state machine version ARNs of the alias's "
          + "state machine " + machine.arn);
    }
    Instant now = Instant.now();
    synchronized (machine) {
      StateMachineRecord.Alias alias = find(aliasArn);
      machine.putAlias(new StateMachineRecord.Alias(alias.name(), alias.arn(),
          description == null ? alias.description() : description, routing == null ? alias.routing() : routing,
          alias.creationDate(), now));
    }
    ObjectNode out = obj();
    out.set("updateDate", epoch(now));
    return out;
  }

  private ObjectNode list(Req r) {
    return Wire.pageOfMachine(r, ctx, StateMachineRecord::aliases, "stateMachineAliases", "stateMachineAliasArn",
        StateMachineRecord.Alias::arn, StateMachineRecord.Alias::creationDate);
  }

  private ObjectNode delete(Req r) {
    String aliasArn = r.required("stateMachineAliasArn", 256);
    StateMachineRecord machine = ctx.machines().aliasOwner(aliasArn);
    find(aliasArn);
    machine.deleteAlias(StateMachineStore.split(aliasArn)[1]);
    return obj();
  }
}

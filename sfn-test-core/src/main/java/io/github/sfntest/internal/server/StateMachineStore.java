package io.github.sfntest.internal.server;

import java.util.Optional;

/** The state machines created on the endpoint, by ARN, and their versions and aliases by qualified ARN. */
final class StateMachineStore extends ResourceStore<StateMachineRecord> {

  /**
   * What a (possibly qualified) state machine ARN names: the machine, the revision an execution
   * started on it runs, and the version and alias it went through (null when unqualified).
   */
  record Target(StateMachineRecord machine, StateMachineRecord.Snapshot snapshot, StateMachineRecord.Version version,
      StateMachineRecord.Alias alias) {}

  StateMachineStore() {
    super("stateMachine", "StateMachineDoesNotExist", "State Machine Does Not Exist", m -> m.name);
  }

  /** The state machine whose current version has this name (nested executions report names only). */
  Optional<StateMachineRecord> named(String name) {
    StateMachineRecord match = null;
    for (StateMachineRecord m : all()) {
      if (m.current().name().equals(name)) {
        match = m;
      }
    }
    return Optional.ofNullable(match);
  }

  /** The unqualified ARN of a qualified one ({@code ...:stateMachine:NAME:QUALIFIER}), or null if unqualified. */
  static String[] split(String arn) {
    checkShape(arn);
    String[] parts = arn.split(":", -1);
    if (parts.length == 8) {
      return new String[] {String.join(":", java.util.Arrays.copyOf(parts, 7)), parts[7]};
    }
    return null;
  }

  private static void checkShape(String arn) {
    Arns.check(arn, "stateMachine");
    if (arn.split(":", -1).length > 8) {
      throw ApiException.invalidArn(arn, "Invalid ARN prefix or too many parts");
    }
  }

  /**
   * Resolves a state machine, version or alias ARN for a start (an alias routes to one of its
   * versions); StateMachineDoesNotExist when any part is missing, as StartExecution answers.
   */
  Target resolve(String arn) {
    String[] split = split(arn);
    if (split == null) {
      StateMachineRecord m = get(arn);
      return new Target(m, m.current(), null, null);
    }
    StateMachineRecord m = get(split[0]);
    String qualifier = split[1];
    if (isVersionNumber(qualifier)) {
      StateMachineRecord.Version v = m.version(Integer.parseInt(qualifier));
      if (v == null) {
        throw new ApiException("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
      }
      return new Target(m, v.snapshot(), v, null);
    }
    StateMachineRecord.Alias alias = m.alias(qualifier);
    if (alias == null) {
      throw new ApiException("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
    }
    StateMachineRecord.Version v = m.route(alias);
    return new Target(m, v.snapshot(), v, alias);
  }

  /** The version at a version ARN; ResourceNotFound when the machine or the version is missing. */
  StateMachineRecord.Version version(String versionArn) {
    String[] split = split(versionArn);
    if (split == null || !isVersionNumber(split[1])) {
      throw ApiException.invalidArn(versionArn, "Resource type not valid in this context: not a state machine version ARN");
    }
    StateMachineRecord m = get(split[0]);
    StateMachineRecord.Version v = m.version(Integer.parseInt(split[1]));
    if (v == null) {
      throw new ApiException("ResourceNotFound", "Resource not found: '" + versionArn + "'");
    }
    return v;
  }

  /** The version a DescribeStateMachine of a qualified ARN names; StateMachineDoesNotExist if absent. */
  StateMachineRecord.Version resolveVersionForDescribe(String arn) {
    String[] split = split(arn);
    if (!isVersionNumber(split[1])) {
      throw ApiException.invalidArn(arn, "Resource type not valid in this context: an alias ARN");
    }
    StateMachineRecord m = get(split[0]);
    StateMachineRecord.Version v = m.version(Integer.parseInt(split[1]));
    if (v == null) {
      throw new ApiException("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
    }
    return v;
  }

  /** The machine of an alias ARN and the alias's name (the alias may not exist). */
  StateMachineRecord aliasOwner(String aliasArn) {
    String[] split = split(aliasArn);
    if (split == null || isVersionNumber(split[1])) {
      throw ApiException.invalidArn(aliasArn, "Resource type not valid in this context: not a state machine alias ARN");
    }
    StateMachineRecord m = byArnOrNull(split[0]);
    if (m == null) {
      throw new ApiException("ResourceNotFound", "Resource not found: '" + aliasArn + "'");
    }
    return m;
  }

  static boolean isVersionNumber(String qualifier) {
    return !qualifier.isEmpty() && qualifier.chars().allMatch(Character::isDigit) && qualifier.length() <= 9;
  }
}

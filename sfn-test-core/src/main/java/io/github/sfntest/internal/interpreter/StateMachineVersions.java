package io.github.sfntest.internal.interpreter;

import io.github.sfntest.definition.StateMachineDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The versions and aliases the in-process engine was given ({@code Engine.publishVersion},
 * {@code Engine.createAlias}), and which definition a start on one of them runs. Thread-safe.
 */
final class StateMachineVersions {

  /** What a start on a version or alias runs, and the ARN it runs as ({@code $$.StateMachine.Id}). */
  record Resolved(StateMachineDefinition definition, String stateMachineArn) {}

  private record Alias(String arn, LinkedHashMap<Integer, Integer> weights, Random random) {}

  private final String arnPrefix;
  private final long seed;
  private final Map<String, List<StateMachineDefinition>> versions = new HashMap<>();
  private final Map<String, Alias> aliases = new HashMap<>();

  /** @param arnPrefix {@code arn:aws:states:REGION:ACCOUNT:}; @param seed the seed alias routing draws from */
  StateMachineVersions(String arnPrefix, long seed) {
    this.arnPrefix = arnPrefix;
    this.seed = seed;
  }

  private String machineArn(String name) {
    return arnPrefix + "stateMachine:" + name;
  }

  synchronized String publish(StateMachineDefinition definition) {
    List<StateMachineDefinition> list = versions.computeIfAbsent(definition.name(), n -> new ArrayList<>());
    // As on AWS, publishing the revision the latest version has answers that version.
    if (list.isEmpty() || !list.get(list.size() - 1).toJson().equals(definition.toJson())) {
      list.add(definition);
    }
    return machineArn(definition.name()) + ":" + list.size();
  }

  synchronized String createAlias(String machine, String alias, Map<Integer, Integer> weightsByVersion) {
    if (alias == null || !alias.matches("(?=.*[a-zA-Z_\\-.])[a-zA-Z0-9_\\-.]{1,80}")) {
      throw new IllegalArgumentException("Invalid alias name \"" + alias + "\": use letters, digits, '-', '_' and '.', "
          + "not only digits (those name versions)");
    }
    if (weightsByVersion == null || weightsByVersion.isEmpty() || weightsByVersion.size() > 2) {
      throw new IllegalArgumentException("An alias routes to 1 or 2 versions, not " + weightsByVersion);
    }
    int total = 0;
    for (Map.Entry<Integer, Integer> e : weightsByVersion.entrySet()) {
      version(machine, e.getKey());
      if (e.getValue() == null || e.getValue() < 0 || e.getValue() > 100) {
        throw new IllegalArgumentException("The weight of version " + e.getKey() + " must be 0..100, not " + e.getValue());
      }
      total += e.getValue();
    }
    if (total != 100) {
      throw new IllegalArgumentException("The weights of alias \"" + alias + "\" must add up to 100, not " + total
          + ": " + weightsByVersion);
    }
    String arn = machineArn(machine) + ":" + alias;
    aliases.put(arn, new Alias(arn, new LinkedHashMap<>(weightsByVersion), new Random(seed ^ arn.hashCode())));
    return arn;
  }

  private StateMachineDefinition version(String machine, int number) {
    List<StateMachineDefinition> list = versions.get(machine);
    if (list == null || number < 1 || number > list.size()) {
      throw new IllegalArgumentException("State machine \"" + machine + "\" has no version " + number + " (published: "
          + (list == null ? 0 : list.size()) + "); publish it with engine.publishVersion(definition)");
    }
    return list.get(number - 1);
  }

  /** The definition a start of {@code machine} on {@code qualifier} (a version number or alias name) runs. */
  synchronized Resolved resolve(String machine, String qualifier) {
    if (qualifier.chars().allMatch(Character::isDigit)) {
      return new Resolved(version(machine, Integer.parseInt(qualifier)), machineArn(machine) + ":" + qualifier);
    }
    String arn = machineArn(machine) + ":" + qualifier;
    Alias alias = aliases.get(arn);
    if (alias == null) {
      throw new IllegalArgumentException("State machine \"" + machine + "\" has no alias \"" + qualifier
          + "\"; create it with engine.createAlias(...)");
    }
    int draw = alias.random().nextInt(100);
    int chosen = -1;
    for (Map.Entry<Integer, Integer> e : alias.weights().entrySet()) {
      chosen = e.getKey();
      draw -= e.getValue();
      if (draw < 0) {
        break;
      }
    }
    return new Resolved(version(machine, chosen), arn);
  }
}

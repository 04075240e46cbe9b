package io.github.sfntest.internal.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.definition.StateMachineDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A state machine created through the endpoint; {@link #current} changes on UpdateStateMachine.
 * Its published versions and its aliases live here too, and go with it when it is deleted.
 */
final class StateMachineRecord {

  /** One revision of a state machine, kept by the executions started on it. */
  record Snapshot(
      String arn,
      String name,
      String type,
      String definitionText,
      StateMachineDefinition definition,
      String roleArn,
      String description,
      ObjectNode loggingConfiguration,
      ObjectNode tracingConfiguration,
      String revisionId,
      Instant updateDate) {}

  /** A published version: an immutable revision with a number that is never reused. */
  record Version(int number, String arn, Snapshot snapshot, String description, Instant creationDate) {}

  /** One entry of an alias's routing configuration. */
  record Route(String versionArn, int weight) {}

  /** An alias routing executions to one or two versions by weight. */
  record Alias(String name, String arn, String description, List<Route> routing, Instant creationDate,
      Instant updateDate) {}

  final String arn;
  final String name;
  final Instant creationDate;
  private volatile Snapshot current;
  private final TreeMap<Integer, Version> versions = new TreeMap<>();
  private int lastVersion;
  private final Map<String, Alias> aliases = new TreeMap<>();
  private final long routingSeed;
  private final Map<String, Random> routers = new TreeMap<>();

  /** @param routingSeed the seed alias routing draws from, so that a seeded endpoint routes reproducibly */
  StateMachineRecord(Snapshot first, Instant creationDate, long routingSeed) {
    this.arn = first.arn();
    this.name = first.name();
    this.creationDate = creationDate;
    this.current = first;
    this.routingSeed = routingSeed;
  }

  Snapshot current() {
    return current;
  }

  void update(Snapshot next) {
    current = next;
  }

  /**
   * Publishes the current revision: the version that already has it (AWS does not publish a
   * revision twice), else a new one numbered after every version ever published.
   */
  synchronized Version publish(String description, Instant now) {
    Snapshot revision = current;
    for (Version v : versions.values()) {
      if (v.snapshot().revisionId().equals(revision.revisionId())) {
        return v;
      }
    }
    int number = ++lastVersion;
    Version v = new Version(number, arn + ":" + number, revision, description, now);
    versions.put(number, v);
    return v;
  }

  synchronized Version version(int number) {
    return versions.get(number);
  }

  /** Versions newest first, as ListStateMachineVersions answers. */
  synchronized List<Version> versions() {
    List<Version> newestFirst = new ArrayList<>(versions.descendingMap().values());
    return newestFirst;
  }

  /** Deletes a version; ConflictException while an alias routes to it. */
  synchronized void deleteVersion(int number) {
    Version v = versions.get(number);
    if (v == null) {
      return;
    }
    for (Alias a : aliases.values()) {
      for (Route r : a.routing()) {
        if (r.versionArn().equals(v.arn())) {
          throw new ApiException("ConflictException", "Version to be deleted must not be referenced by an alias. "
              + "Current list of aliases referencing this version: [" + a.name() + "]");
        }
      }
    }
    versions.remove(number);
  }

  synchronized Alias alias(String aliasName) {
    return aliases.get(aliasName);
  }

  synchronized List<Alias> aliases() {
    return new ArrayList<>(aliases.values());
  }

  synchronized void putAlias(Alias alias) {
    aliases.put(alias.name(), alias);
  }

  synchronized void deleteAlias(String aliasName) {
    aliases.remove(aliasName);
    routers.remove(aliasName);
  }

  /** The version an execution started on the alias runs: drawn by weight from the alias's own seeded random. */
  synchronized Version route(Alias alias) {
    List<Route> routing = alias.routing();
    Route chosen = routing.get(0);
    if (routing.size() > 1) {
      Random random = routers.computeIfAbsent(alias.name(), n -> new Random(routingSeed ^ alias.arn().hashCode()));
      int draw = random.nextInt(100);
      chosen = draw < routing.get(0).weight() ? routing.get(0) : routing.get(1);
    }
    String versionArn = chosen.versionArn();
    Version v = versions.get(Integer.parseInt(versionArn.substring(versionArn.lastIndexOf(':') + 1)));
    if (v == null) {
      throw new ApiException("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + versionArn + "'");
    }
    return v;
  }
}

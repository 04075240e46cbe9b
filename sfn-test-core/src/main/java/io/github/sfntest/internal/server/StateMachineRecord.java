package io.github.sfntest.internal.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.definition.StateMachineDefinition;
import java.time.Instant;

/** A state machine created through the endpoint; {@link #current} changes on UpdateStateMachine. */
final class StateMachineRecord {

  /** One version of a state machine, kept by the executions started on it. */
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

  final String arn;
  final String name;
  final Instant creationDate;
  private volatile Snapshot current;

  StateMachineRecord(Snapshot first, Instant creationDate) {
    this.arn = first.arn();
    this.name = first.name();
    this.creationDate = creationDate;
    this.current = first;
  }

  Snapshot current() {
    return current;
  }

  void update(Snapshot next) {
    current = next;
  }
}

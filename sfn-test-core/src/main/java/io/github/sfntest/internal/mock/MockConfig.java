package io.github.sfntest.internal.mock;

import java.util.Map;

/**
 * A validated MockConfigFile. Maps keep the file's order.
 *
 * @param source where it came from, for messages
 * @param stateMachines state machine name → test case name → state name → response name
 * @param responses response name → its responses by invocation index
 */
public record MockConfig(
    String source,
    Map<String, Map<String, Map<String, String>>> stateMachines,
    Map<String, ResponseSequence> responses) {}

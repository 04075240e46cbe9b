package io.github.sfntest.internal.asl;

import com.fasterxml.jackson.databind.JsonNode;

/** A parsed ASL definition. */
public record StateMachineModel(
    String comment,
    Branch root,
    Integer timeoutSeconds,
    String version,
    QueryLanguage queryLanguage,
    JsonNode source) {}

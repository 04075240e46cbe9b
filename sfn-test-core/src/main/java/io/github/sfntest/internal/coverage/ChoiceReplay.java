package io.github.sfntest.internal.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.internal.EvaluationScope;
import io.github.sfntest.internal.asl.State;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.internal.query.EvalEnv;
import io.github.sfntest.internal.query.Query;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * Finds which rule of a Choice state matched by evaluating its rules again, with the engine's own
 * evaluator, on the state input the history recorded. Needed only when several rules (or a rule
 * and {@code Default}) lead to the same state, so the next state alone does not tell.
 */
final class ChoiceReplay {

  private ChoiceReplay() {}

  /**
   * The index of the first rule that matches {@code rawInput}, -1 if none does (Default), or empty
   * if a rule cannot be evaluated outside the execution (e.g. it reads the context object).
   */
  static OptionalInt matchingRule(State.Choice choice, JsonNode rawInput, Map<String, JsonNode> variables) {
    try {
      Env env = new Env(rawInput, rawInput, variables);
      if (!choice.common().jsonata() && choice.common().inputPath() != null) {
        env = new Env(choice.common().inputPath().apply(env), rawInput, variables);
      }
      for (int i = 0; i < choice.choices().size(); i++) {
        if (choice.choices().get(i).condition().test(env)) {
          return OptionalInt.of(i);
        }
      }
      return OptionalInt.of(-1);
    } catch (RuntimeException e) {
      return OptionalInt.empty();
    }
  }

  /** The evaluation environment of a replay: input, variables and an empty context object. */
  private record Env(JsonNode input, JsonNode rawInput, Map<String, JsonNode> variables) implements EvalEnv {

    @Override
    public JsonNode contextObject() {
      return Json.NODES.objectNode();
    }

    @Override
    public JsonNode variable(String name) {
      return variables.get(name);
    }

    @Override
    public JsonNode statesVariable() {
      ObjectNode states = Json.NODES.objectNode();
      states.set("input", rawInput);
      states.set("context", contextObject());
      return states;
    }

    @Override
    public Instant now() {
      return Instant.EPOCH;
    }

    @Override
    public EvalEnv withInput(JsonNode newInput) {
      return new Env(newInput, rawInput, variables);
    }

    @Override
    public JsonNode readPath(String path, EvaluationScope scope) {
      return Query.readPath(path, scope);
    }

    @Override
    public RandomGenerator random() {
      return new Random(0);
    }
  }
}

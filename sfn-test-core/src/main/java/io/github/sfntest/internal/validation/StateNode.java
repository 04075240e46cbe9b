package io.github.sfntest.internal.validation;

import static io.github.sfntest.internal.validation.LocatedDocument.child;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.asl.QueryLanguage;
import io.github.sfntest.internal.validation.FieldSpecs.Lang;
import java.util.Map;
import java.util.Set;

/**
 * One state as the rules see it: its object, where it is, its type and effective query language,
 * and the names of the states of its scope (for transitions).
 *
 * @param label how messages name it, e.g. {@code Task state "Call"}
 * @param spec the fields its type accepts, with the query language each belongs to
 */
record StateNode(
    String name,
    JsonNode node,
    String ptr,
    String type,
    QueryLanguage q,
    String label,
    Map<String, Lang> spec,
    Set<String> scopeNames,
    String statesPtr) {

  JsonNode get(String field) {
    return node.get(field);
  }

  boolean has(String field) {
    return node.has(field);
  }

  /** Pointer of one of its fields. */
  String at(String field) {
    return child(ptr, field);
  }

  /** Whether its type accepts the field at all (in some query language). */
  boolean accepts(String field) {
    return spec.containsKey(field);
  }

  boolean jsonPath() {
    return q == QueryLanguage.JSONPATH;
  }
}

package io.github.sfntest.internal.jsonata;

import com.fasterxml.jackson.databind.JsonNode;

/** A JSON result type a field requires, named as AWS names it in type errors. */
public enum JsonataType {
  ARRAY("array"),
  OBJECT("object"),
  STRING("string"),
  NUMBER("number"),
  BOOLEAN("boolean"),
  NULL("null");

  private final String awsName;

  JsonataType(String awsName) {
    this.awsName = awsName;
  }

  /** {@code 'array'}, {@code 'object'}... as in "Expected 'array', but was 'object'". */
  public String awsName() {
    return awsName;
  }

  public boolean matches(JsonNode node) {
    return awsName.equals(JsonataValues.typeName(node));
  }
}

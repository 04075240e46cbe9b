package io.github.sfntest.internal.asl;

/** The two query languages of ASL. */
public enum QueryLanguage {
  JSONPATH,
  JSONATA;

  static QueryLanguage parse(String text, String pointer) {
    return switch (text) {
      case "JSONPath" -> JSONPATH;
      case "JSONata" -> JSONATA;
      default -> throw new AslParseException(
          pointer, "QueryLanguage must be \"JSONPath\" or \"JSONata\", was \"" + text + "\"");
    };
  }
}

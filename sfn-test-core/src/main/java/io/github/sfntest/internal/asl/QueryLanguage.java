package io.github.sfntest.internal.asl;

/** The two query languages of ASL; the one enum both the validator and the model use. */
public enum QueryLanguage {
  JSONPATH("JSONPath"),
  JSONATA("JSONata");

  private final String aslName;

  QueryLanguage(String aslName) {
    this.aslName = aslName;
  }

  /** The name a definition spells it with: {@code JSONPath} or {@code JSONata}. */
  public String aslName() {
    return aslName;
  }

  /** The language a definition's {@code QueryLanguage} value names, or null when it names none. */
  public static QueryLanguage of(String aslName) {
    for (QueryLanguage q : values()) {
      if (q.aslName.equals(aslName)) {
        return q;
      }
    }
    return null;
  }
}

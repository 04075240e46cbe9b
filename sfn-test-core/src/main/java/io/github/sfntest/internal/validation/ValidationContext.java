package io.github.sfntest.internal.validation;

import io.github.sfntest.internal.asl.QueryLanguage;

/**
 * What every rule of one validation run shares: the document, the machine type, the one
 * diagnostics collector, the shared field checks, and what the walker learnt about the definition.
 */
final class ValidationContext {

  final LocatedDocument doc;
  final MachineType machineType;
  final Diagnostics out;
  final FieldChecks fields;
  final Templates templates;
  final Transitions transitions;
  private QueryLanguage top = QueryLanguage.JSONPATH;
  private boolean misplacedQueryLanguage;

  ValidationContext(LocatedDocument doc, MachineType machineType) {
    this.doc = doc;
    this.machineType = machineType;
    this.out = new Diagnostics(doc);
    this.fields = new FieldChecks(out);
    this.templates = new Templates(out);
    this.transitions = new Transitions(out);
  }

  /** The definition's top-level query language, which states inherit. */
  QueryLanguage topLanguage() {
    return top;
  }

  void topLanguage(QueryLanguage language) {
    this.top = language;
  }

  /** Whether a "QueryLanguage" entry was found inside States, where it does not set the language. */
  boolean misplacedQueryLanguage() {
    return misplacedQueryLanguage;
  }

  void queryLanguageMisplaced() {
    this.misplacedQueryLanguage = true;
  }
}

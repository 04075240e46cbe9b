package io.github.sfntest.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.definition.Diagnostic;
import io.github.sfntest.definition.InvalidDefinitionException;
import io.github.sfntest.definition.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Validates a state machine definition the way AWS's {@code ValidateStateMachineDefinition} does,
 * returning every problem at once with its JSON pointer, source line and column, and a hint.
 *
 * <p>{@code ${...}} DefinitionSubstitutions must be applied by the caller first; a placeholder left
 * inside a string is only reported where it makes a field's type wrong.
 */
public final class DefinitionValidator {

  /** AWS's limit on a definition's length, in characters. */
  public static final int MAX_DEFINITION_LENGTH = 1_048_576;

  private static final Comparator<Diagnostic> DOCUMENT_ORDER =
      Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column);

  private DefinitionValidator() {}

  /**
   * Validates definition source text, JSON or YAML (detected: text starting with '{' is JSON).
   *
   * @return every diagnostic in document order; empty when AWS would accept the definition without
   *     remarks
   */
  public static List<Diagnostic> validate(String sourceText) {
    return validate(sourceText, MachineType.STANDARD, false);
  }

  /**
   * Validates definition text as AWS's {@code ValidateStateMachineDefinition} does for a state
   * machine of {@code type}: JSON only (YAML is not read), and for EXPRESS the integrations an
   * EXPRESS machine cannot use.
   *
   * @param type {@code STANDARD} or {@code EXPRESS}
   * @return every diagnostic in document order
   */
  public static List<Diagnostic> validate(String sourceText, String type) {
    return validate(sourceText, "EXPRESS".equals(type) ? MachineType.EXPRESS : MachineType.STANDARD, true);
  }

  /**
   * As {@link #validate(String, String)}, but YAML is read too (text not starting with '{' is YAML).
   *
   * @param type {@code STANDARD} or {@code EXPRESS}
   * @return every diagnostic in document order
   */
  public static List<Diagnostic> validateJsonOrYaml(String sourceText, String type) {
    return validate(sourceText, "EXPRESS".equals(type) ? MachineType.EXPRESS : MachineType.STANDARD, false);
  }

  private static List<Diagnostic> validate(String sourceText, MachineType type, boolean jsonOnly) {
    if (sourceText == null || sourceText.isBlank()) {
      return List.of(SourceParser.notAnObject("the definition is empty; expected a JSON object with StartAt and States"));
    }
    SourceParser.Result parsed = SourceParser.parse(sourceText, jsonOnly);
    List<Diagnostic> all = new ArrayList<>(parsed.diagnostics());
    // AWS: https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html "Maximum size of state machine
    // definition" (1 MB, a hard quota); CreateStateMachine's definition has "Maximum length of 1048576"
    if (sourceText.length() > MAX_DEFINITION_LENGTH) {
      all.add(new Diagnostic("SCHEMA_VALIDATION_FAILED", Severity.ERROR, "", 1, 1,
          "the definition is " + sourceText.length() + " characters long; AWS accepts at most "
              + MAX_DEFINITION_LENGTH));
    }
    if (parsed.document() != null) {
      all.addAll(run(parsed.document(), type));
    }
    all.sort(DOCUMENT_ORDER);
    return List.copyOf(all);
  }

  /** Validates an already parsed definition with the source positions recorded by {@link #parse}. */
  public static List<Diagnostic> validate(LocatedDocument document) {
    List<Diagnostic> all = new ArrayList<>(run(document, MachineType.STANDARD));
    all.sort(DOCUMENT_ORDER);
    return List.copyOf(all);
  }

  /** Validates a definition tree that has no source text; every line and column is 1. */
  public static List<Diagnostic> validate(JsonNode definition) {
    return validate(LocatedDocument.withoutLocations(definition));
  }

  /**
   * Parses JSON or YAML source into a tree with the position of every JSON pointer.
   *
   * @throws InvalidDefinitionException when the text is empty or not well-formed
   */
  public static LocatedDocument parse(String sourceText) {
    if (sourceText == null || sourceText.isBlank()) {
      throw new InvalidDefinitionException(validate(sourceText));
    }
    SourceParser.Result parsed = SourceParser.parse(sourceText);
    if (parsed.document() == null) {
      throw new InvalidDefinitionException(parsed.diagnostics());
    }
    return parsed.document();
  }

  /**
   * Validates and throws when AWS would reject the definition.
   *
   * @return the warnings (the definition is usable)
   * @throws InvalidDefinitionException listing every diagnostic when there is at least one ERROR
   */
  public static List<Diagnostic> requireValid(String sourceText) {
    List<Diagnostic> diagnostics = validate(sourceText);
    if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
      throw new InvalidDefinitionException(diagnostics);
    }
    return diagnostics;
  }

  /** One validation run: the walker and its rules over a fresh context, plus EXPRESS's own refusals. */
  private static List<Diagnostic> run(LocatedDocument document, MachineType type) {
    List<Diagnostic> found = new ArrayList<>(new MachineWalker(new ValidationContext(document, type)).run());
    if (type == MachineType.EXPRESS && document.root().isObject()) {
      for (Diagnostic d : ExpressRules.check(document.root())) {
        SourceLocation at = document.valueAt(d.pointer());
        found.add(new Diagnostic(d.code(), d.severity(), d.pointer(), at.line(), at.column(), d.message(), d.location(),
            d.hint()));
      }
    }
    return found;
  }
}

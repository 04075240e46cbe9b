package io.github.sfntest.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.definition.Diagnostic;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.internal.validation.DefinitionValidator;
import io.github.sfntest.internal.validation.ValidationResponse;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code validate --definition FILE [--type STANDARD|EXPRESS] [--format text|json] [--severity
 * ERROR|WARNING]}: validates a definition (JSON or YAML) as AWS's ValidateStateMachineDefinition does
 * for a machine of that type, and exits 0 when AWS would accept it, 1 when not, 2 on a usage error.
 * The text format prints one line per diagnostic with AWS's message, then sfn-test's hint on the
 * next line; the json format prints the ValidateStateMachineDefinition response ({@code result},
 * {@code diagnostics}, {@code truncated}), each diagnostic with its line, column and hint besides.
 */
public final class ValidateCommand {

  static final String USAGE =
      "validate --definition FILE [--type STANDARD|EXPRESS] [--format text|json] [--severity ERROR|WARNING]";

  private ValidateCommand() {}

  /**
   * Runs the command.
   *
   * @param args the arguments after {@code validate}
   * @param out where the diagnostics go
   * @param err where usage errors go
   * @return the exit code: 0 valid (warnings allowed), 1 invalid, 2 usage error
   */
  public static int run(List<String> args, PrintStream out, PrintStream err) {
    String file = null;
    String format = "text";
    String type = "STANDARD";
    String severity = "WARNING";
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String option = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
      switch (option) {
        case "--json" -> format = "json";
        case "--definition", "--type", "--format", "--severity" -> {
          String value;
          if (a.contains("=")) {
            value = a.substring(a.indexOf('=') + 1);
          } else if (i + 1 < args.size()) {
            value = args.get(++i);
          } else {
            err.println(option + " needs a value");
            err.println("usage: sfn-test " + USAGE);
            return 2;
          }
          String problem = switch (option) {
            case "--type" -> List.of("STANDARD", "EXPRESS").contains(value) ? null : "--type is STANDARD or EXPRESS";
            case "--format" -> List.of("text", "json").contains(value) ? null : "--format is text or json";
            case "--severity" -> List.of("ERROR", "WARNING").contains(value) ? null : "--severity is ERROR or WARNING";
            default -> null;
          };
          if (problem != null) {
            err.println(problem + " (was \"" + value + "\")");
            err.println("usage: sfn-test " + USAGE);
            return 2;
          }
          switch (option) {
            case "--definition" -> file = value;
            case "--type" -> type = value;
            case "--format" -> format = value;
            default -> severity = value;
          }
        }
        default -> {
          err.println("unknown argument: " + a);
          err.println("usage: sfn-test " + USAGE);
          return 2;
        }
      }
    }
    if (file == null) {
      err.println("usage: sfn-test " + USAGE);
      return 2;
    }
    String text;
    try {
      text = io.github.sfntest.internal.json.Utf8.decode(Files.readAllBytes(Path.of(file)), "definition " + file);
    } catch (IOException | RuntimeException e) {
      err.println(e instanceof IllegalArgumentException
          ? e.getMessage() : "cannot read definition " + file + ": " + e.getMessage());
      return 2;
    }
    List<Diagnostic> all = DefinitionValidator.validateJsonOrYaml(text, type);
    boolean valid = all.stream().noneMatch(Diagnostic::isError);
    boolean warnings = severity.equals("WARNING");
    List<Diagnostic> shown = all.stream().filter(d -> d.isError() || warnings).toList();
    if (format.equals("json")) {
      out.println(Json.pretty(toJson(all, shown, severity)));
    } else {
      for (Diagnostic d : shown) {
        out.println(file + ":" + d.line() + ":" + d.column() + ": " + d.severity() + " " + d.code() + " "
            + (d.location() == null ? "(document)" : d.location()) + ": " + d.message());
        if (!d.hint().isEmpty() && !d.hint().equals(d.message())) {
          out.println("    hint: " + d.hint());
        }
      }
      long errors = all.stream().filter(Diagnostic::isError).count();
      long warningCount = all.size() - errors;
      out.println(file + ": " + (valid ? "valid" : "INVALID") + " (" + errors + (errors == 1 ? " error, " : " errors, ")
          + warningCount + (warningCount == 1 ? " warning)" : " warnings)"));
    }
    return valid ? 0 : 1;
  }

  /** The ValidateStateMachineDefinition response, each diagnostic with our position and hint besides. */
  private static ObjectNode toJson(List<Diagnostic> all, List<Diagnostic> shown, String severity) {
    ObjectNode root = ValidationResponse.of(all, severity, ValidationResponse.MAX_RESULTS);
    ArrayNode list = (ArrayNode) root.get("diagnostics");
    for (int i = 0; i < list.size(); i++) {
      ObjectNode o = (ObjectNode) list.get(i);
      Diagnostic d = shown.get(i);
      o.put("pointer", d.pointer());
      o.put("line", d.line());
      o.put("column", d.column());
      if (!d.hint().isEmpty()) {
        o.put("hint", d.hint());
      }
    }
    return root;
  }
}

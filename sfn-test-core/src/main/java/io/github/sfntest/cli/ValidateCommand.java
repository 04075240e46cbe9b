package io.github.sfntest.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.definition.Diagnostic;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.internal.validation.DefinitionValidator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code validate --definition FILE [--json]}: prints every diagnostic of a definition (JSON or
 * YAML) and exits 0 when AWS would accept it, 1 when not, 2 on a usage error.
 */
public final class ValidateCommand {

  static final String USAGE = "usage: sfn-test validate --definition FILE [--json]";

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
    boolean json = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "--json" -> json = true;
        case "--definition" -> {
          if (i + 1 >= args.size()) {
            err.println("--definition needs a file name");
            err.println(USAGE);
            return 2;
          }
          file = args.get(++i);
        }
        case "-h", "--help" -> {
          out.println(USAGE);
          return 0;
        }
        default -> {
          if (a.startsWith("--definition=")) {
            file = a.substring("--definition=".length());
          } else {
            err.println("unknown argument: " + a);
            err.println(USAGE);
            return 2;
          }
        }
      }
    }
    if (file == null) {
      err.println(USAGE);
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
    List<Diagnostic> diagnostics = DefinitionValidator.validate(text);
    boolean valid = diagnostics.stream().noneMatch(Diagnostic::isError);
    if (json) {
      out.println(Json.pretty(toJson(file, valid, diagnostics)));
    } else {
      for (Diagnostic d : diagnostics) {
        out.println(file + ":" + d.line() + ":" + d.column() + ": " + d.severity() + " " + d.code() + " "
            + (d.pointer().isEmpty() ? "(document)" : d.pointer()) + ": " + d.message());
      }
      long errors = diagnostics.stream().filter(Diagnostic::isError).count();
      long warnings = diagnostics.size() - errors;
      out.println(file + ": " + (valid ? "valid" : "INVALID") + " (" + errors + (errors == 1 ? " error, " : " errors, ")
          + warnings + (warnings == 1 ? " warning)" : " warnings)"));
    }
    return valid ? 0 : 1;
  }

  private static ObjectNode toJson(String file, boolean valid, List<Diagnostic> diagnostics) {
    ObjectNode root = Json.NODES.objectNode();
    root.put("file", file);
    root.put("result", valid ? "OK" : "FAIL");
    ArrayNode list = root.putArray("diagnostics");
    for (Diagnostic d : diagnostics) {
      ObjectNode o = list.addObject();
      o.put("severity", d.severity().name());
      o.put("code", d.code());
      o.put("location", d.pointer());
      o.put("line", d.line());
      o.put("column", d.column());
      o.put("message", d.message());
    }
    return root;
  }
}

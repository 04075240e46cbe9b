package io.github.sfntest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.internal.json.Utf8;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/** Shared file handling of the commands. */
final class Cli {
  private Cli() {}

  static StateMachineDefinition loadDefinition(Path file, Map<String, String> substitutions) {
    String text = readText(file, "--definition");
    try {
      String name = file.getFileName().toString().replaceFirst("(\\.asl)?\\.(json|ya?ml)$", "");
      return StateMachineDefinition.of(name, text).withSubstitutions(substitutions);
    } catch (IllegalArgumentException | io.github.sfntest.definition.InvalidDefinitionException e) {
      throw new CliException(e.getMessage(), e);
    }
  }

  static JsonNode readJson(Path file, String what) {
    try {
      return Json.parse(readText(file, what));
    } catch (IllegalArgumentException e) {
      throw new CliException(what + " " + file + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  static String readText(Path file, String what) {
    try {
      return Utf8.decode(Files.readAllBytes(file), what + " " + file);
    } catch (NoSuchFileException e) {
      throw new CliException(what + ": no such file " + file);
    } catch (IOException e) {
      throw new CliException(what + ": cannot read " + file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage(), e);
    }
  }
}

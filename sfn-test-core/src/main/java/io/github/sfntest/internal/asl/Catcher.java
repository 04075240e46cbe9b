package io.github.sfntest.internal.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.jsonpath.PathFields;
import java.util.List;

/**
 * One entry of a state's {@code Catch} list. {@code resultPath} is the raw definition value
 * ({@code null} when absent, NullNode for JSON null); {@code assign}/{@code output} are the raw
 * JSONata/variables values.
 */
public record Catcher(
    List<String> errorEquals, String next, PathFields.ResultPlacement resultPath, JsonNode assign, JsonNode output,
    Object compiledAssign, Object compiledOutput) {}

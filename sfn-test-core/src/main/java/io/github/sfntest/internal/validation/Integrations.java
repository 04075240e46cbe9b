package io.github.sfntest.internal.validation;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The optimized integrations ({@code arn:aws:states:::SERVICE:ACTION}) AWS recognizes, for the
 * services whose whole list of actions is documented in the Step Functions developer guide
 * ("Integrating services with Step Functions"). AWS refuses any other action of these services
 * (recorded: {@code dynamodb:query}, which needs the {@code aws-sdk:dynamodb:query} form). Services
 * not listed here are not judged.
 */
final class Integrations {

  private static final Pattern OPTIMIZED =
      Pattern.compile("arn:aws[a-z-]*:states:::([a-z0-9-]+):([A-Za-z0-9]+)(\\.sync(:2)?|\\.waitForTaskToken)?");

  private static final Map<String, Set<String>> ACTIONS = Map.of(
      "dynamodb", Set.of("getItem", "putItem", "updateItem", "deleteItem"),
      "lambda", Set.of("invoke"),
      "sns", Set.of("publish"),
      "sqs", Set.of("sendMessage"),
      "events", Set.of("putEvents"),
      "states", Set.of("startExecution"));

  private Integrations() {}

  /** False only for an action of a listed service that AWS does not offer as an optimized integration. */
  static boolean recognized(String resource) {
    Matcher m = OPTIMIZED.matcher(resource);
    if (!m.matches()) {
      return true;
    }
    Set<String> actions = ACTIONS.get(m.group(1));
    return actions == null || actions.contains(m.group(2));
  }

  /** What to write instead. */
  static String hint(String resource) {
    Matcher m = OPTIMIZED.matcher(resource);
    if (!m.matches()) {
      return "";
    }
    return "\"" + m.group(1) + "\" offers " + String.join(", ", ACTIONS.get(m.group(1)).stream().sorted().toList())
        + " as optimized integrations; call any other API action as \"arn:aws:states:::aws-sdk:" + m.group(1) + ":"
        + m.group(2) + "\"";
  }
}

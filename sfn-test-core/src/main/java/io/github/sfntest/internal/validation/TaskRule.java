package io.github.sfntest.internal.validation;

import static io.github.sfntest.internal.validation.LocatedDocument.child;
import static io.github.sfntest.internal.validation.Values.ARN;
import static io.github.sfntest.internal.validation.Values.MAX_SECONDS;
import static io.github.sfntest.internal.validation.Values.isExpression;
import static io.github.sfntest.internal.validation.Values.kind;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.asl.QueryLanguage;

/** Task states: Resource, time-outs and heartbeats, Credentials, Arguments. */
final class TaskRule extends StateRule {

  TaskRule(ValidationContext ctx) {
    super(ctx);
  }

  @Override
  void check(StateNode st) {
    task(st.node(), st.ptr(), st.q());
  }

  private void task(JsonNode s, String ptr, QueryLanguage q) {
    JsonNode resource = s.get("Resource");
    if (resource == null) {
      out.aws(Diagnostics.SCHEMA, ptr, Diagnostics.location(ptr), "These fields are required: [Resource]",
          "Task state is missing required field \"Resource\" (an ARN such as \"arn:aws:states:::lambda:invoke\")");
    } else if (!resource.isTextual()) {
      out.error("INVALID_RESOURCE", child(ptr, "Resource"), "Resource must be an ARN string (was " + kind(resource) + ")");
    } else {
      String r = resource.asText();
      if (!r.contains("${") && !(q == QueryLanguage.JSONATA && isExpression(r)) && !ARN.matcher(r).matches()) {
        out.error("INVALID_RESOURCE", child(ptr, "Resource"), "Resource \"" + PathSyntax.abbreviate(r)
            + "\" is not an ARN; expected e.g. \"arn:aws:states:::lambda:invoke\" or"
            + " \"arn:aws:lambda:us-east-1:123456789012:function:name\"");
      } else if (!Integrations.recognized(r)) {
        out.aws(Diagnostics.SCHEMA, child(ptr, "Resource"), child(ptr, "Resource"), "The resource provided " + r
            + " is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.",
            Integrations.hint(r));
      }
    }
    Long timeout = null;
    Long heartbeat = null;
    if (s.has("TimeoutSeconds")) {
      timeout = fields.integer(child(ptr, "TimeoutSeconds"), "TimeoutSeconds", s.get("TimeoutSeconds"), 1, MAX_SECONDS, q);
    }
    if (s.has("HeartbeatSeconds")) {
      heartbeat = fields.integer(child(ptr, "HeartbeatSeconds"), "HeartbeatSeconds", s.get("HeartbeatSeconds"), 1, MAX_SECONDS, q);
    }
    if (timeout != null && heartbeat != null && heartbeat >= timeout) {
      out.error(child(ptr, "HeartbeatSeconds"), "HeartbeatSeconds must be smaller than TimeoutSeconds (was "
          + heartbeat + " with TimeoutSeconds " + timeout + ")");
    }
    fields.exclusive(s, ptr, "TimeoutSeconds", "TimeoutSecondsPath");
    fields.exclusive(s, ptr, "HeartbeatSeconds", "HeartbeatSecondsPath");
    if (q == QueryLanguage.JSONPATH) {
      fields.pathField(s, ptr, "TimeoutSecondsPath", false);
      fields.pathField(s, ptr, "HeartbeatSecondsPath", false);
    }
    JsonNode creds = s.get("Credentials");
    if (creds != null) {
      if (!creds.isObject()) {
        out.error(child(ptr, "Credentials"), "Credentials must be an object with RoleArn (was " + kind(creds) + ")");
      } else {
        if (!creds.has("RoleArn") && !creds.has("RoleArn.$")) {
          out.aws(Diagnostics.SCHEMA, child(ptr, "Credentials"), child(ptr, "Credentials"),
              "The field 'RoleArn' is required but was missing", "Credentials needs the RoleArn of the role to assume");
        }
        if (q == QueryLanguage.JSONPATH) {
          templates.template(creds, child(ptr, "Credentials"), "Credentials", false);
        }
      }
    }
    JsonNode args = s.get("Arguments");
    if (args != null && q == QueryLanguage.JSONATA && !args.isObject() && !(args.isTextual() && isExpression(args.asText()))) {
      out.error(child(ptr, "Arguments"), "Arguments must be an object or a {% %} expression (was " + kind(args) + ")");
    }
  }
}

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
    // AWS: https://states-language.net/spec.html#task-state "A Task State MUST include a Resource field, whose value
    // MUST be a URI that uniquely identifies the specific task to execute"; AWS's own answer for a missing one is
    // its "These fields are required" (recording: conformance/validation/cases/api.sfn_api.create_delete_invalid_sm)
    if (resource == null) {
      out.aws(Diagnostics.SCHEMA, ptr, Diagnostics.location(ptr), "These fields are required: [Resource]",
          "Task state is missing required field \"Resource\" (an ARN such as \"arn:aws:states:::lambda:invoke\")");
    } else if (!resource.isTextual()) {
      out.error("INVALID_RESOURCE", child(ptr, "Resource"), "Resource must be an ARN string (was " + kind(resource) + ")");
    } else {
      String r = resource.asText();
      // AWS: recording: https://github.com/linuxacademy/aws-cda-2018/issues/1 (AWS refuses a Task whose Resource is
      // a placeholder such as TEXT_REMINDER_ARN: it expects a valid ARN; AWS's Step Functions Local answers
      // "SCHEMA_VALIDATION_FAILED: Value is not a valid resource ARN", https://github.com/aws/aws-sam-cli-app-templates/issues/185);
      // the engine dispatches a task by its ARN.
      // An action AWS does not offer for an optimized integration is refused with AWS's message:
      // recording: conformance/validation/cases/services.dynamodb_task_service.invalid_integration
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
    // AWS: https://states-language.net/spec.html#task-state "Timeouts (the TimeoutSeconds and HeartbeatSeconds
    // fields) are specified in seconds and MUST be positive integers"; the upper bound is AWS's for seconds fields,
    // recording: https://github.com/aws-cloudformation/cfn-lint/issues/4075 ("SCHEMA_VALIDATION_FAILED: Maximum
    // value is 99999999", recorded on a Wait state's Seconds)
    if (s.has("TimeoutSeconds")) {
      timeout = fields.integer(child(ptr, "TimeoutSeconds"), "TimeoutSeconds", s.get("TimeoutSeconds"), 1, MAX_SECONDS, q);
    }
    if (s.has("HeartbeatSeconds")) {
      heartbeat = fields.integer(child(ptr, "HeartbeatSeconds"), "HeartbeatSeconds", s.get("HeartbeatSeconds"), 1, MAX_SECONDS, q);
    }
    // AWS: https://states-language.net/spec.html#task-state "If provided, the HeartbeatSeconds interval MUST be
    // smaller than the TimeoutSeconds value"
    if (timeout != null && heartbeat != null && heartbeat >= timeout) {
      out.error(child(ptr, "HeartbeatSeconds"), "HeartbeatSeconds must be smaller than TimeoutSeconds (was "
          + heartbeat + " with TimeoutSeconds " + timeout + ")");
    }
    // AWS: https://states-language.net/spec.html#task-state "A Task State MUST NOT include both TimeoutSeconds and
    // TimeoutSecondsPath or both HeartbeatSeconds and HeartbeatSecondsPath"
    fields.exclusive(s, ptr, "TimeoutSeconds", "TimeoutSecondsPath");
    fields.exclusive(s, ptr, "HeartbeatSeconds", "HeartbeatSecondsPath");
    if (q == QueryLanguage.JSONPATH) {
      // AWS: https://states-language.net/spec.html#task-state "TimeoutSecondsPath and HeartbeatSecondsPath fields
      // which MUST be Reference Paths"
      fields.pathField(s, ptr, "TimeoutSecondsPath", false);
      fields.pathField(s, ptr, "HeartbeatSecondsPath", false);
    }
    JsonNode creds = s.get("Credentials");
    if (creds != null) {
      // AWS: https://states-language.net/spec.html#task-state "A Task State MAY include a Credentials field, whose
      // value MUST be a JSON object"; AWS requires its RoleArn: recording:
      // conformance/validation/cases/credentials.credentials_base.invalid_credentials_field.EMPTY_CREDENTIALS
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
      // The States Language allows any JSON text here ("The value of Arguments MUST be a JSON text, or a JSONata
      // string"), and no AWS rejection is recorded: a warning, as service integrations take an object
      out.warning("ARGUMENTS_NOT_OBJECT", child(ptr, "Arguments"), "Arguments is " + kind(args) + ", not an object"
          + " or a {% %} expression; AWS may accept it (the States Language allows any JSON value), but service"
          + " integrations take their parameters as an object");
    }
  }
}

package io.github.sfntest.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.internal.mock.Responder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Results shaped as AWS's optimised integrations return them, for {@code willReturn(...)}. Ids are
 * derived from the content (name-based UUIDs), so tests stay reproducible.
 *
 * <pre>{@code
 * mocks.onState("Charge").willReturn(IntegrationResults.lambdaPayload(Map.of("charged", true)));
 * mocks.onState("Notify").willReturn(IntegrationResults.sqsSendMessage("{\"orderId\":\"o-1\"}"));
 * }</pre>
 */
public final class IntegrationResults {

  private IntegrationResults() {}

  /**
   * What {@code arn:aws:states:::lambda:invoke} returns when the function returned {@code
   * payload}: {@code {"ExecutedVersion": "$LATEST", "Payload": payload, "SdkHttpMetadata": {...},
   * "SdkResponseMetadata": {"RequestId": ...}, "StatusCode": 200}}. {@code payload} is a {@link
   * JsonNode} or any value convertible to JSON ({@code Map}, {@code List}, {@code String}...).
   *
   * @param payload what the function returned: a JsonNode, Map, List, String, number...
   * @return the lambda:invoke result
   */
  public static ObjectNode lambdaPayload(Object payload) {
    JsonNode p = Responder.toJson(payload);
    String body = Json.write(p);
    String requestId = uuid("lambda", body);
    ObjectNode result = Json.NODES.objectNode();
    result.put("ExecutedVersion", "$LATEST");
    result.set("Payload", p);
    result.set(
        "SdkHttpMetadata",
        httpMetadata(
            Map.of(
                "X-Amz-Executed-Version", "$LATEST",
                "x-amzn-Remapped-Content-Length", "0",
                "Connection", "keep-alive",
                "x-amzn-RequestId", requestId,
                "Content-Length", Integer.toString(Json.utf8Size(body)),
                "Content-Type", "application/json")));
    result.set("SdkResponseMetadata", responseMetadata(requestId));
    result.put("StatusCode", 200);
    return result;
  }

  /**
   * What {@code arn:aws:states:::dynamodb:getItem} returns for {@code item} (plain Java values,
   * converted with {@link #dynamoDbItem}); {@code null} means "no such item" (no {@code Item}
   * member, as DynamoDB answers).
   *
   * @param item the item as plain Java values, or null for no such item
   * @return the getItem result
   */
  public static ObjectNode dynamoDbGetItem(Map<String, ?> item) {
    return dynamoDbResult("Item", item);
  }

  /**
   * What {@code arn:aws:states:::dynamodb:putItem} returns without {@code ReturnValues}: only the
   * SDK metadata.
   *
   * @return the result
   */
  public static ObjectNode dynamoDbPutItem() {
    return dynamoDbResult("Attributes", null);
  }

  /**
   * What {@code arn:aws:states:::dynamodb:updateItem} returns: {@code {"Attributes": ...}} with
   * {@code attributes} as attribute values (what {@code ReturnValues} asked for), or only the SDK
   * metadata when {@code attributes} is {@code null} ({@code ReturnValues: NONE}).
   *
   * @param attributes plain values, converted with {@link #dynamoDbItem}, or {@code null}
   * @return the result
   */
  public static ObjectNode dynamoDbUpdateItem(Map<String, ?> attributes) {
    return dynamoDbResult("Attributes", attributes);
  }

  /** A DynamoDB answer: {@code member} holding {@code values} as attribute values (absent when null), and the SDK metadata. */
  private static ObjectNode dynamoDbResult(String member, Map<String, ?> values) {
    ObjectNode result = Json.NODES.objectNode();
    if (values != null) {
      result.set(member, dynamoDbItem(values));
    }
    String body = Json.write(result);
    String requestId = uuid("dynamodb", body);
    result.set("SdkHttpMetadata", httpMetadata(jsonHeaders(requestId, body)));
    result.set("SdkResponseMetadata", responseMetadata(requestId));
    return result;
  }

  /**
   * Plain values as DynamoDB attribute values: strings {@code S}, numbers {@code N}, booleans
   * {@code BOOL}, {@code null} {@code NULL}, maps {@code M}, lists {@code L}. A {@link JsonNode}
   * value is taken as an attribute value already.
   *
   * @param item the item as plain Java values
   * @return the item as DynamoDB attribute values
   */
  public static ObjectNode dynamoDbItem(Map<String, ?> item) {
    ObjectNode out = Json.NODES.objectNode();
    item.forEach((k, v) -> out.set(k, attribute(v)));
    return out;
  }

  private static JsonNode attribute(Object v) {
    ObjectNode a = Json.NODES.objectNode();
    if (v instanceof JsonNode node) {
      return node;
    } else if (v == null) {
      a.put("NULL", true);
    } else if (v instanceof CharSequence s) {
      a.put("S", s.toString());
    } else if (v instanceof Number n) {
      a.put("N", Json.write(Responder.toJson(n)));
    } else if (v instanceof Boolean b) {
      a.put("BOOL", b);
    } else if (v instanceof Map<?, ?> m) {
      ObjectNode mm = a.putObject("M");
      m.forEach((k, x) -> mm.set(String.valueOf(k), attribute(x)));
    } else if (v instanceof List<?> l) {
      ArrayNode ll = a.putArray("L");
      l.forEach(x -> ll.add(attribute(x)));
    } else {
      throw new IllegalArgumentException(
          "cannot write a " + v.getClass().getName() + " as a DynamoDB attribute value");
    }
    return a;
  }

  /**
   * What {@code arn:aws:states:::sqs:sendMessage} returns for {@code messageBody}: {@code
   * {"MD5OfMessageBody": <MD5 hex of the body>, "MessageId": ..., "SdkHttpMetadata": {...},
   * "SdkResponseMetadata": {...}}}.
   *
   * @param messageBody the message body sent
   * @return the sendMessage result
   */
  public static ObjectNode sqsSendMessage(String messageBody) {
    ObjectNode result = Json.NODES.objectNode();
    result.put("MD5OfMessageBody", md5(messageBody));
    result.put("MessageId", uuid("sqs", messageBody));
    String requestId = uuid("sqs-request", messageBody);
    result.set("SdkHttpMetadata", httpMetadata(jsonHeaders(requestId, Json.write(result))));
    result.set("SdkResponseMetadata", responseMetadata(requestId));
    return result;
  }

  /**
   * What {@code arn:aws:states:::sns:publish} returns for {@code message}: a MessageId and SDK
   * metadata.
   *
   * @param message the message published
   * @return the publish result
   */
  public static ObjectNode snsPublish(String message) {
    ObjectNode result = Json.NODES.objectNode();
    result.put("MessageId", uuid("sns", message));
    String requestId = uuid("sns-request", message);
    result.set(
        "SdkHttpMetadata",
        httpMetadata(Map.of("x-amzn-RequestId", requestId, "connection", "keep-alive", "Date", FIXED_DATE,
            "Content-Type", "text/xml",
            "Content-Length", Integer.toString(snsPublishBody(result.get("MessageId").asText(), requestId)
                .getBytes(StandardCharsets.UTF_8).length))));
    result.set("SdkResponseMetadata", responseMetadata(requestId));
    return result;
  }

  /**
   * What {@code arn:aws:states:::events:putEvents} returns when all {@code entryCount} entries were
   * accepted: {@code {"Entries": [{"EventId": ...}, ...], "FailedEntryCount": 0}}.
   *
   * @param entryCount how many entries were put
   * @return the putEvents result
   */
  public static ObjectNode eventBridgePutEvents(int entryCount) {
    ObjectNode result = Json.NODES.objectNode();
    ArrayNode entries = result.putArray("Entries");
    for (int i = 0; i < entryCount; i++) {
      entries.addObject().put("EventId", uuid("events", Integer.toString(i)));
    }
    result.put("FailedEntryCount", 0);
    return result;
  }

  /**
   * What {@code arn:aws:states:::aws-sdk:s3:getObject} returns for an object holding {@code body}:
   * the body as text (Step Functions hands it over as a string), its length, type and ETag.
   *
   * @param body the object's content
   * @param contentType its {@code Content-Type}, e.g. {@code application/json}
   * @return the result
   */
  public static ObjectNode s3GetObject(String body, String contentType) {
    ObjectNode result = Json.NODES.objectNode();
    result.put("AcceptRanges", "bytes");
    result.put("Body", body);
    result.put("ContentLength", body.getBytes(StandardCharsets.UTF_8).length);
    result.put("ContentType", contentType);
    result.put("ETag", "\"" + md5(body) + "\"");
    result.put("LastModified", "2024-01-01T00:00:00Z");
    result.putObject("Metadata");
    result.put("ServerSideEncryption", "AES256");
    return result;
  }

  /**
   * What {@code arn:aws:states:::aws-sdk:s3:putObject} returns after storing {@code body}: its
   * ETag (the MD5 of the body, quoted, as S3 gives it for a single-part upload).
   *
   * @param body the stored content
   * @return the result
   */
  public static ObjectNode s3PutObject(String body) {
    ObjectNode result = Json.NODES.objectNode();
    result.put("ETag", "\"" + md5(body) + "\"");
    result.put("ServerSideEncryption", "AES256");
    return result;
  }

  /**
   * What {@code arn:aws:states:::states:startExecution} (and its {@code .sync} forms, when they
   * submit) returns: {@code {"ExecutionArn", "StartDate", "SdkHttpMetadata", "SdkResponseMetadata"}}.
   *
   * @param executionArn the started execution's ARN
   * @param startDate its start date, as AWS formats it
   * @return the startExecution result
   */
  public static ObjectNode stepFunctionsStartExecution(String executionArn, String startDate) {
    ObjectNode result = Json.NODES.objectNode();
    result.put("ExecutionArn", executionArn);
    result.put("StartDate", startDate);
    String requestId = uuid("states-request", executionArn);
    result.set("SdkHttpMetadata", httpMetadata(jsonHeaders(requestId, startExecutionBody(executionArn, startDate))));
    result.set("SdkResponseMetadata", responseMetadata(requestId));
    return result;
  }

  /**
   * What {@code arn:aws:states:::aws-sdk:comprehend:detectSentiment} returns: {@code
   * {"Sentiment": sentiment, "SentimentScore": {"Positive", "Negative", "Neutral", "Mixed"}}}.
   *
   * @param sentiment {@code POSITIVE}, {@code NEGATIVE}, {@code NEUTRAL} or {@code MIXED}
   * @param positive the score of POSITIVE, 0 to 1
   * @param negative the score of NEGATIVE, 0 to 1
   * @param neutral the score of NEUTRAL, 0 to 1
   * @param mixed the score of MIXED, 0 to 1
   * @return the detectSentiment result
   * @throws IllegalArgumentException if {@code sentiment} is none of the four
   */
  public static ObjectNode comprehendDetectSentiment(
      String sentiment, double positive, double negative, double neutral, double mixed) {
    oneOf("sentiment", sentiment, "POSITIVE", "NEGATIVE", "NEUTRAL", "MIXED");
    ObjectNode result = Json.NODES.objectNode();
    result.put("Sentiment", sentiment);
    ObjectNode score = result.putObject("SentimentScore");
    score.put("Mixed", mixed);
    score.put("Negative", negative);
    score.put("Neutral", neutral);
    score.put("Positive", positive);
    return result;
  }

  /**
   * What {@code arn:aws:states:::batch:submitJob.sync} returns once the job has ended: the job as
   * Batch's DescribeJobs describes it ({@code JobDetail}), with one attempt whose container exited
   * with {@code exitCode}. Times are epoch milliseconds, as Batch gives them.
   *
   * @param jobName the job's name
   * @param status how it ended: {@code SUCCEEDED} or {@code FAILED}
   * @param exitCode the container's exit code
   * @param statusReason why it is in this status, e.g. {@code Essential container in task exited}
   * @return the submitJob.sync result
   * @throws IllegalArgumentException if {@code status} is neither SUCCEEDED nor FAILED
   */
  public static ObjectNode batchSubmitJobSync(String jobName, String status, int exitCode, String statusReason) {
    oneOf("status", status, "SUCCEEDED", "FAILED");
    String jobId = uuid("batch", jobName);
    ObjectNode container = Json.NODES.objectNode();
    container.put("ExitCode", exitCode);
    container.put("LogStreamName", jobName + "/default/" + jobId.replace("-", ""));
    container.put("Reason", statusReason);
    ObjectNode job = Json.NODES.objectNode();
    ObjectNode attempt = job.putArray("Attempts").addObject();
    attempt.set("Container", container.deepCopy());
    attempt.put("StartedAt", EPOCH_MILLIS + 10_000);
    attempt.put("StatusReason", statusReason);
    attempt.put("StoppedAt", EPOCH_MILLIS + 70_000);
    job.set("Container", container);
    job.put("CreatedAt", EPOCH_MILLIS);
    job.putArray("DependsOn");
    job.put("JobArn", "arn:aws:batch:" + REGION_ACCOUNT + ":job/" + jobId);
    job.put("JobDefinition", "arn:aws:batch:" + REGION_ACCOUNT + ":job-definition/" + jobName + ":1");
    job.put("JobId", jobId);
    job.put("JobName", jobName);
    job.put("JobQueue", "arn:aws:batch:" + REGION_ACCOUNT + ":job-queue/default");
    job.putObject("Parameters");
    job.put("StartedAt", EPOCH_MILLIS + 10_000);
    job.put("Status", status);
    job.put("StatusReason", statusReason);
    job.put("StoppedAt", EPOCH_MILLIS + 70_000);
    job.putObject("Tags");
    return job;
  }

  /**
   * What {@code arn:aws:states:::ecs:runTask.sync} returns once the task has stopped: the task as
   * ECS's DescribeTasks describes it ({@code Task}), {@code LastStatus} {@code STOPPED}, its one
   * essential container exited with {@code exitCode}.
   *
   * @param taskDefinitionFamily the task definition's family (also the container's name)
   * @param exitCode the container's exit code
   * @param stoppedReason why the task stopped, e.g. {@code Essential container in task exited}
   * @return the runTask.sync result
   */
  public static ObjectNode ecsRunTaskSync(String taskDefinitionFamily, int exitCode, String stoppedReason) {
    String taskId = uuid("ecs", taskDefinitionFamily).replace("-", "");
    String taskArn = "arn:aws:ecs:" + REGION_ACCOUNT + ":task/default/" + taskId;
    ObjectNode task = Json.NODES.objectNode();
    task.put("ClusterArn", "arn:aws:ecs:" + REGION_ACCOUNT + ":cluster/default");
    ObjectNode c = task.putArray("Containers").addObject();
    c.put("ContainerArn", "arn:aws:ecs:" + REGION_ACCOUNT + ":container/default/" + taskId + "/"
        + uuid("ecs-container", taskDefinitionFamily));
    c.put("ExitCode", exitCode);
    c.put("LastStatus", "STOPPED");
    c.put("Name", taskDefinitionFamily);
    c.put("TaskArn", taskArn);
    task.put("CreatedAt", "2024-01-01T00:00:00Z");
    task.put("DesiredStatus", "STOPPED");
    task.put("LastStatus", "STOPPED");
    task.put("LaunchType", "FARGATE");
    task.put("StartedAt", "2024-01-01T00:00:10Z");
    task.put("StopCode", "EssentialContainerExited");
    task.put("StoppedAt", "2024-01-01T00:01:10Z");
    task.put("StoppedReason", stoppedReason);
    task.put("TaskArn", taskArn);
    task.put("TaskDefinitionArn", "arn:aws:ecs:" + REGION_ACCOUNT + ":task-definition/" + taskDefinitionFamily + ":1");
    task.put("Version", 3);
    return task;
  }

  /**
   * What {@code arn:aws:states:::glue:startJobRun.sync} returns once the run has ended: the run as
   * Glue's GetJobRun describes it ({@code JobRun}).
   *
   * @param jobName the Glue job's name
   * @param jobRunState how it ended, e.g. {@code SUCCEEDED}, {@code FAILED}, {@code TIMEOUT}
   * @param errorMessage the run's error message, or {@code null} when it succeeded
   * @return the startJobRun.sync result
   * @throws IllegalArgumentException if {@code jobRunState} is not a state a run ends in
   */
  public static ObjectNode glueStartJobRunSync(String jobName, String jobRunState, String errorMessage) {
    oneOf("jobRunState", jobRunState, "SUCCEEDED", "FAILED", "TIMEOUT", "STOPPED", "ERROR", "EXPIRED");
    ObjectNode run = Json.NODES.objectNode();
    run.putObject("Arguments");
    run.put("Attempt", 0);
    run.put("CompletedOn", "2024-01-01T00:01:10Z");
    if (errorMessage != null) {
      run.put("ErrorMessage", errorMessage);
    }
    run.put("ExecutionTime", 60);
    run.put("GlueVersion", "4.0");
    run.put("Id", "jr_" + md5("glue\n" + jobName) + md5("glue-run\n" + jobName));
    run.put("JobName", jobName);
    run.put("JobRunState", jobRunState);
    run.put("LastModifiedOn", "2024-01-01T00:01:10Z");
    run.put("MaxCapacity", 10.0);
    run.put("NumberOfWorkers", 10);
    run.put("StartedOn", "2024-01-01T00:00:00Z");
    run.put("Timeout", 2880);
    run.put("WorkerType", "G.1X");
    return run;
  }

  /**
   * What {@code arn:aws:states:::athena:startQueryExecution.sync} returns once the query has
   * ended: Athena's GetQueryExecution output, {@code {"QueryExecution": {...}}}, its results under
   * {@code outputLocation}.
   *
   * @param query the query string
   * @param state how it ended: {@code SUCCEEDED}, {@code FAILED} or {@code CANCELLED}
   * @param outputLocation the S3 prefix of the results, e.g. {@code s3://bucket/results}
   * @return the startQueryExecution.sync result
   * @throws IllegalArgumentException if {@code state} is not a state a query ends in
   */
  public static ObjectNode athenaStartQueryExecutionSync(String query, String state, String outputLocation) {
    oneOf("state", state, "SUCCEEDED", "FAILED", "CANCELLED");
    String id = uuid("athena", query);
    ObjectNode result = Json.NODES.objectNode();
    ObjectNode qe = result.putObject("QueryExecution");
    ObjectNode engine = qe.putObject("EngineVersion");
    engine.put("EffectiveEngineVersion", "Athena engine version 3");
    engine.put("SelectedEngineVersion", "AUTO");
    qe.put("Query", query);
    qe.putObject("QueryExecutionContext");
    qe.put("QueryExecutionId", id);
    qe.putObject("ResultConfiguration").put("OutputLocation",
        (outputLocation.endsWith("/") ? outputLocation : outputLocation + "/") + id + ".csv");
    qe.put("StatementType", "DML");
    ObjectNode stats = qe.putObject("Statistics");
    stats.put("DataScannedInBytes", 0L);
    stats.put("EngineExecutionTimeInMillis", 1000L);
    stats.put("TotalExecutionTimeInMillis", 1200L);
    ObjectNode status = qe.putObject("Status");
    status.put("CompletionDateTime", "2024-01-01T00:00:01.200Z");
    status.put("State", state);
    status.put("SubmissionDateTime", "2024-01-01T00:00:00Z");
    qe.put("WorkGroup", "primary");
    return result;
  }

  private static void oneOf(String name, String value, String... allowed) {
    if (!List.of(allowed).contains(value)) {
      throw new IllegalArgumentException(name + " must be one of " + String.join(", ", allowed) + ", not \"" + value + "\"");
    }
  }

  // The fixed account and instant the .sync results are set in (results are pure functions of their arguments).
  private static final String REGION_ACCOUNT = "us-east-1:123456789012";
  private static final long EPOCH_MILLIS = 1_704_067_200_000L; // 2024-01-01T00:00:00Z

  /**
   * The HTTP body SNS answers Publish with (the Query protocol's XML, laid out as in the SNS API
   * reference's example); its length is the recorded {@code Content-Length}.
   */
  private static String snsPublishBody(String messageId, String requestId) {
    return "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">\n"
        + "  <PublishResult>\n"
        + "    <MessageId>" + messageId + "</MessageId>\n"
        + "  </PublishResult>\n"
        + "  <ResponseMetadata>\n"
        + "    <RequestId>" + requestId + "</RequestId>\n"
        + "  </ResponseMetadata>\n"
        + "</PublishResponse>\n";
  }

  /**
   * The HTTP body Step Functions answers StartExecution with (AWS JSON 1.0): {@code
   * {"executionArn":"...","startDate":1.7040672E9}}, members in the service model's order, the
   * date as epoch seconds with millisecond precision, rendered as the service's Java serialiser
   * writes a double. The task output carries the same values under the SDK's member names.
   */
  static String startExecutionBody(String executionArn, String startDate) {
    double seconds;
    try {
      seconds = java.time.Instant.parse(startDate).toEpochMilli() / 1000.0;
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("startDate must be an ISO-8601 instant, not \"" + startDate + "\"", e);
    }
    ObjectNode body = Json.NODES.objectNode();
    body.put("executionArn", executionArn);
    body.put("startDate", seconds);
    return Json.write(body);
  }

  private static Map<String, String> jsonHeaders(String requestId, String body) {
    return Map.of(
        "x-amzn-RequestId", requestId,
        "connection", "keep-alive",
        "Date", FIXED_DATE,
        "Content-Length", Integer.toString(Json.utf8Size(body)),
        "Content-Type", "application/x-amz-json-1.0");
  }

  // Results are pure functions of their arguments, so the HTTP Date header is a fixed instant.
  private static final String FIXED_DATE = "Mon, 01 Jan 2024 00:00:00 GMT";

  private static ObjectNode httpMetadata(Map<String, String> headers) {
    ObjectNode meta = Json.NODES.objectNode();
    ObjectNode all = meta.putObject("AllHttpHeaders");
    ObjectNode single = meta.putObject("HttpHeaders");
    headers.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(String.CASE_INSENSITIVE_ORDER))
        .forEach(e -> {
          all.putArray(e.getKey()).add(e.getValue());
          single.put(e.getKey(), e.getValue());
        });
    meta.put("HttpStatusCode", 200);
    return meta;
  }

  private static ObjectNode responseMetadata(String requestId) {
    ObjectNode meta = Json.NODES.objectNode();
    meta.put("RequestId", requestId);
    return meta;
  }

  private static String uuid(String kind, String content) {
    return UUID.nameUUIDFromBytes((kind + "\n" + content).getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static String md5(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("MD5");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is missing from this JVM", e);
    }
  }
}

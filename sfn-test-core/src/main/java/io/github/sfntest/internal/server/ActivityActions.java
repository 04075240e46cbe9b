package io.github.sfntest.internal.server;

import static io.github.sfntest.internal.server.Wire.epoch;
import static io.github.sfntest.internal.server.Wire.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.engine.WaitingTask;
import io.github.sfntest.internal.json.Json;
import java.time.Instant;

/** CreateActivity, DeleteActivity, DescribeActivity, ListActivities and the workers' GetActivityTask. */
record ActivityActions(ServiceContext ctx) implements ActionGroup {

  @Override
  public void registerIn(Dispatcher d) {
    d.aws("CreateActivity", this::create)
        .aws("DeleteActivity", this::delete)
        .aws("DescribeActivity", this::describe)
        .aws("ListActivities", this::list)
        .aws("GetActivityTask", this::getTask);
  }

  private ObjectNode create(Req r) {
    String name = r.required("name", 80);
    Arns.checkName(name);
    String arn = ctx.arns().activity(name);
    ActivityRecord record = ctx.activities().create(arn, name);
    JsonNode tagList = r.array("tags");
    if (tagList != null) {
      ctx.tags().put(arn, tagList);
    }
    ObjectNode out = obj();
    out.put("activityArn", arn);
    out.set("creationDate", epoch(record.creationDate()));
    return out;
  }

  private ObjectNode delete(Req r) {
    ctx.activities().remove(r.required("activityArn"));
    return obj();
  }

  private ObjectNode describe(Req r) {
    ActivityRecord a = ctx.activities().get(r.required("activityArn"));
    return item(obj(), a);
  }

  private ObjectNode list(Req r) {
    int max = r.integer("maxResults", 0, 1000, 0);
    ObjectNode out = obj();
    ArrayNode list = out.putArray("activities");
    Wire.page(ctx.activities().sortedByName(), r.str("nextToken"), Wire.pageSize(max), out, a -> item(list.addObject(), a));
    return out;
  }

  private static ObjectNode item(ObjectNode out, ActivityRecord a) {
    out.put("activityArn", a.arn());
    out.put("name", a.name());
    out.set("creationDate", epoch(a.creationDate()));
    return out;
  }

  /** Long poll: the oldest task of the activity not yet handed out, or an empty answer after the poll time. */
  private ObjectNode getTask(Req r) {
    ActivityRecord a = ctx.activities().get(r.required("activityArn"));
    String workerName = r.str("workerName", 80);
    long deadline = System.nanoTime() + ctx.config().activityPollTimeout().toNanos();
    while (true) {
      Instant now = Instant.now();
      for (ExecutionRecord e : ctx.executions().running()) {
        WaitingTask task = e.takeActivityTask(a.arn(), workerName, now);
        if (task != null) {
          ObjectNode out = obj();
          out.put("taskToken", task.taskToken());
          out.put("input", Json.write(task.parameters()));
          return out;
        }
      }
      if (System.nanoTime() >= deadline || ctx.closed().get()) {
        return obj(); // AWS answers an empty task when none arrives within the poll
      }
      Wire.pause(10);
    }
  }
}

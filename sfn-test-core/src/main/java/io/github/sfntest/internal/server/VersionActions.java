package io.github.sfntest.internal.server;

import static io.github.sfntest.internal.server.Wire.epoch;
import static io.github.sfntest.internal.server.Wire.obj;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** PublishStateMachineVersion, ListStateMachineVersions, DeleteStateMachineVersion. */
record VersionActions(ServiceContext ctx) implements ActionGroup {

  @Override
  public void registerIn(Dispatcher d) {
    d.aws("PublishStateMachineVersion", this::publish)
        .aws("ListStateMachineVersions", this::list)
        .aws("DeleteStateMachineVersion", this::delete);
  }

  private ObjectNode publish(Req r) {
    String arn = r.required("stateMachineArn", 256);
    String revisionId = r.str("revisionId");
    String description = r.str("description", 256);
    if (StateMachineStore.split(arn) != null) {
      throw ApiException.invalidArn(arn, "Resource type not valid in this context: a qualified state machine ARN");
    }
    StateMachineRecord machine = ctx.machines().get(arn);
    if (revisionId != null && !revisionId.equals(machine.current().revisionId())) {
      throw new ApiException("ConflictException", "Failed to publish the State Machine version: the revision ID "
          + revisionId + " is not the latest revision " + machine.current().revisionId());
    }
    StateMachineRecord.Version v = machine.publish(description, Instant.now());
    ObjectNode out = obj();
    out.set("creationDate", epoch(v.creationDate()));
    out.put("stateMachineVersionArn", v.arn());
    return out;
  }

  private ObjectNode list(Req r) {
    return Wire.pageOfMachine(r, ctx, StateMachineRecord::versions, "stateMachineVersions", "stateMachineVersionArn",
        StateMachineRecord.Version::arn, StateMachineRecord.Version::creationDate);
  }

  private ObjectNode delete(Req r) {
    String versionArn = r.required("stateMachineVersionArn", 256);
    String[] split = StateMachineStore.split(versionArn);
    if (split == null || !StateMachineStore.isVersionNumber(split[1])) {
      throw ApiException.invalidArn(versionArn, "Resource type not valid in this context: not a state machine version ARN");
    }
    StateMachineRecord machine = ctx.machines().byArnOrNull(split[0]);
    if (machine != null) {
      machine.deleteVersion(Integer.parseInt(split[1])); // deleting an absent version is not an error on AWS
    }
    return obj();
  }
}

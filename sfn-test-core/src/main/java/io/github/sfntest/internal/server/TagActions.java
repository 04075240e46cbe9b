package io.github.sfntest.internal.server;

import static io.github.sfntest.internal.server.Wire.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** TagResource, UntagResource, ListTagsForResource on state machines and activities. */
record TagActions(ServiceContext ctx) implements ActionGroup {

  @Override
  public void registerIn(Dispatcher d) {
    d.aws("TagResource", this::tag)
        .aws("UntagResource", this::untag)
        .aws("ListTagsForResource", this::list);
  }

  private ObjectNode tag(Req r) {
    String arn = resource(r);
    ctx.tags().put(arn, requiredArray(r, "tags"));
    return obj();
  }

  private ObjectNode untag(Req r) {
    String arn = resource(r);
    ctx.tags().remove(arn, requiredArray(r, "tagKeys"));
    return obj();
  }

  private ObjectNode list(Req r) {
    String arn = resource(r);
    ObjectNode out = obj();
    ArrayNode list = out.putArray("tags");
    ctx.tags().of(arn).forEach(list::add);
    return out;
  }

  /** The request's {@code resourceArn}, which must name an existing state machine or activity. */
  private String resource(Req r) {
    String arn = r.required("resourceArn");
    if (!ctx.machines().contains(arn) && !ctx.activities().contains(arn)) {
      Arns.check(arn, null);
      throw new ApiException("ResourceNotFound", "Resource not found: '" + arn + "'");
    }
    return arn;
  }

  private static JsonNode requiredArray(Req r, String field) {
    JsonNode list = r.array(field);
    if (list == null) {
      throw ApiException.missing(field);
    }
    return list;
  }
}

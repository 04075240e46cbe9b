package io.github.sfntest.distributed;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.mock.TaskHandler;
import io.github.sfntest.s3.InMemoryS3;

/** Shared helpers: definitions written with single quotes, run on a fresh in-process engine. */
final class DistributedMapSupport {
  private DistributedMapSupport() {}

  static String q(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  static ExecutionResult run(String definition, String input, InMemoryS3 s3, TaskHandler handler) {
    StartRequest request = StartRequest.of(StateMachineDefinition.of("dmap", q(definition)), q(input))
        .withTaskHandler(handler);
    if (s3 != null) {
      request = request.withS3(s3);
    }
    try (Engine engine = Engine.inProcess()) {
      return engine.run(request);
    }
  }

  static ExecutionResult run(String definition, String input, InMemoryS3 s3) {
    return run(definition, input, s3, TaskHandler.none());
  }

  /** A Distributed Map state named "Map" whose children run {@code processorStates}. */
  static String distributedMap(String mapFields, String processorStart, String processorStates) {
    return "{'StartAt':'Map','States':{'Map':{'Type':'Map'," + mapFields + ","
        + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},"
        + "'StartAt':'" + processorStart + "','States':" + processorStates + "},'End':true}}}";
  }

  /** Children that succeed with their input, or fail with error "Bad" when the input has "fail": true. */
  static final String FAIL_WHEN_ASKED =
      "{'Check':{'Type':'Choice','Choices':[{'Variable':'$.fail','BooleanEquals':true,'Next':'Boom'}],'Default':'Ok'},"
          + "'Boom':{'Type':'Fail','Error':'Bad','Cause':'asked to fail'},'Ok':{'Type':'Pass','End':true}}";

  static final String PASS = "{'P':{'Type':'Pass','End':true}}";
}

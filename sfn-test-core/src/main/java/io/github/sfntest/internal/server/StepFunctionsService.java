package io.github.sfntest.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.definition.Diagnostic;
import io.github.sfntest.definition.InvalidDefinitionException;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.EngineCapability;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.engine.Execution;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.engine.WaitingTask;
import io.github.sfntest.history.HistoryEvent;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.internal.validation.DefinitionValidator;
import io.github.sfntest.mock.MockConfigFile;
import io.github.sfntest.mock.TaskHandler;
import io.github.sfntest.mock.TaskOutcome;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The Step Functions API on top of the in-process engine: the actions of the AWS JSON 1.0
 * protocol ({@code X-Amz-Target: AWSStepFunctions.<Action>}), with AWS's error types and messages.
 * Transport-free: {@link #handle} takes the action name and the parsed body.
 *
 * <p>Besides AWS's actions it answers a few of its own under the target prefix {@code SfnTest.}
 * (capabilities, waiting tasks, virtual time, mocks) that the SDK engine uses when it talks to this
 * endpoint; AWS engines answer them with {@code UnknownOperationException}.
 */
public final class StepFunctionsService implements AutoCloseable {

  /** Target prefix of AWS's actions. */
  public static final String AWS_PREFIX = "AWSStepFunctions.";
  /** Target prefix of this endpoint's own actions. */
  public static final String EXTENSION_PREFIX = "SfnTest.";

  private static final Pattern NAME = Pattern.compile("[^\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\p{Cntrl}]{1,80}");
  private static final Set<String> TYPES = Set.of("STANDARD", "EXPRESS");
  private static final int MAX_PAYLOAD = EngineOptions.AWS_MAX_PAYLOAD_BYTES;

  private final ServiceConfig config;
  private final String arnPrefix;
  private final Map<String, Function<Req, ObjectNode>> actions = new LinkedHashMap<>();
  private final Map<String, Function<Req, ObjectNode>> extensions = new LinkedHashMap<>();
  private final Map<String, StateMachineRecord> machines = new ConcurrentHashMap<>();
  private final Map<String, ExecutionRecord> executions = Collections.synchronizedMap(new LinkedHashMap<>());
  private final Set<String> starting = new java.util.HashSet<>();
  private final Map<String, ActivityRecord> activities = new ConcurrentHashMap<>();
  private final Map<String, TaskHandler> handlers = new ConcurrentHashMap<>();
  private final Map<String, List<ObjectNode>> tags = new ConcurrentHashMap<>();
  private final AtomicLong handlerCounter = new AtomicLong();
  private volatile MockConfigFile pushedMocks;
  private volatile boolean closed;

  private record ActivityRecord(String arn, String name, Instant creationDate) {}

  public StepFunctionsService(ServiceConfig config) {
    this.config = config;
    EngineOptions o = config.options();
    this.arnPrefix = "arn:aws:states:" + o.region() + ":" + o.account() + ":";
    actions.put("CreateStateMachine", this::createStateMachine);
    actions.put("UpdateStateMachine", this::updateStateMachine);
    actions.put("DeleteStateMachine", this::deleteStateMachine);
    actions.put("DescribeStateMachine", this::describeStateMachine);
    actions.put("ListStateMachines", this::listStateMachines);
    actions.put("DescribeStateMachineForExecution", this::describeStateMachineForExecution);
    actions.put("ValidateStateMachineDefinition", this::validateStateMachineDefinition);
    actions.put("StartExecution", this::startExecution);
    actions.put("StartSyncExecution", this::startSyncExecution);
    actions.put("DescribeExecution", this::describeExecution);
    actions.put("ListExecutions", this::listExecutions);
    actions.put("StopExecution", this::stopExecution);
    actions.put("GetExecutionHistory", this::getExecutionHistory);
    actions.put("SendTaskSuccess", this::sendTaskSuccess);
    actions.put("SendTaskFailure", this::sendTaskFailure);
    actions.put("SendTaskHeartbeat", this::sendTaskHeartbeat);
    actions.put("CreateActivity", this::createActivity);
    actions.put("DeleteActivity", this::deleteActivity);
    actions.put("DescribeActivity", this::describeActivity);
    actions.put("ListActivities", this::listActivities);
    actions.put("GetActivityTask", this::getActivityTask);
    actions.put("TestState", r -> TestStateAction.run(r, config.options()));
    actions.put("TagResource", this::tagResource);
    actions.put("UntagResource", this::untagResource);
    actions.put("ListTagsForResource", this::listTagsForResource);
    extensions.put("DescribeEndpoint", this::describeEndpoint);
    extensions.put("ListWaitingTasks", this::listWaitingTasks);
    extensions.put("AdvanceTime", this::advanceTime);
    extensions.put("PutMockConfig", this::putMockConfig);
    extensions.put("AwaitCompletion", this::awaitCompletion);
  }

  /** The AWS actions this endpoint implements. */
  public Set<String> actionNames() {
    return Collections.unmodifiableSet(actions.keySet());
  }

  /**
   * Runs one action.
   *
   * @param target the {@code X-Amz-Target} header, e.g. {@code AWSStepFunctions.StartExecution}
   * @throws ApiException for every error the API reports
   */
  public ObjectNode handle(String target, ObjectNode body) {
    if (closed) {
      throw new ApiException("ServiceUnavailable", 503, "The endpoint is shutting down");
    }
    Function<Req, ObjectNode> action = null;
    if (target != null && target.startsWith(AWS_PREFIX)) {
      action = actions.get(target.substring(AWS_PREFIX.length()));
    } else if (target != null && target.startsWith(EXTENSION_PREFIX)) {
      action = extensions.get(target.substring(EXTENSION_PREFIX.length()));
    }
    if (action == null) {
      throw new ApiException("UnknownOperationException",
          target == null || target.isBlank()
              ? "Missing X-Amz-Target header: expected AWSStepFunctions.<Action>"
              : "Unknown operation " + target + "; this endpoint implements AWSStepFunctions." + String.join(", ", actions.keySet()));
    }
    return action.apply(new Req(body));
  }

  /** Registers an in-JVM task handler; executions started with {@code #<returned name>} use it. */
  public String registerHandler(TaskHandler handler) {
    String name = "sfn-test-handler-" + handlerCounter.incrementAndGet();
    handlers.put(name, handler);
    return name;
  }

  /** Like {@link #registerHandler(TaskHandler)}, with the engine options its executions run with. */
  public String registerHandler(TaskHandler handler, EngineOptions options, io.github.sfntest.s3.InMemoryS3 s3) {
    String name = registerHandler(handler);
    handlerOptions.put(name, options);
    if (s3 != null) {
      handlerS3.put(name, s3);
    }
    return name;
  }

  private final Map<String, io.github.sfntest.s3.InMemoryS3> handlerS3 = new ConcurrentHashMap<>();

  public void unregisterHandler(String testCaseName) {
    handlers.remove(testCaseName);
    handlerOptions.remove(testCaseName);
    handlerS3.remove(testCaseName);
  }

  // Options of in-JVM test clients (start time, seed): their executions are reproducible.
  private final Map<String, EngineOptions> handlerOptions = new ConcurrentHashMap<>();

  /** Real-time mode: lets every running execution's virtual clock catch up (called periodically). */
  public void tick() {
    if (!config.realTime()) {
      return;
    }
    Instant now = Instant.now();
    for (ExecutionRecord r : runningRecords()) {
      r.catchUp(now);
    }
  }

  @Override
  public void close() {
    closed = true;
  }

  // ---------------------------------------------------------------------------------------------
  // State machines

  private ObjectNode createStateMachine(Req r) {
    String name = r.required("name", 80);
    String definitionText = r.required("definition", DefinitionValidator.MAX_DEFINITION_LENGTH);
    String roleArn = r.required("roleArn", 256);
    String type = r.oneOf("type", TYPES, "STANDARD");
    ObjectNode logging = r.object("loggingConfiguration");
    ObjectNode tracing = r.object("tracingConfiguration");
    r.bool("publish", false);
    r.array("tags");
    if (!NAME.matcher(name).matches()) {
      throw new ApiException("InvalidName", "Invalid Name: '" + name + "'");
    }
    checkRoleArn(roleArn);
    StateMachineDefinition definition = parseDefinition(name, definitionText);
    String arn = arnPrefix + "stateMachine:" + name;
    Instant now = Instant.now();
    StateMachineRecord.Snapshot snapshot = new StateMachineRecord.Snapshot(arn, name, type, definitionText, definition,
        roleArn, r.str("description"), logging, tracing, UUID.randomUUID().toString(), now);
    StateMachineRecord created = new StateMachineRecord(snapshot, now);
    StateMachineRecord existing = machines.putIfAbsent(arn, created);
    if (existing != null) {
      StateMachineRecord.Snapshot cur = existing.current();
      if (!cur.definitionText().equals(definitionText) || !cur.roleArn().equals(roleArn) || !cur.type().equals(type)) {
        throw new ApiException("StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
      }
      created = existing;
    }
    JsonNode tagList = r.array("tags");
    if (tagList != null) {
      putTags(arn, tagList);
    }
    ObjectNode out = obj();
    out.put("stateMachineArn", arn);
    out.set("creationDate", epoch(created.creationDate));
    return out;
  }

  private ObjectNode updateStateMachine(Req r) {
    StateMachineRecord machine = machine(r.required("stateMachineArn"));
    String definitionText = r.str("definition", DefinitionValidator.MAX_DEFINITION_LENGTH);
    String roleArn = r.str("roleArn", 256);
    ObjectNode logging = r.object("loggingConfiguration");
    ObjectNode tracing = r.object("tracingConfiguration");
    r.bool("publish", false);
    if (definitionText == null && roleArn == null && logging == null && tracing == null) {
      throw ApiException.validation("Either the definition, the roleArn, the loggingConfiguration or the "
          + "tracingConfiguration must be specified");
    }
    if (roleArn != null) {
      checkRoleArn(roleArn);
    }
    StateMachineRecord.Snapshot cur = machine.current();
    StateMachineDefinition definition = definitionText == null ? cur.definition() : parseDefinition(machine.name, definitionText);
    Instant now = Instant.now();
    machine.update(new StateMachineRecord.Snapshot(cur.arn(), cur.name(), cur.type(),
        definitionText == null ? cur.definitionText() : definitionText, definition,
        roleArn == null ? cur.roleArn() : roleArn, r.str("description") == null ? cur.description() : r.str("description"),
        logging == null ? cur.loggingConfiguration() : logging, tracing == null ? cur.tracingConfiguration() : tracing,
        UUID.randomUUID().toString(), now));
    ObjectNode out = obj();
    out.set("updateDate", epoch(now));
    out.put("revisionId", machine.current().revisionId());
    return out;
  }

  private ObjectNode deleteStateMachine(Req r) {
    String arn = r.required("stateMachineArn");
    checkArn(arn, "stateMachine");
    machines.remove(arn);
    tags.remove(arn);
    return obj();
  }

  private ObjectNode describeStateMachine(Req r) {
    StateMachineRecord machine = machine(r.required("stateMachineArn"));
    ObjectNode out = describe(machine.current());
    out.put("status", "ACTIVE");
    out.set("creationDate", epoch(machine.creationDate));
    return out;
  }

  private ObjectNode describe(StateMachineRecord.Snapshot s) {
    ObjectNode out = obj();
    out.put("stateMachineArn", s.arn());
    out.put("name", s.name());
    out.put("definition", s.definitionText());
    out.put("roleArn", s.roleArn());
    out.put("type", s.type());
    if (s.description() != null) {
      out.put("description", s.description());
    }
    ObjectNode logging = s.loggingConfiguration();
    if (logging == null) {
      logging = obj();
      logging.put("level", "OFF");
      logging.put("includeExecutionData", false);
    }
    out.set("loggingConfiguration", logging);
    ObjectNode tracing = s.tracingConfiguration();
    if (tracing == null) {
      tracing = obj();
      tracing.put("enabled", false);
    }
    out.set("tracingConfiguration", tracing);
    out.put("revisionId", s.revisionId());
    return out;
  }

  private ObjectNode listStateMachines(Req r) {
    int max = r.integer("maxResults", 0, 1000, 0);
    List<StateMachineRecord> all = new ArrayList<>(machines.values());
    all.sort((a, b) -> a.name.compareTo(b.name));
    ObjectNode out = obj();
    ArrayNode list = out.putArray("stateMachines");
    page(all, r.str("nextToken"), max == 0 ? 100 : max, out, m -> {
      ObjectNode item = obj();
      item.put("stateMachineArn", m.arn);
      item.put("name", m.name);
      item.put("type", m.current().type());
      item.set("creationDate", epoch(m.creationDate));
      list.add(item);
    });
    return out;
  }

  private ObjectNode describeStateMachineForExecution(Req r) {
    ExecutionRecord e = execution(r.required("executionArn"));
    ObjectNode out = describe(e.machine);
    out.set("updateDate", epoch(e.machine.updateDate()));
    return out;
  }

  private ObjectNode validateStateMachineDefinition(Req r) {
    String definition = r.required("definition", DefinitionValidator.MAX_DEFINITION_LENGTH);
    r.oneOf("type", TYPES, "STANDARD");
    String severity = r.oneOf("severity", Set.of("ERROR", "WARNING"), "ERROR");
    int max = r.integer("maxResults", 0, 100, 100);
    List<Diagnostic> diagnostics = DefinitionValidator.validate(definition);
    ObjectNode out = obj();
    boolean valid = diagnostics.stream().noneMatch(Diagnostic::isError);
    out.put("result", valid ? "OK" : "FAIL");
    ArrayNode list = out.putArray("diagnostics");
    int count = 0;
    for (Diagnostic d : diagnostics) {
      if (!d.isError() && severity.equals("ERROR")) {
        continue;
      }
      if (max > 0 && count == max) {
        out.put("truncated", true);
        return out;
      }
      ObjectNode item = list.addObject();
      item.put("severity", d.severity().name());
      item.put("code", d.code());
      item.put("message", d.message());
      item.put("location", d.pointer());
      count++;
    }
    out.put("truncated", false);
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Executions

  private ObjectNode startExecution(Req r) {
    ExecutionRecord e = start(r, false);
    ObjectNode out = obj();
    out.put("executionArn", e.arn);
    out.set("startDate", epoch(e.startDate));
    return out;
  }

  private ObjectNode startSyncExecution(Req r) {
    ExecutionRecord e = start(r, true);
    long deadline = System.nanoTime() + config.syncExecutionTimeout().toNanos();
    while (e.engineRunning() && System.nanoTime() < deadline) {
      sleep(5);
      e.catchUp(Instant.now());
    }
    ObjectNode out = obj();
    out.put("executionArn", e.arn);
    out.put("stateMachineArn", e.machine.arn());
    out.put("name", e.name);
    out.set("startDate", epoch(e.startDate));
    out.put("input", e.input);
    out.set("inputDetails", included());
    if (e.engineRunning()) {
      e.execution().stop("States.Timeout", "The execution did not finish within " + config.syncExecutionTimeout());
      out.put("status", "TIMED_OUT");
      out.set("stopDate", epoch(Instant.now()));
      return out;
    }
    ExecutionResult result = e.result();
    out.set("stopDate", epoch(result.stopDate()));
    out.put("status", result.status() == ExecutionStatus.ABORTED ? "FAILED" : result.status().name());
    putOutcome(out, result);
    ObjectNode billing = out.putObject("billingDetails");
    billing.put("billedMemoryUsedInMB", 64);
    billing.put("billedDurationInMilliseconds", Math.max(100, result.elapsed().toMillis()));
    return out;
  }

  private ExecutionRecord start(Req r, boolean sync) {
    String target = r.required("stateMachineArn");
    String name = r.str("name", 80);
    String input = r.str("input", MAX_PAYLOAD);
    String traceHeader = r.str("traceHeader", 256);
    if (traceHeader != null && traceHeader.isEmpty()) {
      traceHeader = null;
    }
    String testCase = null;
    int hash = target.indexOf('#');
    String smArn = target;
    if (hash >= 0) {
      testCase = target.substring(hash + 1);
      smArn = target.substring(0, hash);
    }
    StateMachineRecord machine = machine(smArn);
    StateMachineRecord.Snapshot snapshot = machine.current();
    if (sync && !snapshot.type().equals("EXPRESS")) {
      throw new ApiException("StateMachineTypeNotSupported",
          "This operation is not supported by this type of state machine: StartSyncExecution needs an EXPRESS state machine");
    }
    if (name == null) {
      name = UUID.randomUUID().toString();
    } else if (!NAME.matcher(name).matches()) {
      throw new ApiException("InvalidName", "Invalid Name: '" + name + "'");
    }
    String inputText = input == null ? "{}" : input;
    JsonNode inputJson;
    try {
      inputJson = Json.parse(inputText);
    } catch (IllegalArgumentException ex) {
      throw new ApiException("InvalidExecutionInput", "Invalid State Machine Execution Input: '" + ex.getMessage() + "'");
    }
    TaskHandler handler = handlerFor(snapshot.name(), testCase);
    String arn = arnPrefix + "execution:" + snapshot.name() + ":" + name;
    synchronized (executions) {
      ExecutionRecord existing = executions.get(arn);
      if (existing != null) {
        if (!sync && existing.input.equals(inputText) && existing.status(Instant.now()) == ExecutionStatus.RUNNING) {
          return existing; // AWS: an identical start of a running execution is idempotent
        }
        throw new ApiException("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
      }
      if (!starting.add(arn)) {
        throw new ApiException("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
      }
    }
    // The execution runs (in virtual time) outside the lock, so other requests are not held up.
    try {
      Instant wallStart = Instant.now();
      EngineOptions clientOptions = testCase == null ? null : handlerOptions.get(testCase);
      EngineOptions options = clientOptions != null
          ? config.options().toBuilder().startTime(clientOptions.startTime()).seed(clientOptions.seed()).build()
          : config.deterministic()
              ? config.options()
              : config.options().toBuilder().startTime(wallStart).seed(ThreadLocalRandom.current().nextLong()).build();
      StartRequest request = StartRequest.of(snapshot.definition().withName(snapshot.name()), inputJson)
          .withTaskHandler(serverHandler(handler))
          .withExecutionName(name);
      io.github.sfntest.s3.InMemoryS3 s3 = testCase == null ? null : handlerS3.get(testCase);
      if (s3 != null) {
        request = request.withS3(s3);
      }
      Engine engine = Engine.inProcess(options);
      // Every state machine created on this endpoint can be started by the others (nested executions).
      for (StateMachineRecord deployed : machines.values()) {
        StateMachineRecord.Snapshot current = deployed.current();
        engine.deploy(current.definition().withName(current.name()));
      }
      Execution execution = engine.start(request);
      ExecutionRecord record = new ExecutionRecord(arn, name, snapshot, inputText, options.startTime(),
          config.realTime(), snapshot.type().equals("EXPRESS"), testCase, execution);
      synchronized (executions) {
        executions.put(arn, record);
      }
      registerChildren(record);
      return record;
    } finally {
      synchronized (executions) {
        starting.remove(arn);
      }
    }
  }

  /** Unmocked activities and callback tasks wait for a worker or a callback, as on AWS. */
  private static TaskHandler serverHandler(TaskHandler base) {
    return invocation -> {
      TaskOutcome outcome = base.invoke(invocation);
      if (outcome instanceof TaskOutcome.NotHandled) {
        String resource = invocation.resource();
        if (resource.contains(":activity:") || resource.endsWith(".waitForTaskToken")) {
          return new TaskOutcome.AwaitCallback(null);
        }
      }
      return outcome;
    };
  }

  /**
   * Executions started by a finished execution (states:startExecution of machines on this
   * endpoint) become executions of the endpoint too, so Describe/GetExecutionHistory find them.
   */
  private void registerChildren(ExecutionRecord parent) {
    if (parent.engineRunning()) {
      return;
    }
    java.util.ArrayDeque<ExecutionResult> pending = new java.util.ArrayDeque<>(parent.result().childExecutions());
    while (!pending.isEmpty()) {
      ExecutionResult child = pending.poll();
      pending.addAll(child.childExecutions());
      StateMachineRecord machine = null;
      for (StateMachineRecord m : machines.values()) {
        if (m.current().name().equals(child.stateMachineName())) {
          machine = m;
        }
      }
      if (machine == null) {
        continue;
      }
      String arn = child.executionArn();
      String childName = arn.substring(arn.lastIndexOf(':') + 1);
      synchronized (executions) {
        executions.putIfAbsent(arn, new ExecutionRecord(arn, childName, machine.current(), Json.write(child.input()),
            child.startDate(), config.realTime(), false, null, new FinishedExecution(child)));
      }
    }
  }

  private TaskHandler handlerFor(String stateMachineName, String testCase) {
    if (testCase == null) {
      return TaskHandler.none();
    }
    if (testCase.isEmpty()) {
      throw ApiException.invalidArn(stateMachineName + "#", "Empty test case name after '#'");
    }
    TaskHandler registered = handlers.get(testCase);
    if (registered != null) {
      return registered;
    }
    MockConfigFile pushed = pushedMocks;
    if (pushed != null && pushed.stateMachineNames().contains(stateMachineName)
        && pushed.testCaseNames(stateMachineName).contains(testCase)) {
      return pushed.testCase(stateMachineName, testCase);
    }
    MockConfigFile file;
    try {
      file = config.mockConfig().get();
    } catch (RuntimeException e) {
      throw ApiException.validation("The MockConfigFile cannot be loaded: " + e.getMessage());
    }
    if (file == null) {
      throw ApiException.validation("Test case '" + testCase + "' requested, but no MockConfigFile is loaded: "
          + "start the endpoint with SFN_MOCK_CONFIG=<file> (or --mock-config FILE)");
    }
    try {
      return file.testCase(stateMachineName, testCase);
    } catch (IllegalArgumentException e) {
      throw ApiException.validation(e.getMessage());
    }
  }

  private ObjectNode describeExecution(Req r) {
    ExecutionRecord e = execution(r.required("executionArn"));
    r.str("includedData");
    Instant now = Instant.now();
    e.catchUp(now);
    ExecutionStatus status = e.status(now);
    ObjectNode out = obj();
    out.put("executionArn", e.arn);
    out.put("stateMachineArn", e.machine.arn());
    out.put("name", e.name);
    out.put("status", status.name());
    out.set("startDate", epoch(e.startDate));
    out.put("input", e.input);
    out.set("inputDetails", included());
    if (status != ExecutionStatus.RUNNING) {
      ExecutionResult result = e.result();
      out.set("stopDate", epoch(result.stopDate()));
      putOutcome(out, result);
    }
    out.put("redriveCount", 0);
    out.put("redriveStatus", "NOT_REDRIVABLE");
    return out;
  }

  private static void putOutcome(ObjectNode out, ExecutionResult result) {
    result.output().ifPresent(o -> {
      out.put("output", Json.write(o));
      out.set("outputDetails", included());
    });
    result.error().ifPresent(v -> out.put("error", v));
    result.cause().ifPresent(v -> out.put("cause", v));
  }

  private ObjectNode listExecutions(Req r) {
    String smArn = r.str("stateMachineArn");
    String mapRunArn = r.str("mapRunArn");
    if (smArn == null && mapRunArn == null) {
      throw ApiException.validation("Must provide a StateMachine ARN or MapRun ARN");
    }
    String filter = r.oneOf("statusFilter", Set.of("RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE"), null);
    int max = r.integer("maxResults", 0, 1000, 0);
    r.oneOf("redriveFilter", Set.of("REDRIVEN", "NOT_REDRIVEN"), null);
    r.str("nextToken");
    if (mapRunArn != null) {
      throw new ApiException("ResourceNotFound", "Resource not found: '" + mapRunArn + "' (map runs are not listed by this endpoint)");
    }
    machine(smArn);
    Instant now = Instant.now();
    List<ExecutionRecord> matching = new ArrayList<>();
    synchronized (executions) {
      for (ExecutionRecord e : executions.values()) {
        if (e.machine.arn().equals(smArn)) {
          matching.add(e);
        }
      }
    }
    Collections.reverse(matching); // newest first, as AWS lists them
    List<ExecutionRecord> filtered = new ArrayList<>();
    for (ExecutionRecord e : matching) {
      e.catchUp(now);
      if (filter == null || e.status(now).name().equals(filter)) {
        filtered.add(e);
      }
    }
    ObjectNode out = obj();
    ArrayNode list = out.putArray("executions");
    page(filtered, r.str("nextToken"), max == 0 ? 100 : max, out, e -> {
      ObjectNode item = list.addObject();
      ExecutionStatus status = e.status(now);
      item.put("executionArn", e.arn);
      item.put("stateMachineArn", e.machine.arn());
      item.put("name", e.name);
      item.put("status", status.name());
      item.set("startDate", epoch(e.startDate));
      if (status != ExecutionStatus.RUNNING) {
        item.set("stopDate", epoch(e.result().stopDate()));
      }
      item.put("redriveCount", 0);
    });
    return out;
  }

  private ObjectNode stopExecution(Req r) {
    String arn = r.required("executionArn");
    String error = r.str("error", 256);
    String cause = r.str("cause", 32768);
    ExecutionRecord e = execution(arn);
    Instant now = Instant.now();
    e.catchUp(now);
    if (e.status(now) != ExecutionStatus.RUNNING) {
      throw new ApiException("ValidationException",
          "Execution Does Not Exist: '" + e.arn + "' is not RUNNING (it is " + e.status(now) + ")");
    }
    synchronized (e) {
      e.execution().stop(error, cause);
    }
    ObjectNode out = obj();
    out.set("stopDate", epoch(e.engineRunning() ? now : e.result().stopDate()));
    return out;
  }

  private ObjectNode getExecutionHistory(Req r) {
    String arn = r.required("executionArn");
    int max = r.integer("maxResults", 0, 1000, 0);
    boolean reverse = r.bool("reverseOrder", false);
    boolean data = r.bool("includeExecutionData", true);
    String nextToken = r.str("nextToken", 3096);
    ExecutionRecord e = execution(arn);
    Instant now = Instant.now();
    e.catchUp(now);
    List<HistoryEvent> events = new ArrayList<>(e.events(now));
    if (reverse) {
      Collections.reverse(events);
    }
    ObjectNode out = obj();
    ArrayNode list = out.putArray("events");
    page(events, nextToken, max == 0 ? 100 : max, out, ev -> list.add(eventJson(ev, data)));
    return out;
  }

  /** One history event on the wire: epoch-seconds timestamp, payloads dropped without execution data. */
  static ObjectNode eventJson(HistoryEvent event, boolean includeData) {
    ObjectNode node = event.toJson();
    node.set("timestamp", epoch(event.timestamp()));
    if (!includeData) {
      event.type().detailsKey().ifPresent(key -> {
        JsonNode details = node.get(key);
        if (details instanceof ObjectNode d) {
          ObjectNode copy = d.deepCopy();
          copy.remove(List.of("input", "output"));
          node.set(key, copy);
        }
      });
    }
    return node;
  }

  // ---------------------------------------------------------------------------------------------
  // Callbacks and activities

  private ObjectNode sendTaskSuccess(Req r) {
    String token = r.required("taskToken", 2048);
    String output = r.required("output", MAX_PAYLOAD);
    JsonNode parsed;
    try {
      parsed = Json.parse(output);
    } catch (IllegalArgumentException e) {
      throw new ApiException("InvalidOutput", "Invalid Output: '" + e.getMessage() + "'");
    }
    withTask(token, e -> {
      e.execution().sendTaskSuccess(token, parsed);
      e.proceed();
      registerChildren(e);
    });
    return obj();
  }

  private ObjectNode sendTaskFailure(Req r) {
    String token = r.required("taskToken", 2048);
    String error = r.str("error", 256);
    String cause = r.str("cause", 32768);
    withTask(token, e -> {
      e.execution().sendTaskFailure(token, error, cause);
      e.proceed();
      registerChildren(e);
    });
    return obj();
  }

  private ObjectNode sendTaskHeartbeat(Req r) {
    String token = r.required("taskToken", 2048);
    withTask(token, e -> e.execution().sendTaskHeartbeat(token));
    return obj();
  }

  private void withTask(String token, java.util.function.Consumer<ExecutionRecord> action) {
    Instant now = Instant.now();
    for (ExecutionRecord e : runningRecords()) {
      synchronized (e) {
        e.catchUp(now);
        if (e.isWaitingFor(token)) {
          try {
            action.accept(e);
          } catch (RuntimeException ex) {
            if (ex instanceof io.github.sfntest.internal.interpreter.TaskTokenException) {
              throw new ApiException("TaskTimedOut", "Task Timed Out: '" + ex.getMessage() + "'");
            }
            throw ex;
          }
          return;
        }
      }
    }
    if (token.isBlank() || !token.matches("[A-Za-z0-9+/=_\\-]+")) {
      throw new ApiException("InvalidToken", "Invalid Token: 'Invalid token'");
    }
    throw new ApiException("TaskDoesNotExist",
        "Task Does Not Exist: no running task waits for this token (it was answered, timed out, or never issued)");
  }

  private ObjectNode createActivity(Req r) {
    String name = r.required("name", 80);
    if (!NAME.matcher(name).matches()) {
      throw new ApiException("InvalidName", "Invalid Name: '" + name + "'");
    }
    String arn = arnPrefix + "activity:" + name;
    ActivityRecord record = activities.computeIfAbsent(arn, a -> new ActivityRecord(a, name, Instant.now()));
    JsonNode tagList = r.array("tags");
    if (tagList != null) {
      putTags(arn, tagList);
    }
    ObjectNode out = obj();
    out.put("activityArn", arn);
    out.set("creationDate", epoch(record.creationDate()));
    return out;
  }

  private ObjectNode deleteActivity(Req r) {
    String arn = r.required("activityArn");
    checkArn(arn, "activity");
    activities.remove(arn);
    return obj();
  }

  private ObjectNode describeActivity(Req r) {
    ActivityRecord a = activity(r.required("activityArn"));
    ObjectNode out = obj();
    out.put("activityArn", a.arn());
    out.put("name", a.name());
    out.set("creationDate", epoch(a.creationDate()));
    return out;
  }

  private ObjectNode listActivities(Req r) {
    int max = r.integer("maxResults", 0, 1000, 0);
    List<ActivityRecord> all = new ArrayList<>(activities.values());
    all.sort((a, b) -> a.name().compareTo(b.name()));
    ObjectNode out = obj();
    ArrayNode list = out.putArray("activities");
    page(all, r.str("nextToken"), max == 0 ? 100 : max, out, a -> {
      ObjectNode item = list.addObject();
      item.put("activityArn", a.arn());
      item.put("name", a.name());
      item.set("creationDate", epoch(a.creationDate()));
    });
    return out;
  }

  private ObjectNode getActivityTask(Req r) {
    ActivityRecord a = activity(r.required("activityArn"));
    String workerName = r.str("workerName", 80);
    long deadline = System.nanoTime() + config.activityPollTimeout().toNanos();
    while (true) {
      Instant now = Instant.now();
      for (ExecutionRecord e : runningRecords()) {
        WaitingTask task = e.takeActivityTask(a.arn(), workerName, now);
        if (task != null) {
          ObjectNode out = obj();
          out.put("taskToken", task.taskToken());
          out.put("input", Json.write(task.parameters()));
          return out;
        }
      }
      if (System.nanoTime() >= deadline || closed) {
        return obj(); // AWS answers an empty task when none arrives within the poll
      }
      sleep(10);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Tags

  private ObjectNode tagResource(Req r) {
    String arn = r.required("resourceArn");
    requireResource(arn);
    JsonNode list = r.array("tags");
    if (list == null) {
      throw ApiException.missing("tags");
    }
    putTags(arn, list);
    return obj();
  }

  private ObjectNode untagResource(Req r) {
    String arn = r.required("resourceArn");
    requireResource(arn);
    JsonNode keys = r.array("tagKeys");
    if (keys == null) {
      throw ApiException.missing("tagKeys");
    }
    List<ObjectNode> current = tags.getOrDefault(arn, new ArrayList<>());
    for (JsonNode k : keys) {
      current.removeIf(t -> t.path("key").asText().equals(k.asText()));
    }
    return obj();
  }

  private ObjectNode listTagsForResource(Req r) {
    String arn = r.required("resourceArn");
    requireResource(arn);
    ObjectNode out = obj();
    ArrayNode list = out.putArray("tags");
    tags.getOrDefault(arn, List.of()).forEach(list::add);
    return out;
  }

  private void putTags(String arn, JsonNode list) {
    List<ObjectNode> current = tags.computeIfAbsent(arn, k -> Collections.synchronizedList(new ArrayList<>()));
    for (JsonNode t : list) {
      if (!t.isObject() || !t.path("key").isTextual()) {
        throw new ApiException("SerializationException", "Each tag must be an object {\"key\": string, \"value\": string}");
      }
      current.removeIf(x -> x.path("key").asText().equals(t.path("key").asText()));
      current.add((ObjectNode) t);
    }
  }

  private void requireResource(String arn) {
    if (!machines.containsKey(arn) && !activities.containsKey(arn)) {
      checkArn(arn, null);
      throw new ApiException("ResourceNotFound", "Resource not found: '" + arn + "'");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // sfn-test's own actions

  private ObjectNode describeEndpoint(Req r) {
    ObjectNode out = obj();
    out.put("engine", "sfn-test");
    out.put("waitMode", config.realTime() ? "REAL" : "SKIP");
    out.put("account", config.options().account());
    out.put("region", config.options().region());
    ArrayNode caps = out.putArray("capabilities");
    for (EngineCapability c : capabilities()) {
      caps.add(c.name());
    }
    return out;
  }

  /** What the endpoint can do for a remote test (in-JVM handlers are added by the SDK engine). */
  public Set<EngineCapability> capabilities() {
    Set<EngineCapability> caps = new java.util.TreeSet<>(Set.of(EngineCapability.JSONATA, EngineCapability.VARIABLES,
        EngineCapability.CALLBACKS, EngineCapability.DISTRIBUTED_MAP));
    if (!config.realTime()) {
      caps.add(EngineCapability.VIRTUAL_TIME);
    }
    return caps;
  }

  private ObjectNode listWaitingTasks(Req r) {
    ExecutionRecord e = execution(r.required("executionArn"));
    Instant now = Instant.now();
    e.catchUp(now);
    ObjectNode out = obj();
    ArrayNode list = out.putArray("tasks");
    if (e.status(now) == ExecutionStatus.RUNNING) {
      for (WaitingTask t : e.waitingTasks()) {
        ObjectNode item = list.addObject();
        item.put("stateName", t.stateName());
        item.put("resource", t.resource());
        item.put("taskToken", t.taskToken());
        item.put("parameters", Json.write(t.parameters()));
        item.put("activity", t.activity());
      }
    }
    return out;
  }

  private ObjectNode advanceTime(Req r) {
    ExecutionRecord e = execution(r.required("executionArn"));
    int millis = r.integer("milliseconds", 0, Integer.MAX_VALUE, -1);
    if (millis < 0) {
      throw ApiException.missing("milliseconds");
    }
    if (config.realTime()) {
      throw ApiException.validation("AdvanceTime needs virtual time: this endpoint runs with real-time waits");
    }
    synchronized (e) {
      if (e.engineRunning()) {
        e.execution().advanceTime(Duration.ofMillis(millis));
      }
    }
    return obj();
  }

  /** Runs the execution to its end in virtual time, as {@code Execution.awaitCompletion()} does in-process. */
  private ObjectNode awaitCompletion(Req r) {
    ExecutionRecord e = execution(r.required("executionArn"));
    if (config.realTime()) {
      throw ApiException.validation("AwaitCompletion needs virtual time: this endpoint runs with real-time waits");
    }
    try {
      e.result();
    } catch (IllegalStateException ex) {
      throw ApiException.validation(ex.getMessage());
    }
    ObjectNode out = obj();
    out.put("status", e.status(Instant.now()).name());
    return out;
  }

  private ObjectNode putMockConfig(Req r) {
    String text = r.required("mockConfig");
    try {
      pushedMocks = MockConfigFile.parse(text);
    } catch (RuntimeException e) {
      throw ApiException.validation("Invalid MockConfigFile: " + e.getMessage());
    }
    return obj();
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private List<ExecutionRecord> runningRecords() {
    List<ExecutionRecord> running = new ArrayList<>();
    synchronized (executions) {
      for (ExecutionRecord e : executions.values()) {
        if (e.engineRunning()) {
          running.add(e);
        }
      }
    }
    return running;
  }

  private StateMachineDefinition parseDefinition(String name, String text) {
    try {
      return StateMachineDefinition.of(name, text);
    } catch (InvalidDefinitionException e) {
      StringBuilder sb = new StringBuilder();
      for (Diagnostic d : e.diagnostics()) {
        if (d.isError()) {
          sb.append(sb.length() == 0 ? "" : "\n").append(d.code()).append(": ").append(d.message())
              .append(" at ").append(d.pointer().isEmpty() ? "/" : d.pointer());
        }
      }
      throw new ApiException("InvalidDefinition", "Invalid State Machine Definition: '" + sb + "'");
    } catch (RuntimeException e) {
      throw new ApiException("InvalidDefinition", "Invalid State Machine Definition: '" + e.getMessage() + "'");
    }
  }

  private void checkRoleArn(String roleArn) {
    if (!roleArn.matches("arn:aws[a-zA-Z-]*:iam::\\d{12}:role/.+")) {
      throw ApiException.invalidArn(roleArn, "Resource type not valid in this context");
    }
  }

  /** Checks that {@code arn} is a Step Functions ARN of this account/region and (if given) type. */
  private void checkArn(String arn, String type) {
    String[] parts = arn.split(":", -1);
    if (parts.length < 7 || !parts[0].equals("arn") || !parts[2].equals("states") || parts[6].isEmpty()) {
      throw ApiException.invalidArn(arn, "Invalid ARN prefix or too few parts");
    }
    if (type != null && !parts[5].equals(type)) {
      throw ApiException.invalidArn(arn, "Resource type not valid in this context: " + parts[5]);
    }
  }

  private StateMachineRecord machine(String arn) {
    checkArn(arn, "stateMachine");
    StateMachineRecord m = machines.get(arn);
    if (m == null) {
      throw new ApiException("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
    }
    return m;
  }

  private ExecutionRecord execution(String arn) {
    String[] parts = arn.split(":", -1);
    if (parts.length < 8 || !arn.startsWith("arn:") || !parts[2].equals("states")
        || !(parts[5].equals("execution") || parts[5].equals("express"))) {
      throw ApiException.invalidArn(arn, parts.length >= 6 && arn.startsWith("arn:")
          ? "Resource type not valid in this context: " + parts[5] : "Invalid ARN prefix or too few parts");
    }
    ExecutionRecord e = executions.get(arn);
    if (e == null) {
      throw new ApiException("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
    }
    return e;
  }

  private ActivityRecord activity(String arn) {
    checkArn(arn, "activity");
    ActivityRecord a = activities.get(arn);
    if (a == null) {
      throw new ApiException("ActivityDoesNotExist", "Activity Does Not Exist: '" + arn + "'");
    }
    return a;
  }

  /** Writes one page of {@code items} (nextToken = base64 offset) and the next token if any. */
  private static <T> void page(List<T> items, String nextToken, int pageSize, ObjectNode out,
      java.util.function.Consumer<T> write) {
    int from = 0;
    if (nextToken != null) {
      try {
        String decoded = new String(Base64.getUrlDecoder().decode(nextToken), StandardCharsets.UTF_8);
        if (!decoded.startsWith("sfn-test:")) {
          throw new IllegalArgumentException();
        }
        from = Integer.parseInt(decoded.substring("sfn-test:".length()));
        if (from < 0 || from > items.size()) {
          throw new IllegalArgumentException();
        }
      } catch (IllegalArgumentException e) {
        throw new ApiException("InvalidToken", "Invalid Token: 'Invalid pagination token'");
      }
    }
    int to = Math.min(items.size(), from + pageSize);
    for (int i = from; i < to; i++) {
      write.accept(items.get(i));
    }
    if (to < items.size()) {
      out.put("nextToken", Base64.getUrlEncoder().withoutPadding()
          .encodeToString(("sfn-test:" + to).getBytes(StandardCharsets.UTF_8)));
    }
  }

  /** Epoch seconds with millisecond precision, as the AWS JSON protocols send timestamps. */
  static JsonNode epoch(Instant instant) {
    return Json.NODES.numberNode(BigDecimal.valueOf(instant.toEpochMilli(), 3));
  }

  private static ObjectNode included() {
    ObjectNode node = obj();
    node.put("included", true);
    return node;
  }

  static ObjectNode obj() {
    return Json.NODES.objectNode();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException("ServiceUnavailable", 503, "Interrupted");
    }
  }
}

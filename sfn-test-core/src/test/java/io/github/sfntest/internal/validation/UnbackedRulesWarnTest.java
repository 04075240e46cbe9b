package io.github.sfntest.internal.validation;

import static io.github.sfntest.internal.validation.ValidationTestSupport.expect;
import static io.github.sfntest.internal.validation.ValidationTestSupport.schema;
import static io.github.sfntest.internal.validation.ValidationTestSupport.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.definition.InvalidDefinitionException;
import io.github.sfntest.definition.Severity;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.mock.TaskHandler;
import io.github.sfntest.mock.TaskOutcome;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The Map, Task and machine rules the evidence audit found no AWS rejection for: each now reports a
 * WARNING, the definition loads, and it runs (or fails at run time) the way the engine says in the
 * warning. The rules the audit tightened or loosened are pinned here too.
 */
class UnbackedRulesWarnTest {

  private static final String PASS = "'P':{'Type':'Pass','End':true}";

  private static String q(String text) {
    return text.replace('\'', '"');
  }

  private static String distributedMap(String fields) {
    return q("{'StartAt':'M','States':{'M':{'Type':'Map','ItemsPath':'$.items'," + fields
        + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},"
        + "'StartAt':'P','States':{" + PASS + "}},'End':true}}}");
  }

  private static ExecutionResult run(String definition, String input, TaskHandler handler) {
    try (Engine engine = Engine.inProcess()) {
      return engine.run(StartRequest.of(StateMachineDefinition.of("M", definition), q(input)).withTaskHandler(handler));
    }
  }

  private static ExecutionResult run(String definition, String input) {
    return run(definition, input, TaskHandler.none());
  }

  // --- ItemBatcher limits: AWS's validator accepts 0 (it reports values below 0 only) -------------

  @Test
  void max_items_per_batch_zero_warns_and_the_map_fails_when_it_runs() {
    String text = distributedMap("'ItemBatcher':{'MaxItemsPerBatch':0},");

    assertThat(validate(text)).containsExactly(expect("BATCH_LIMIT_ZERO", Severity.WARNING, text,
        "/States/M/ItemBatcher/MaxItemsPerBatch", "0}", "MaxItemsPerBatch is 0; the States Language requires a"
            + " positive integer. AWS may accept the definition (its validator reports only values below 0), but the"
            + " Map state fails when it runs; use 1 or more"));
    ExecutionResult result = run(text, "{'items':[1,2]}");
    assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(result.error()).contains("States.Runtime");
    assertThat(result.cause()).contains("An error occurred while executing the state 'M' (entered at the event id #2)."
        + " MaxItemsPerBatch must be greater than 0.");
  }

  @Test
  void max_input_bytes_per_batch_zero_warns_and_the_map_fails_when_it_runs() {
    String text = distributedMap("'ItemBatcher':{'MaxInputBytesPerBatch':0},");

    assertThat(validate(text)).extracting(d -> d.code() + " " + d.severity() + " " + d.pointer())
        .containsExactly("BATCH_LIMIT_ZERO WARNING /States/M/ItemBatcher/MaxInputBytesPerBatch");
    ExecutionResult result = run(text, "{'items':[1,2]}");
    assertThat(result.error()).contains("States.Runtime");
    assertThat(result.cause()).hasValueSatisfying(c -> assertThat(c).endsWith("MaxInputBytesPerBatch must be between 1"
        + " and 262144."));
  }

  @Test
  void a_negative_batch_limit_is_still_an_error_as_aws_answers_minimum_value_is_0() {
    String text = distributedMap("'ItemBatcher':{'MaxItemsPerBatch':-1},");

    assertThat(validate(text)).containsExactly(schema(text, "/States/M/ItemBatcher/MaxItemsPerBatch", "-1",
        "MaxItemsPerBatch must be >= 0 (was -1)"));
    assertThatThrownBy(() -> StateMachineDefinition.of("M", text)).isInstanceOf(InvalidDefinitionException.class);
  }

  @Test
  void an_item_reader_resource_other_than_an_s3_read_is_an_error_as_aws_answers() {
    String text = distributedMap("'ItemReader':{'Resource':'arn:aws:states:::s3:putObject',"
        + "'Parameters':{'Bucket':'b','Key':'k'}},");

    assertThat(validate(text)).containsExactly(schema(text, "/States/M/ItemReader/Resource", "\"arn:aws:states:::s3:put",
        "ItemReader Resource \"arn:aws:states:::s3:putObject\" is not an S3 integration a Distributed Map reads items"
            + " with; use arn:aws:states:::s3:getObject or arn:aws:states:::s3:listObjectsV2"));
  }

  // --- fields AWS replaced: both spellings set ------------------------------------------------

  @Test
  void iterator_and_item_processor_together_warn_and_the_item_processor_runs() {
    String text = q("{'StartAt':'M','States':{'M':{'Type':'Map','End':true,"
        + "'Iterator':{'StartAt':'Old','States':{'Old':{'Type':'Pass','Result':'old','End':true}}},"
        + "'ItemProcessor':{'StartAt':'New','States':{'New':{'Type':'Pass','Result':'new','End':true}}}}}}");

    assertThat(validate(text)).extracting(d -> d.code() + " " + d.severity() + " " + d.pointer())
        .containsExactly("REDUNDANT_FIELD WARNING /States/M/Iterator");
    assertThat(run(text, "[1,2]").output()).contains(Json.parse("[\"new\",\"new\"]"));
  }

  @Test
  void item_selector_and_parameters_together_warn_and_the_item_selector_is_used() {
    String text = q("{'StartAt':'M','States':{'M':{'Type':'Map','End':true,"
        + "'ItemSelector':{'from':'selector'},'Parameters':{'from':'parameters'},"
        + "'ItemProcessor':{'StartAt':'P','States':{" + PASS + "}}}}}");

    assertThat(validate(text)).extracting(d -> d.code() + " " + d.severity() + " " + d.pointer())
        .containsExactly("REDUNDANT_FIELD WARNING /States/M/Parameters");
    assertThat(run(text, "[1]").output()).contains(Json.parse("[{\"from\":\"selector\"}]"));
  }

  // --- Label, Version, state names --------------------------------------------------------------

  @Test
  void a_label_aws_documents_no_rejection_for_warns_and_names_the_map_run() {
    String label = "a label that is longer than forty characters";
    String text = distributedMap("'Label':'" + label + "',");

    assertThat(validate(text)).extracting(d -> d.code() + " " + d.severity() + " " + d.message())
        .containsExactly(
            "LABEL_FORMAT WARNING Label should be at most 40 characters (was 44); AWS may accept the definition (no AWS"
                + " rejection of it is recorded), but the label names the Map Run in its ARN",
            "LABEL_FORMAT WARNING Label should not contain whitespace, brackets, wildcards or the characters \" # % \\ ^"
                + " | ~ ` $ & , ; : / (found \" \"); AWS may accept the definition (no AWS rejection of it is recorded),"
                + " but the label names the Map Run in its ARN");
    ExecutionResult result = run(text, "{'items':[1]}");
    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(result.mapRun("M").label()).contains(label);
  }

  @Test
  void another_version_warns_and_the_machine_runs() {
    String text = q("{'Version':'2.0','StartAt':'A','States':{'A':{'Type':'Pass','Result':1,'End':true}}}");

    assertThat(validate(text)).extracting(d -> d.code() + " " + d.severity()).containsExactly("UNKNOWN_VERSION WARNING");
    assertThat(run(text, "{}").output()).contains(Json.parse("1"));
  }

  @Test
  void a_state_name_with_a_control_character_warns_and_the_state_runs() {
    String text = q("{'StartAt':'A\\u0007','States':{'A\\u0007':{'Type':'Pass','Result':2,'End':true}}}");

    assertThat(validate(text)).extracting(d -> d.code() + " " + d.severity())
        .containsExactly("INVALID_STATE_NAME WARNING");
    assertThat(run(text, "{}").output()).contains(Json.parse("2"));
  }

  @Test
  void an_empty_or_too_long_state_name_is_still_an_error() {
    String tooLong = "N".repeat(81);
    String text = q("{'StartAt':'" + tooLong + "','States':{'" + tooLong + "':{'Type':'Succeed'}}}");

    assertThat(validate(text)).extracting(d -> d.code() + " " + d.severity())
        .containsExactly("INVALID_STATE_NAME ERROR");
  }

  @Test
  void a_scope_without_a_terminal_state_reports_no_unreachable_state_as_aws_does() {
    String text = q("{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'B'},'B':{'Type':'Pass','Next':'A'},"
        + "'C':{'Type':'Pass','Next':'A'}}}");

    assertThat(validate(text)).extracting(d -> d.code() + " " + d.pointer()).containsExactly("MISSING_END_STATE /States");
  }

  // --- Task Arguments ---------------------------------------------------------------------------

  @Test
  void jsonata_task_arguments_that_are_not_an_object_warn_and_reach_the_task() {
    String text = q("{'QueryLanguage':'JSONata','StartAt':'T','States':{'T':{'Type':'Task',"
        + "'Resource':'arn:aws:lambda:us-east-1:123456789012:function:f','Arguments':[1,2],'End':true}}}");
    AtomicReference<JsonNode> seen = new AtomicReference<>();

    assertThat(validate(text)).extracting(d -> d.code() + " " + d.severity() + " " + d.pointer())
        .containsExactly("ARGUMENTS_NOT_OBJECT WARNING /States/T/Arguments");
    ExecutionResult result = run(text, "{}", invocation -> {
      seen.set(invocation.parameters());
      return new TaskOutcome.Success(Json.parse("\"done\""), Duration.ZERO);
    });
    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(seen.get()).isEqualTo(Json.parse("[1,2]"));
  }

  // --- Map configuration objects ------------------------------------------------------------------

  @Test
  void an_unknown_field_in_a_map_configuration_object_warns_and_the_map_runs() {
    String text = distributedMap("'ItemBatcher':{'MaxItemsPerBatch':2,'MaxItemsPerBatchh':3},");

    assertThat(validate(text)).extracting(d -> d.code() + " " + d.severity() + " " + d.pointer())
        .containsExactly("UNKNOWN_FIELD WARNING /States/M/ItemBatcher/MaxItemsPerBatchh");
    ExecutionResult result = run(text, "{'items':[1,2,3]}");
    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(result.mapRun("M").batchCount()).isEqualTo(2);
  }
}

package io.github.sfntest.samples.scheduling;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static io.github.sfntest.history.HistoryEventType.TASK_SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.engine.EngineCapability;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.junit.RequiresCapability;
import io.github.sfntest.junit.StateMachineTest;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.mock.TaskInvocation;
import io.github.sfntest.samples.support.Timeline;
import io.github.sfntest.testing.StateMachineUnderTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The EventBridge-rules-to-Scheduler migration of step-functions-workflows-collection: a Lambda
 * reads a page of rules and turns each into the parameters of a schedule; a Distributed Map
 * (items from the state, {@code ItemSelector} over {@code $$.Map.Item.Value}) creates one
 * schedule per rule and enables, disables or leaves the old rule; a Choice loops while the Lambda
 * returns a {@code NextToken}.
 */
@StateMachineTest(definition = "scheduling-eventbridge-scheduler/eventbridge-rules-to-schedules.asl.json",
    name = "RulesToSchedules",
    substitutions = "ProcessRulesFunctionArn=arn:aws:lambda:us-east-1:123456789012:function:ProcessRules")
class RulesToSchedulesTest {

  static final String INPUT = "scheduling-eventbridge-scheduler/inputs/eventbridge-rules-to-schedules.example1.json";
  static final String CREATE = "arn:aws:states:::aws-sdk:scheduler:createSchedule";

  StateMachineUnderTest migration;
  MockedResponses mocks;

  /** What the Lambda hands over for one rule: the schedule's parameters and what to do with the rule. */
  static Map<String, Object> rule(String name, String ruleState) {
    return Map.of("Name", name, "RuleName", name, "RuleState", ruleState, "State", "ENABLED",
        "ScheduleGroup", "default", "Description", "migrated from rule " + name,
        "ScheduleExpression", "rate(5 minutes)", "FlexibleTimeWindow", Map.of("Mode", "OFF"),
        "Target", Map.of("Arn", "arn:aws:lambda:us-east-1:123456789012:function:Job",
            "RoleArn", "arn:aws:iam::123456789012:role/Scheduler_Test_Role"));
  }

  static List<String> names(List<TaskInvocation> calls) {
    return calls.stream().map(c -> c.parameters().path("Name").asText()).sorted().toList();
  }

  /** One page: a schedule per rule; the ENABLED rule is enabled, the DISABLED one disabled, the other left alone. */
  @Test
  void eachRuleBecomesASchedule() {
    mocks.onLambda("ProcessRules").willReturn(Map.of("ParamsList", List.of(rule("nightly", "ENABLED"),
        rule("hourly", "DISABLED"), rule("weekly", "PRESERVED"))));
    mocks.onResource(CREATE).willReturn(Map.of("ScheduleArn", "arn:aws:scheduler:us-east-1:123456789012:schedule/x"));
    mocks.onResource("arn:aws:states:::aws-sdk:eventbridge:enableRule").willReturn("{}");
    mocks.onResource("arn:aws:states:::aws-sdk:eventbridge:disableRule").willReturn("{}");

    ExecutionResult result = migration.runWithInputFrom(INPUT);

    assertThat(result).succeeded().hasPath("Process Rules", "for Rule in Rules", "Check NextToken", "Pass");
    assertThat(names(mocks.invocations("CreateSchedule"))).containsExactly("hourly", "nightly", "weekly");
    mocks.verify("CreateSchedule").withParameters("""
        {"Name": "nightly", "GroupName": "default", "State": "ENABLED", "Description": "migrated from rule nightly",
         "ScheduleExpression": "rate(5 minutes)", "FlexibleTimeWindow": {"Mode": "OFF"},
         "Target": {"Arn": "arn:aws:lambda:us-east-1:123456789012:function:Job",
                    "RoleArn": "arn:aws:iam::123456789012:role/Scheduler_Test_Role"}}""");
    mocks.verify("EnableRule").times(1).withParameters("{\"Name\": \"nightly\"}");
    mocks.verify("DisableRule").times(1).withParameters("{\"Name\": \"hourly\"}");
    // the Lambda's input is the execution input; Map's ResultPath null keeps the Lambda's page as state
    assertThat(mocks.invocations("Process Rules").get(0).parameters().path("Payload"))
        .hasToString("{\"ScheduleRoleArn\":\"arn:aws:iam::123456789012:role/Scheduler_Test_Role\"}");
  }

  /** The Map Run: one child execution per rule, none failed. */
  @Test
  @RequiresCapability(EngineCapability.MAP_RUN_RESULTS) // Map Run details: in-process and sdk, not aws
  void oneChildExecutionPerRule() {
    mocks.onLambda("ProcessRules").willReturn(Map.of("ParamsList", List.of(rule("a", "PRESERVED"), rule("b", "PRESERVED"))));
    mocks.onResource(CREATE).willReturn("{}");

    ExecutionResult result = migration.runWithInputFrom(INPUT);

    assertThat(result).succeeded().mapRun("for Rule in Rules").succeeded().hasChildren(2).hasFailedChildren(0);
    assertThat(result.mapRun("for Rule in Rules").children()).allSatisfy(child ->
        assertThat(child).succeeded().hasPath("CreateSchedule", "Check RuleState", "No Modification"));
  }

  /** Pagination: while the Lambda returns a NextToken the machine asks for the next page, passing the token back. */
  @Test
  void pagesAreFollowedUntilThereIsNoNextToken() {
    mocks.onLambda("ProcessRules").willAnswer(call -> {
      JsonNode token = call.parameters().at("/Payload/ProcessRules/Lambda/NextToken");
      return switch (token.asText()) {
        case "" -> Map.of("ParamsList", List.of(rule("p1-a", "ENABLED")), "NextToken", "page-2");
        case "page-2" -> Map.of("ParamsList", List.of(rule("p2-a", "ENABLED"), rule("p2-b", "ENABLED")),
            "NextToken", "page-3");
        default -> Map.of("ParamsList", List.of(rule("p3-a", "ENABLED")));
      };
    });
    mocks.onResource(CREATE).willReturn("{}");
    mocks.onResource("arn:aws:states:::aws-sdk:eventbridge:enableRule").willReturn("{}");

    ExecutionResult result = migration.runWithInputFrom(INPUT);

    assertThat(result).succeeded().state("Process Rules").wasEnteredTimes(3);
    assertThat(result).state("Check NextToken").wasEnteredTimes(3);
    assertThat(names(mocks.invocations("EnableRule"))).containsExactly("p1-a", "p2-a", "p2-b", "p3-a");
  }

  /** Never tested upstream: a schedule that already exists fails its child, and with no tolerated failures, the run. */
  @Test
  void anExistingScheduleFailsTheMigration() {
    mocks.onLambda("ProcessRules").willReturn(Map.of("ParamsList", List.of(rule("nightly", "ENABLED"))));
    mocks.onResource(CREATE).willThrow("Scheduler.ConflictException", "Schedule nightly already exists.");

    ExecutionResult result = migration.runWithInputFrom(INPUT);

    assertThat(result).failedWith("States.ExceedToleratedFailureThreshold").endedIn("for Rule in Rules")
        .didNotVisit("Check NextToken");
    mocks.verify("CreateSchedule").times(1);
    mocks.verify("EnableRule").never();
  }

  /** Never tested upstream: Lambda throttling is retried (2 s, then 4 s) and the run goes on. */
  @Test
  void aThrottledLambdaIsRetried() {
    mocks.onLambda("ProcessRules").willThrow("Lambda.TooManyRequestsException", "Rate exceeded").times(2)
        .thenReturn(Map.of("ParamsList", List.of()));

    ExecutionResult result = migration.runWithInputFrom(INPUT);

    assertThat(result).succeeded().took(Duration.ofSeconds(6));
    assertThat(result).state("Process Rules").wasRetried(2);
    assertThat(Timeline.gaps(result, "Process Rules", TASK_SCHEDULED))
        .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
  }
}

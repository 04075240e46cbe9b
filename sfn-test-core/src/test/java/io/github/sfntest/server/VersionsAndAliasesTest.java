package io.github.sfntest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ConflictException;
import software.amazon.awssdk.services.sfn.model.CreateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineAliasResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.RoutingConfigurationListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineVersionListItem;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** State machine versions and aliases on the endpoint, through the AWS SDK v2. */
@ExtendWith(RunningEndpoint.class)
class VersionsAndAliasesTest {

  static final String ROLE = "arn:aws:iam::111111111111:role/sfn";

  static SfnServer server;
  static SfnClient sfn;

  /** A machine whose output says which revision ran, and what $$.StateMachine.Id is. */
  static String definition(String revision) {
    return "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Parameters\":{\"revision\":\"" + revision
        + "\",\"id.$\":\"$$.StateMachine.Id\"},\"End\":true}}}";
  }

  static String output(String executionArn) {
    return sfn.describeExecution(b -> b.executionArn(executionArn)).output();
  }

  static RoutingConfigurationListItem route(String versionArn, int weight) {
    return RoutingConfigurationListItem.builder().stateMachineVersionArn(versionArn).weight(weight).build();
  }

  @Test
  void publishOnCreateAndUpdateAndListVersionsNewestFirst() {
    CreateStateMachineResponse created = sfn.createStateMachine(b -> b.name("Versioned").definition(definition("one"))
        .roleArn(ROLE).publish(true).versionDescription("first"));
    String arn = created.stateMachineArn();
    assertThat(created.stateMachineVersionArn()).isEqualTo(arn + ":1");

    String v2 = sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(definition("two")).publish(true))
        .stateMachineVersionArn();
    assertThat(v2).isEqualTo(arn + ":2");
    // publishing an unchanged revision again answers the version that has it
    assertThat(sfn.publishStateMachineVersion(b -> b.stateMachineArn(arn)).stateMachineVersionArn()).isEqualTo(v2);
    sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(definition("three")));
    String v3 = sfn.publishStateMachineVersion(b -> b.stateMachineArn(arn).description("third")).stateMachineVersionArn();
    assertThat(v3).isEqualTo(arn + ":3");

    assertThat(sfn.listStateMachineVersions(b -> b.stateMachineArn(arn)).stateMachineVersions())
        .extracting(StateMachineVersionListItem::stateMachineVersionArn).containsExactly(v3, v2, arn + ":1");
    var described = sfn.describeStateMachine(b -> b.stateMachineArn(arn + ":1"));
    assertThat(described.stateMachineArn()).isEqualTo(arn + ":1");
    assertThat(described.definition()).contains("\"one\"");
    assertThat(described.description()).isEqualTo("first");

    // numbers are never reused
    sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(v3));
    sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(definition("four")));
    assertThat(sfn.publishStateMachineVersion(b -> b.stateMachineArn(arn)).stateMachineVersionArn()).isEqualTo(arn + ":4");
    assertThatThrownBy(() -> sfn.describeStateMachine(b -> b.stateMachineArn(v3)))
        .isInstanceOf(StateMachineDoesNotExistException.class);
    assertThatThrownBy(() -> sfn.createStateMachine(b -> b.name("NoPublish").definition(definition("x")).roleArn(ROLE)
        .versionDescription("needs publish"))).isInstanceOf(ValidationException.class);
  }

  @Test
  void anExecutionOnAVersionRunsThatVersionAndSaysSo() {
    String arn = sfn.createStateMachine(b -> b.name("OnVersion").definition(definition("one")).roleArn(ROLE)
        .publish(true)).stateMachineArn();
    sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(definition("latest")));

    String onVersion = sfn.startExecution(b -> b.stateMachineArn(arn + ":1").name("v")).executionArn();
    String onLatest = sfn.startExecution(b -> b.stateMachineArn(arn).name("latest")).executionArn();

    assertThat(onVersion).isEqualTo("arn:aws:states:us-east-1:111111111111:execution:OnVersion:v");
    DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(onVersion));
    assertThat(d.stateMachineArn()).isEqualTo(arn);
    assertThat(d.stateMachineVersionArn()).isEqualTo(arn + ":1");
    assertThat(d.stateMachineAliasArn()).isNull();
    assertThat(output(onVersion)).contains("\"revision\":\"one\"").contains("\"id\":\"" + arn + ":1\"");
    assertThat(output(onLatest)).contains("\"revision\":\"latest\"").contains("\"id\":\"" + arn + "\"");
    assertThat(sfn.describeExecution(b -> b.executionArn(onLatest)).stateMachineVersionArn()).isNull();
    assertThat(sfn.listExecutions(b -> b.stateMachineArn(arn + ":1")).executions())
        .extracting(ExecutionListItem::executionArn).containsExactly(onVersion);
    assertThat(sfn.listExecutions(b -> b.stateMachineArn(arn)).executions()).hasSize(2);
    assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(arn + ":9")))
        .isInstanceOf(StateMachineDoesNotExistException.class);
  }

  @Test
  void anAliasRoutesByWeightReproduciblyAndIsManagedLikeAws() {
    String arn = sfn.createStateMachine(b -> b.name("Aliased").definition(definition("blue")).roleArn(ROLE)
        .publish(true)).stateMachineArn();
    String green = sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(definition("green")).publish(true))
        .stateMachineVersionArn();
    String blue = arn + ":1";

    String alias = sfn.createStateMachineAlias(b -> b.name("PROD").description("live")
        .routingConfiguration(route(blue, 80), route(green, 20))).stateMachineAliasArn();
    assertThat(alias).isEqualTo(arn + ":PROD");
    DescribeStateMachineAliasResponse d = sfn.describeStateMachineAlias(b -> b.stateMachineAliasArn(alias));
    assertThat(d.name()).isEqualTo("PROD");
    assertThat(d.description()).isEqualTo("live");
    assertThat(d.routingConfiguration()).containsExactly(route(blue, 80), route(green, 20));

    List<String> versions = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      int n = i;
      String exec = sfn.startExecution(b -> b.stateMachineArn(alias).name("run-" + n)).executionArn();
      DescribeExecutionResponse e = sfn.describeExecution(b -> b.executionArn(exec));
      assertThat(e.stateMachineAliasArn()).isEqualTo(alias);
      assertThat(output(exec)).contains(e.stateMachineVersionArn().equals(blue) ? "\"blue\"" : "\"green\"")
          .contains("\"id\":\"" + alias + "\"");
      versions.add(e.stateMachineVersionArn());
    }
    assertThat(versions).contains(blue, green);
    assertThat(versions.stream().filter(blue::equals).count()).isBetween(30L, 49L);
    assertThat(sfn.listExecutions(b -> b.stateMachineArn(alias)).executions()).hasSize(50);

    sfn.updateStateMachineAlias(b -> b.stateMachineAliasArn(alias).routingConfiguration(route(green, 100)));
    String after = sfn.startExecution(b -> b.stateMachineArn(alias)).executionArn();
    assertThat(sfn.describeExecution(b -> b.executionArn(after)).stateMachineVersionArn()).isEqualTo(green);
    assertThat(sfn.listStateMachineAliases(b -> b.stateMachineArn(arn)).stateMachineAliases())
        .singleElement().satisfies(a -> assertThat(a.stateMachineAliasArn()).isEqualTo(alias));

    // a version an alias routes to cannot be deleted; the alias can
    assertThatThrownBy(() -> sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(green)))
        .isInstanceOf(ConflictException.class);
    sfn.deleteStateMachineAlias(b -> b.stateMachineAliasArn(alias));
    assertThatThrownBy(() -> sfn.describeStateMachineAlias(b -> b.stateMachineAliasArn(alias)))
        .isInstanceOf(ResourceNotFoundException.class);
    sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(green));
  }

  @Test
  void aliasRoutingConfigurationsAreCheckedAsAwsChecksThem() {
    String arn = sfn.createStateMachine(b -> b.name("AliasRules").definition(definition("a")).roleArn(ROLE)
        .publish(true)).stateMachineArn();
    String v1 = arn + ":1";
    assertThatThrownBy(() -> sfn.createStateMachineAlias(b -> b.name("Half").routingConfiguration(route(v1, 50))))
        .isInstanceOf(ValidationException.class).hasMessageContaining("must be equal to 100");
    assertThatThrownBy(() -> sfn.createStateMachineAlias(b -> b.name("Twice")
        .routingConfiguration(route(v1, 50), route(v1, 50)))).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> sfn.createStateMachineAlias(b -> b.name("Ghost").routingConfiguration(route(arn + ":7", 100))))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> sfn.createStateMachineAlias(b -> b.name("123").routingConfiguration(route(v1, 100))))
        .isInstanceOf(InvalidNameException.class);
    assertThatThrownBy(() -> sfn.updateStateMachineAlias(b -> b.stateMachineAliasArn(arn + ":Nope").description("x")))
        .isInstanceOf(ResourceNotFoundException.class);
  }
}

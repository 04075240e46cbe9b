package io.github.sfntest.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test once per recorded execution history matching {@link #histories()}, each
 * invocation named after its file: executions that really happened become regression tests.
 * The test takes the {@link io.github.sfntest.replay.RecordedExecution}, or, when {@link
 * #definition()} is given, the {@link io.github.sfntest.replay.ReplayResult} of replaying it on
 * that definition.
 *
 * <pre>{@code
 * class OrderFlowReplayTest {
 *
 *   @ReplayTest(histories = "recordings/*.json", definition = "order-flow.asl.json")
 *   void reproduces_every_recorded_order(ReplayResult replay) {
 *     assertThat(replay).matchesRecording();
 *   }
 *
 *   @ReplayTest(histories = "recordings/*.json")
 *   void the_v2_definition_keeps_the_recorded_behaviour(RecordedExecution recording) {
 *     assertThat(Replay.of(V2, recording).ignoringFields("requestedAt").run()).matchesRecording();
 *   }
 * }
 * }</pre>
 *
 * <p>Needs no {@link StateMachineTest @StateMachineTest}: the replay runs on its own in-process
 * engine, at the recorded start time. A pattern that matches nothing, or a file that is not a
 * history, fails the test with the reason.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(ReplayTestExtension.class)
public @interface ReplayTest {

  /**
   * The histories: a classpath resource or file, with wildcards in the last parts ({@code
   * recordings/*.json}, {@code recordings/**}{@code /*.json}, {@code file:build/recordings/*.json}).
   *
   * @return the histories' location pattern
   */
  String histories();

  /**
   * The definition to replay on (classpath resource or file), for a {@code ReplayResult} parameter.
   *
   * @return the definition's location, or {@code ""}
   */
  String definition() default "";

  /**
   * {@code KEY=VALUE} substitutions of the definition's {@code ${KEY}} placeholders.
   *
   * @return the substitutions
   */
  String[] substitutions() default {};

  /**
   * Payload fields not compared: a bare name at any depth, or a path such as {@code
   * $.order.createdAt}.
   *
   * @return the ignored fields
   */
  String[] ignoreFields() default {};
}

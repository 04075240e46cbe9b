package io.github.sfntest.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;

/**
 * Runs the test once per test case of a MockConfigFile, each invocation named after its test case
 * and answered by it: an existing Step Functions Local setup becomes a test class in a few lines.
 * The test may take a {@code String} parameter (the test case's name) next to the usual ones.
 *
 * <pre>{@code
 * @StateMachineTest(definition = "local_testing.asl.json", name = "LocalTesting")
 * class EveryTestCaseTest {
 *
 *   @MockConfigTestCases(file = "MockConfigFile.json")
 *   void runsToTheEnd(String testCase, StateMachineUnderTest sm) {
 *     assertThat(sm.run(INPUT)).succeeded();
 *   }
 * }
 * }</pre>
 *
 * <p>The file and state machine default to those of the class's {@link MockConfig @MockConfig}.
 * Needs {@link StateMachineTest @StateMachineTest} (or the extension) on the class.
 *
 * <p>JUnit names each invocation after its test case, but Maven Surefire's XML reports use JUnit's
 * legacy name for template invocations, {@code runsToTheEnd(String, StateMachineUnderTest)[1]}.
 * For reports named after the test cases, return {@link TestCases#each} from a {@code @TestFactory}.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
public @interface MockConfigTestCases {

  /**
   * The MockConfigFile: a classpath resource or a file; by default the class's {@code @MockConfig}
   * file.
   *
   * @return the MockConfigFile's location, or {@code ""}
   */
  String file() default "";

  /**
   * The state machine of the file; by default as {@link MockConfig#stateMachine()} explains.
   *
   * @return the state machine name in the file, or {@code ""}
   */
  String stateMachine() default "";

  /**
   * Test cases to leave out.
   *
   * @return the test case names to skip
   */
  String[] exclude() default {};
}

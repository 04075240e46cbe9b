package io.github.sfntest.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Answers the tasks of a test with a test case of an AWS Step Functions Local MockConfigFile, read
 * exactly as Step Functions Local reads it. On the class it applies to every test; on a method it
 * overrides the class's (an empty attribute takes the class's value), so the file can be named once:
 *
 * <pre>{@code
 * @StateMachineTest(definition = "local_testing.asl.json", name = "LocalTesting")
 * @MockConfig(file = "MockConfigFile.json")
 * class SalesLeadTest {
 *
 *   @Test
 *   @MockConfig(testCase = "HappyPathTest")
 *   void happyPath(StateMachineUnderTest sm) {
 *     assertThat(sm.run(INPUT)).succeeded().visited("CustomerAddedToFollowup");
 *   }
 * }
 * }</pre>
 *
 * <p>Mocks written in the test ({@link io.github.sfntest.mock.MockedResponses}) answer first, so a
 * test can override single states of a test case; the mocks record every invocation either way.
 * The file's state machine is {@link #stateMachine()}, else the one named like the state machine
 * under test, else the file's only one. An unknown file, state machine or test case fails the test
 * with an {@link org.junit.jupiter.api.extension.ExtensionConfigurationException} listing the known
 * names.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface MockConfig {

  /**
   * The MockConfigFile: a classpath resource or a file.
   *
   * @return the MockConfigFile's location, or {@code ""}
   */
  String file() default "";

  /**
   * The test case; may be left out on the class and given per method.
   *
   * @return the test case name, or {@code ""}
   */
  String testCase() default "";

  /**
   * The state machine of the file (see above for the default).
   *
   * @return the state machine name in the file, or {@code ""}
   */
  String stateMachine() default "";
}

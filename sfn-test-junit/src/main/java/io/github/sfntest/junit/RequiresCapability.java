package io.github.sfntest.junit;

import io.github.sfntest.engine.EngineCapability;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test (or every test of a class) only on engines that have these capabilities; on others
 * it is skipped, and the report says which engine lacks which capability. The in-process engine
 * has them all; an engine over a Step Functions API has fewer.
 *
 * <pre>{@code
 * @Test
 * @RequiresCapability(EngineCapability.MAP_RUN_RESULTS)
 * void batchesAreCountedByTheMapRun(StateMachineUnderTest machine) { ... }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface RequiresCapability {

  /**
   * The capabilities the test needs; on an engine without one of them the test is skipped.
   *
   * @return the required capabilities
   */
  EngineCapability[] value();
}

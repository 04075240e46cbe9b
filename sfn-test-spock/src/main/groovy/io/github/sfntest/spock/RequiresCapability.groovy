package io.github.sfntest.spock

import io.github.sfntest.engine.EngineCapability

import java.lang.annotation.Documented
import java.lang.annotation.ElementType
import java.lang.annotation.Inherited
import java.lang.annotation.Retention
import java.lang.annotation.RetentionPolicy
import java.lang.annotation.Target

/**
 * Runs a feature (or every feature of a spec) only on engines that have these capabilities; on
 * others it is skipped, and the report says which engine lacks which capability. The in-process
 * engine has them all; an engine over a Step Functions API has fewer.
 *
 * <pre>
 * &#64;RequiresCapability(EngineCapability.MAP_RUN_RESULTS)
 * def "batches are counted by the Map Run"() { ... }
 * </pre>
 */
@Target([ElementType.TYPE, ElementType.METHOD])
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
@interface RequiresCapability {
  /** The capabilities the specification or feature needs; on an engine without one of them it is skipped. */
  EngineCapability[] value()
}

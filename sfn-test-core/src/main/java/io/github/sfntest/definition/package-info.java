/** State machine definitions: loading, substitution and validation ({@link io.github.sfntest.definition.StateMachineDefinition}) and the diagnostics a definition gets. */
package io.github.sfntest.definition;

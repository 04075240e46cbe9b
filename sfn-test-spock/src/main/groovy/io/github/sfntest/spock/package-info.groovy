/** The Spock integration: {@code @StateMachineTest}, its extension, the MockConfigFile data helpers and the Groovy extension module that makes results read as Groovy values. */
package io.github.sfntest.spock

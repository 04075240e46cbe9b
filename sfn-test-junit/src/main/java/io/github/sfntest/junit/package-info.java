/** The JUnit 5 integration: {@code @StateMachineTest}, its extension, and the annotations that pick mocks and capabilities. */
package io.github.sfntest.junit;

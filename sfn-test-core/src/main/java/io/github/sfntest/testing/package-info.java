/** The framework-neutral test DSL: a session per test class, a run per test, the state machine under test, and the annotation-to-session logic the JUnit and Spock extensions share. */
package io.github.sfntest.testing;

/** The failure messages of the assertions, one message factory per kind of failure, in the AssertJ style ({@code ShouldXxx.shouldXxx(..)}). */
package io.github.sfntest.assertions.error;

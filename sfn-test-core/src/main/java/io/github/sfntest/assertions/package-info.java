/** Fluent AssertJ assertions on results and histories: the entry point {@link io.github.sfntest.assertions.SfnAssertions}, and one assert class per thing asserted (execution, state, events, Map Run). */
package io.github.sfntest.assertions;

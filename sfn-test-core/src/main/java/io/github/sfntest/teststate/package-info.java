/**
 * Single-state tests, offline, as AWS's TestState API: {@link io.github.sfntest.testing.StateTester}
 * runs a {@link io.github.sfntest.teststate.TestStateRequest} and answers a
 * {@link io.github.sfntest.teststate.TestStateResult}.
 */
package io.github.sfntest.teststate;

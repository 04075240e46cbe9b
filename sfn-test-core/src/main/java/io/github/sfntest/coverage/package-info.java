/**
 * State machine coverage: which states, transitions and error paths the tests reached, as an HTML
 * report with graphs, a {@code coverage.json}, and a minimum that fails the build. Start at {@link
 * io.github.sfntest.coverage.Coverage}.
 */
package io.github.sfntest.coverage;

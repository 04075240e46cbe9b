/**
 * Replaying executions that really happened against the current definition: {@link
 * io.github.sfntest.replay.RecordedExecution} reads a {@code GetExecutionHistory} recording and
 * turns what its integrations answered into mocks; {@link io.github.sfntest.replay.Replay} runs a
 * definition with them and reports the first {@link io.github.sfntest.replay.Divergence} from the
 * recording.
 */
package io.github.sfntest.replay;

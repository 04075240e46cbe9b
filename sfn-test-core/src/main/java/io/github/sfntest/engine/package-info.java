/** The engine SPI and the result model: {@link io.github.sfntest.engine.Engine} runs a {@link io.github.sfntest.engine.StartRequest}; {@link io.github.sfntest.engine.ExecutionResult} and {@link io.github.sfntest.engine.MapRunResult} are what a run leaves behind. */
package io.github.sfntest.engine;

/** Mocked task responses for tests, written in code ({@link io.github.sfntest.mock.MockedResponses}) or read from a Step Functions Local MockConfigFile, and the records of what tasks were called with. */
package io.github.sfntest.mock;

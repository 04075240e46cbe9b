/** The mocks behind {@code io.github.sfntest.mock}: MockConfigFile parsing and writing, response sequences, and the handler that answers tasks. */
package io.github.sfntest.internal.mock;

/** Reading recorded histories, deriving mocks from them, and comparing replays with recordings. */
package io.github.sfntest.internal.replay;

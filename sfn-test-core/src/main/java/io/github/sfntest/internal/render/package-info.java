/** Text renderings for messages: execution summaries, history slices, JSON differences and quoting. */
package io.github.sfntest.internal.render;

/** Text helpers shared by every part: the one "did you mean" helper and edit distance. */
package io.github.sfntest.internal.text;

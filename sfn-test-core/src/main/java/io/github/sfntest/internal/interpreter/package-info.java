/** The in-process interpreter: one execution run on a virtual clock, state by state, recording the AWS history. */
package io.github.sfntest.internal.interpreter;

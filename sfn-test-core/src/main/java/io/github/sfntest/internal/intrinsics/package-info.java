/** The intrinsic functions ({@code States.Format}, {@code States.Array}, ...): parser and evaluator. */
package io.github.sfntest.internal.intrinsics;

/** Builds the public result types, whose constructors are hidden from users. */
package io.github.sfntest.internal.result;

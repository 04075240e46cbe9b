/** The parsed model of an ASL definition and its parser. */
package io.github.sfntest.internal.asl;

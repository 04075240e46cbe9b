/** The graph of a state machine, its layout (Eclipse ELK) and its SVG. */
package io.github.sfntest.internal.graph;

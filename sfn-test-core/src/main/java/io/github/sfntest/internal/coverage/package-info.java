/** Collection of coverage from execution histories, raw files per JVM, the merged report and the gate. */
package io.github.sfntest.internal.coverage;

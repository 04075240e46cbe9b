/** The execution history as AWS records it (events) and the views tests read from it (state visits, Map iterations). */
package io.github.sfntest.history;

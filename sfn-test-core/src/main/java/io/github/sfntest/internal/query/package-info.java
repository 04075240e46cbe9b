/** The query-language neutral layer between the interpreter and the JSONPath and JSONata evaluators. */
package io.github.sfntest.internal.query;

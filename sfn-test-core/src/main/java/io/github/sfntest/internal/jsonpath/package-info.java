/** JSONPath evaluation for JSONPath states: compiled paths, payload templates and Choice rules. */
package io.github.sfntest.internal.jsonpath;

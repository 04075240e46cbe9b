/** JSONata evaluation for {@code QueryLanguage: JSONata} states: templates, the {@code $states} binding and the AWS-specific functions. */
package io.github.sfntest.internal.jsonata;

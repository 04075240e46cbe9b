/** Implementation of sfn-test, not API: anything under this package may change in any release. This package holds what the evaluators share with the interpreter (the evaluation scope and the ASL runtime error). */
package io.github.sfntest.internal;

/** Static validation of ASL definitions, with the messages and locations AWS gives. */
package io.github.sfntest.internal.validation;

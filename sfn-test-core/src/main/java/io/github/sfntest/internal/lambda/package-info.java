/**
 * Real Java Lambda handlers in-process: a Task answered by the user's own {@code RequestHandler} or
 * {@code RequestStreamHandler} (aws-lambda-java-core, an optional dependency loaded only when a test
 * configures a handler), with the payload, response and error shapes AWS uses.
 */
package io.github.sfntest.internal.lambda;

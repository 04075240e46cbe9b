/** An engine backed by AWS Step Functions Local in a Docker container (Testcontainers), for comparing with the in-process engine. */
package io.github.sfntest.container;

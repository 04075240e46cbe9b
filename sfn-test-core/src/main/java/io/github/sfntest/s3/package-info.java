/** An in-memory S3 for Distributed Map item readers and result writers. */
package io.github.sfntest.s3;

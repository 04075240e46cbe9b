/** Distributed Map support: item readers (S3 objects, CSV, JSON, manifests), batching, tolerated failures and result writing. */
package io.github.sfntest.internal.distributed;

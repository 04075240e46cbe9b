/** The engine over the AWS SDK (a Step Functions endpoint): one execution driven and read back through the API. */
package io.github.sfntest.internal.sdk;

/** An engine that runs state machines through the AWS SDK against a Step Functions endpoint. */
package io.github.sfntest.sdk;

/** The Step Functions compatible HTTP endpoint: the HTTP front end, the service actions and their stores. */
package io.github.sfntest.internal.server;

/** The embeddable Step Functions compatible HTTP endpoint ({@link io.github.sfntest.server.SfnServer}). */
package io.github.sfntest.server;

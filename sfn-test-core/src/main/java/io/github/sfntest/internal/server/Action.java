package io.github.sfntest.internal.server;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One API action: the request's members in, the answer out; errors are thrown as {@link ApiException}. */
@FunctionalInterface
interface Action {

  ObjectNode run(Req request);
}

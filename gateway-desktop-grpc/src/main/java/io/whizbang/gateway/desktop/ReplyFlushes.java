package io.whizbang.gateway.desktop;

import io.netty.handler.flush.FlushConsolidationHandler;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.impl.HttpServerConnection;

/**
 * Batches the socket flushes of a connection's answers that are written outside a read, as answers from the event
 * bus are.
 *
 * <p>Vert.x flushes an HTTP/2 stream's writes as they are made, unless it is reading from the socket: an answer the
 * handler writes while the request is read (as a bare server does) rides the read's one flush, but one written later
 * costs a flush for its data frame and another for its trailers, each a system call, for every call. With this, the
 * flushes asked for while the event loop runs one round of its tasks become one, made before it waits again; the
 * frames and their order are unchanged.
 */
final class ReplyFlushes implements Handler<HttpConnection> {
    /** After this many flushes asked for in a row, one is made at once, so a long read never holds writes back. */
    private static final int MOST_FLUSHES_HELD = 256;

    @Override
    public void handle(HttpConnection connection) {
        // the Netty pipeline is only reachable through Vert.x's connection implementation
        if (connection instanceof HttpServerConnection served) {
            served.channelHandlerContext().pipeline().addFirst(new FlushConsolidationHandler(MOST_FLUSHES_HELD, true));
        }
    }
}

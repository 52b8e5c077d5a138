package io.whizbang.gateway.mobile;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads every request's body, whatever its method or content type, before routing goes on: as raw bytes up to the
 * size limit, {@code 413} beyond it (up front when {@code Content-Length} says so). Each request is consumed whole,
 * so the next one on a kept-alive connection is read.
 *
 * <p>It replaces Vert.x Web's {@code BodyHandler}, which decodes form and multipart bodies on its own and fails with
 * unchecked decoder errors on malformed ones; this gateway only ever reads JSON, which {@link JsonBodies} parses.
 */
final class RequestBodies implements Handler<RoutingContext> {
    private static final String KEY = "whizbang.body";

    private final long limitBytes;

    RequestBodies(long limitBytes) {
        this.limitBytes = limitBytes;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (declaredLength(request) > limitBytes) {
            ctx.fail(413);
            return;
        }
        Buffer body = Buffer.buffer();
        ctx.put(KEY, body);
        if (request.isEnded()) {
            ctx.next();
            return;
        }
        if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            ctx.response().writeContinue();
        }
        boolean[] tooLarge = {false};
        request.handler(chunk -> {
            if (tooLarge[0]) {
                return;
            }
            if (body.length() + (long) chunk.length() > limitBytes) {
                tooLarge[0] = true;
                ctx.fail(413);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(ended -> {
            if (!tooLarge[0]) {
                ctx.next();
            }
        });
        request.resume();
    }

    /** The body read, empty when the request had none. */
    static Buffer of(RoutingContext ctx) {
        Buffer body = ctx.get(KEY);
        return body == null ? Buffer.buffer() : body;
    }

    private static long declaredLength(HttpServerRequest request) {
        String declared = request.getHeader("Content-Length");
        if (declared == null) {
            return -1;
        }
        try {
            return Long.parseLong(declared.trim());
        } catch (NumberFormatException unreadable) {
            return -1;
        }
    }
}

package io.whizbang.gateway.mobile;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.util.function.Consumer;

/**
 * How routes answer: JSON bodies with their status, and the failure of a future handed to the {@link ProblemHandler}.
 */
final class Responses {
    /** The media type of every successful answer with a body. */
    static final String JSON = "application/json";

    private Responses() {
    }

    /** Ends the response with the status and the JSON text (an encoded object or array). */
    static void json(RoutingContext ctx, int status, String json) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", JSON).end(json);
    }

    /** Runs the answer once the future succeeds; its failure becomes the request's problem. */
    static <T> void whenDone(RoutingContext ctx, Future<T> future, Consumer<T> answer) {
        future.onComplete(done -> {
            if (done.failed()) {
                ctx.fail(done.cause());
                return;
            }
            try {
                answer.accept(done.result());
            } catch (RuntimeException failure) {
                ctx.fail(failure);
            }
        });
    }
}

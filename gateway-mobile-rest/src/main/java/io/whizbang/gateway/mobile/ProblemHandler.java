package io.whizbang.gateway.mobile;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.whizbang.error.ErrorCode;
import io.whizbang.http.HttpProblem;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers every failed or unrouted request with its {@link ProblemTable} problem as {@code application/problem+json},
 * with the correlation id in the body and the header, {@code WWW-Authenticate} on a 401 and {@code Allow} on a
 * 405; an {@code INTERNAL} failure is logged with its correlation id and its cause, never shown.
 */
final class ProblemHandler implements Handler<RoutingContext> {
    private static final Logger LOG = Logger.getLogger(ProblemHandler.class.getName());

    private final AllowedMethods allowed;

    ProblemHandler(AllowedMethods allowed) {
        this.allowed = allowed;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String correlationId = Correlation.idOf(ctx);
        HttpServerResponse response = ctx.response();
        Problem problem = ctx.failure() != null ? ProblemTable.of(ctx.failure(), correlationId)
                : ProblemTable.ofStatus(ctx.statusCode(), detailOf(ctx), correlationId);
        if (problem.code() == ErrorCode.INTERNAL) {
            LOG.log(Level.SEVERE, "internal error answering " + ctx.request().method() + " " + ctx.request().path()
                    + ", correlation id " + correlationId, ctx.failure());
        }
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            // a stream already answering 200 cannot turn into a problem; end it
            response.end();
            return;
        }
        if (problem.status() == 401) {
            response.putHeader("WWW-Authenticate", "Bearer realm=\"whizbang\"");
        }
        if (problem.status() == 413) {
            // the rest of the oversize body is not worth reading: the client must open a new connection
            response.putHeader("Connection", "close");
        }
        if (problem.status() == 405) {
            response.putHeader("Allow", String.join(", ", allowed.on(ctx.request().path())));
        }
        response.setStatusCode(problem.status())
                .putHeader("Content-Type", HttpProblem.CONTENT_TYPE)
                .putHeader("Cache-Control", "no-store")
                .end(problem.toJson(correlationId).encode());
    }

    private String detailOf(RoutingContext ctx) {
        return switch (ctx.statusCode()) {
            case 404 -> "no route " + ctx.request().method() + " " + ctx.request().path();
            case 405 -> ctx.request().method() + " is not allowed on " + ctx.request().path() + "; allowed: "
                    + String.join(", ", allowed.on(ctx.request().path()));
            default -> "";
        };
    }
}

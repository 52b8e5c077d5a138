package io.whizbang.control;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.WhizbangException;
import io.whizbang.http.CorrelationIds;
import io.whizbang.http.HttpProblem;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers every failed or unrouted request as {@code application/problem+json} with its Whizbang error code; an
 * unexpected failure is logged with the correlation id and shown only as {@code INTERNAL}.
 */
final class Problems implements Handler<RoutingContext> {
    private static final Logger LOG = Logger.getLogger(Problems.class.getName());

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        String correlationId = response.headers().get(CorrelationIds.HEADER);
        HttpProblem problem = problemOf(ctx, correlationId);
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            response.end();
            return;
        }
        if (problem.status() == 401) {
            response.putHeader("WWW-Authenticate", "Bearer realm=\"whizbang\"");
        }
        response.putHeader("Cache-Control", "no-store");
        io.vertx.core.json.JsonObject body = problem.toJson();
        if (ctx.failure() instanceof RefusedCommand refused) {
            body.put("result", refused.result());
        }
        response.setStatusCode(problem.status()).putHeader("Content-Type", HttpProblem.CONTENT_TYPE)
                .end(body.encode());
    }

    private static HttpProblem problemOf(RoutingContext ctx, String correlationId) {
        Throwable failure = ctx.failure();
        if (failure == null) {
            ErrorCode code = switch (ctx.statusCode()) {
                case 400, 413, 415 -> ErrorCode.INVALID_ARGUMENT;
                case 401 -> ErrorCode.UNAUTHENTICATED;
                case 403 -> ErrorCode.PERMISSION_DENIED;
                case 404, 405 -> ErrorCode.NOT_FOUND;
                default -> ErrorCode.INTERNAL;
            };
            return HttpProblem.of(code, code == ErrorCode.NOT_FOUND ? "no route " + ctx.request().method() + " "
                    + ctx.request().path() : "the request could not be served (HTTP " + ctx.statusCode() + ")");
        }
        if (failure instanceof io.vertx.core.json.DecodeException) {
            return HttpProblem.of(ErrorCode.INVALID_ARGUMENT, "the body is not valid JSON");
        }
        WhizbangException error = WhizbangException.wrap(failure);
        if (error.code() == ErrorCode.INTERNAL) {
            LOG.log(Level.SEVERE, "internal error answering " + ctx.request().method() + " " + ctx.request().path()
                    + ", correlation id " + correlationId, failure);
            return HttpProblem.of(ErrorCode.INTERNAL, "internal error; it is logged under correlation id "
                    + correlationId);
        }
        return HttpProblem.of(error.code(), error.getMessage());
    }
}

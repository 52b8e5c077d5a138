package io.whizbang.gateway.web;

import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.RoutingContext;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.WhizbangException;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers the requests to {@code /graphql} that fail before GraphQL runs — a body that is not JSON or not a GraphQL
 * request, a body over the limit, a media type or method the endpoint does not take — with a GraphQL-shaped body
 * holding one coded error, and the HTTP status that says what happened:
 *
 * <table>
 *   <caption>Refusals before execution</caption>
 *   <tr><th>cause</th><th>HTTP</th><th>{@code extensions.code}</th></tr>
 *   <tr><td>not JSON, not an object, no {@code query}, a batch (array)</td><td>400</td>
 *       <td>{@code INVALID_ARGUMENT}</td></tr>
 *   <tr><td>another method than POST (GET without a WebSocket upgrade)</td><td>405</td>
 *       <td>{@code INVALID_ARGUMENT}</td></tr>
 *   <tr><td>a body over {@code maxBodyBytes}</td><td>413</td><td>{@code INVALID_ARGUMENT}</td></tr>
 *   <tr><td>a media type other than {@code application/json} or {@code application/graphql}</td><td>415</td>
 *       <td>{@code INVALID_ARGUMENT}</td></tr>
 *   <tr><td>anything else (a bug)</td><td>500</td><td>{@code INTERNAL}, logged</td></tr>
 * </table>
 */
final class HttpFailures {
    private static final Logger LOG = Logger.getLogger(HttpFailures.class.getName());
    private static final int MAX_REASON_CHARS = 200;

    private final int maxBodyBytes;

    HttpFailures(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Answers the failed request. */
    void handle(RoutingContext rc) {
        String correlationId = Correlation.idOf(rc);
        Throwable failure = rc.failure();
        ErrorCode code = ErrorCode.INVALID_ARGUMENT;
        int status = rc.statusCode();
        String message;
        if (failure instanceof WhizbangException known) {
            code = known.code();
            status = code.httpStatus();
            message = known.getMessage();
        } else {
            switch (status) {
                case 400 -> message = "the body is not a GraphQL request (a JSON object with a \"query\" string; "
                        + "batches are not accepted): " + reason(failure);
                case 405 -> message = "use POST for queries and mutations, and a WebSocket upgrade of GET for "
                        + "graphql-transport-ws subscriptions; " + rc.request().method() + " is not accepted";
                case 413 -> message = "the request body is larger than the limit of " + maxBodyBytes + " bytes";
                case 415 -> message = "a GraphQL request is application/json (or application/graphql)";
                default -> {
                    code = ErrorCode.INTERNAL;
                    status = 500;
                    message = "";
                    LOG.log(Level.SEVERE, "request to " + rc.request().path() + " failed, correlation id "
                            + correlationId, failure);
                }
            }
        }
        if (rc.response().ended()) {
            // answered already, by Vert.x itself (a refused WebSocket handshake is a 400 or a 426)
            return;
        }
        if (rc.response().headWritten()) {
            rc.response().reset();
            return;
        }
        if (status == 405) {
            rc.response().putHeader("Allow", "POST, GET");
        }
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(GraphQLErrors.body(code, message, correlationId).encode());
    }

    private static String reason(Throwable failure) {
        if (failure == null) {
            return "batches (JSON arrays) are not accepted";
        }
        if (failure instanceof DecodeException) {
            return "it is not a JSON object";
        }
        if (failure instanceof ClassCastException) {
            return "query and operationName must be strings, variables and extensions objects";
        }
        if ("Query is missing".equals(failure.getMessage())) {
            return "it has no query";
        }
        String text = failure.getMessage() == null ? "it could not be read" : failure.getMessage();
        return text.length() > MAX_REASON_CHARS ? text.substring(0, MAX_REASON_CHARS) + "..." : text;
    }
}

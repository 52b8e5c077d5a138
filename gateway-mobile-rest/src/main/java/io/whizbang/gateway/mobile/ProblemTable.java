package io.whizbang.gateway.mobile;

import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.handler.HttpException;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.ValidationException;
import io.whizbang.error.WhizbangException;
import io.whizbang.http.HttpProblem;

/**
 * The one table from failures to the mobile gateway's HTTP answers.
 *
 * <p>A {@link WhizbangException} answers with its code's status from the error table of DESIGN.md
 * ({@code INVALID_ARGUMENT} 400, {@code UNAUTHENTICATED} 401, {@code PERMISSION_DENIED} 403, {@code NOT_FOUND} 404,
 * {@code CONFLICT} 409, {@code RATE_LIMITED} 429, {@code UNAVAILABLE} 503, {@code TIMEOUT} 504, {@code INTERNAL}
 * 500). What HTTP itself refuses keeps its own status with the closest code: an unknown route is 404
 * {@code NOT_FOUND}; a malformed body 400, a known path with another method 405, an oversize body 413 and a body
 * that is not JSON 415, all {@code INVALID_ARGUMENT}. Anything else is a bug: 500 {@code INTERNAL}, whose detail
 * names only the correlation id it is logged under.
 */
final class ProblemTable {
    private ProblemTable() {
    }

    /** The answer to a failure, for a request running under the correlation id. */
    static Problem of(Throwable failure, String correlationId) {
        if (failure instanceof ValidationException invalid) {
            return new Problem(400, title(ErrorCode.INVALID_ARGUMENT), ErrorCode.INVALID_ARGUMENT,
                    invalid.getMessage(), invalid.field());
        }
        if (failure instanceof WhizbangException known && known.code() != ErrorCode.INTERNAL) {
            return new Problem(known.code().httpStatus(), title(known.code()), known.code(),
                    String.valueOf(known.getMessage()), "");
        }
        if (failure instanceof HttpException http) {
            return ofStatus(http.getStatusCode(), http.getPayload() == null ? "" : http.getPayload(), correlationId);
        }
        if (failure instanceof DecodeException) {
            return new Problem(400, title(ErrorCode.INVALID_ARGUMENT), ErrorCode.INVALID_ARGUMENT,
                    "the request body is not well-formed JSON", "");
        }
        return internal(correlationId);
    }

    /**
     * The answer to a status that HTTP routing itself gave (no route, another method, body too large, not JSON), with
     * a detail, or an empty one for the table's own.
     */
    static Problem ofStatus(int status, String detail, String correlationId) {
        return switch (status) {
            case 400 -> invalid(400, "Bad Request", detail, "the request is malformed");
            case 404 -> new Problem(404, title(ErrorCode.NOT_FOUND), ErrorCode.NOT_FOUND,
                    detail.isEmpty() ? "no such route" : detail, "");
            case 405 -> invalid(405, "Method Not Allowed", detail, "the method is not allowed on this path");
            case 413 -> invalid(413, "Content Too Large", detail, "the request body is larger than allowed");
            case 415 -> invalid(415, "Unsupported Media Type", detail,
                    "the request body must be JSON: send Content-Type: application/json");
            default -> internal(correlationId);
        };
    }

    private static Problem invalid(int status, String title, String detail, String otherwise) {
        return new Problem(status, title, ErrorCode.INVALID_ARGUMENT, detail.isEmpty() ? otherwise : detail, "");
    }

    private static Problem internal(String correlationId) {
        return new Problem(500, title(ErrorCode.INTERNAL), ErrorCode.INTERNAL,
                "internal error; it is logged under correlation id " + correlationId, "");
    }

    private static String title(ErrorCode code) {
        return HttpProblem.of(code, "").title();
    }
}

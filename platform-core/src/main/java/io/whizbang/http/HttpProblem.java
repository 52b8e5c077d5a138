package io.whizbang.http;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.whizbang.error.ErrorCode;

import java.util.Objects;

/**
 * An error answer in the {@code application/problem+json} form (RFC 9457), with the Whizbang error code beside the
 * HTTP status.
 *
 * @param type   a URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param title  the status's short name
 * @param status the HTTP status
 * @param detail what went wrong, in words that say what to check
 * @param code   the Whizbang error code
 */
public record HttpProblem(String type, String title, int status, String detail, ErrorCode code) {
    /** The media type of a problem. */
    public static final String CONTENT_TYPE = "application/problem+json";

    public HttpProblem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(code, "code");
    }

    /** The problem an error code stands for, with the status from the error table. */
    public static HttpProblem of(ErrorCode code, String detail) {
        return new HttpProblem("about:blank", title(code), code.httpStatus(), detail, code);
    }

    /** The problem as JSON. */
    public JsonObject toJson() {
        return new JsonObject().put("type", type).put("title", title).put("status", status).put("detail", detail)
                .put("code", code.name());
    }

    /** Ends the response with this problem. */
    public Future<Void> send(HttpServerResponse response) {
        return response.setStatusCode(status).putHeader("Content-Type", CONTENT_TYPE).end(toJson().encode());
    }

    private static String title(ErrorCode code) {
        return switch (code) {
            case INVALID_ARGUMENT -> "Bad Request";
            case UNAUTHENTICATED -> "Unauthorized";
            case PERMISSION_DENIED -> "Forbidden";
            case NOT_FOUND -> "Not Found";
            case CONFLICT -> "Conflict";
            case RATE_LIMITED -> "Too Many Requests";
            case UNAVAILABLE -> "Service Unavailable";
            case TIMEOUT -> "Gateway Timeout";
            case INTERNAL -> "Internal Server Error";
        };
    }
}

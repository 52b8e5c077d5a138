package io.whizbang.gateway.mobile;

import io.vertx.core.json.JsonObject;
import io.whizbang.error.ErrorCode;
import io.whizbang.http.HttpProblem;

import java.util.Objects;

/**
 * One error answer of the mobile gateway in the {@code application/problem+json} form (RFC 9457): the HTTP status,
 * its title, what went wrong, the Whizbang error code and, for invalid input, the field at fault.
 *
 * @param status the HTTP status
 * @param title  the status's short name
 * @param code   the Whizbang error code
 * @param detail what went wrong, in words that say what to check; never a stack trace
 * @param field  the path of the field at fault ({@code lines[0].quantity}), empty when none is known
 */
record Problem(int status, String title, ErrorCode code, String detail, String field) {
    /** The problem type of every answer: the status and the code say it all. */
    static final String TYPE = "about:blank";

    Problem {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(field, "field");
    }

    /**
     * The problem as JSON: {@code type, title, status, detail, code, correlationId}, and {@code field} when known.
     */
    JsonObject toJson(String correlationId) {
        JsonObject json = new HttpProblem(TYPE, title, status, detail, code).toJson()
                .put("correlationId", correlationId);
        if (!field.isEmpty()) {
            json.put("field", field);
        }
        return json;
    }
}

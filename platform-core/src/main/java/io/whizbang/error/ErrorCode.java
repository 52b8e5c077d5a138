package io.whizbang.error;

/**
 * The closed set of error codes that cross the event bus and that every gateway maps to its own idiom.
 *
 * <p>The {@link #number()} is stable and is what travels as a Vert.x failure code; never renumber.
 */
public enum ErrorCode {
    /** Malformed or rule-breaking input. */
    INVALID_ARGUMENT(1, 400, "INVALID_ARGUMENT"),
    /** No token, or a bad one. */
    UNAUTHENTICATED(2, 401, "UNAUTHENTICATED"),
    /** A missing scope, or another tenant's data. */
    PERMISSION_DENIED(3, 403, "PERMISSION_DENIED"),
    /** No such stream or read model. */
    NOT_FOUND(4, 404, "NOT_FOUND"),
    /** A version conflict after retries, or a rule of state. */
    CONFLICT(5, 409, "ABORTED"),
    /** A policy refused the request. */
    RATE_LIMITED(6, 429, "RESOURCE_EXHAUSTED"),
    /** A dependency is down; retry later. */
    UNAVAILABLE(7, 503, "UNAVAILABLE"),
    /** The policy's deadline passed. */
    TIMEOUT(8, 504, "DEADLINE_EXCEEDED"),
    /** A bug, logged with the correlation id and never shown as a stack trace. */
    INTERNAL(9, 500, "INTERNAL");

    /** Event-bus failure codes are offset so that they never collide with Vert.x's own small codes. */
    private static final int WIRE_OFFSET = 4200;

    private final int number;
    private final int httpStatus;
    private final String grpcStatus;

    ErrorCode(int number, int httpStatus, String grpcStatus) {
        this.number = number;
        this.httpStatus = httpStatus;
        this.grpcStatus = grpcStatus;
    }

    /** The stable number of this code. */
    public int number() {
        return number;
    }

    /** The failure code this error travels under on the event bus. */
    public int wireCode() {
        return WIRE_OFFSET + number;
    }

    /** The HTTP status the REST gateway answers with. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The name of the gRPC status the gRPC gateway answers with. */
    public String grpcStatus() {
        return grpcStatus;
    }

    /** Whether a retry of the same request may succeed. */
    public boolean transientFailure() {
        return this == UNAVAILABLE || this == TIMEOUT || this == RATE_LIMITED;
    }

    /** The code travelling under the given event-bus failure code, or {@code INTERNAL} for anything else. */
    public static ErrorCode fromWireCode(int wireCode) {
        for (ErrorCode code : values()) {
            if (code.wireCode() == wireCode) {
                return code;
            }
        }
        return INTERNAL;
    }
}

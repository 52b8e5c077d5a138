package io.whizbang.error;

import java.util.Objects;

/**
 * The root of every error Whizbang raises: it carries the {@link ErrorCode} that gateways show to callers.
 *
 * <p>Subclasses split by what a caller can do: {@link TransientException} (a retry may succeed) and
 * {@link PermanentException} (it will not).
 */
public abstract class WhizbangException extends RuntimeException {
    private final ErrorCode code;

    protected WhizbangException(ErrorCode code, String message, Throwable cause) {
        super(message, cause, true, cause != null);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The code callers see. */
    public ErrorCode code() {
        return code;
    }

    /** Whether a retry of the same request may succeed. */
    public abstract boolean isTransient();

    /** The exception that a failure code and message received from the event bus stand for. */
    public static WhizbangException of(ErrorCode code, String message) {
        return code.transientFailure() ? new TransientException(code, message, null)
                : new PermanentException(code, message, null);
    }

    /** The given throwable as a Whizbang error: itself if it is one, else {@code INTERNAL}. */
    public static WhizbangException wrap(Throwable failure) {
        if (failure instanceof WhizbangException known) {
            return known;
        }
        return new PermanentException(ErrorCode.INTERNAL, "internal error: " + failure, failure);
    }
}

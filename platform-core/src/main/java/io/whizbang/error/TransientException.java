package io.whizbang.error;

/**
 * An error that a retry of the same request may cure: a dependency down, a deadline passed, a limit hit.
 */
public class TransientException extends WhizbangException {
    public TransientException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }

    /** A dependency that is down. */
    public static TransientException unavailable(String what, Throwable cause) {
        return new TransientException(ErrorCode.UNAVAILABLE, what + " is unavailable; retry later", cause);
    }

    /** A deadline that passed. */
    public static TransientException timeout(String what, long millis) {
        return new TransientException(ErrorCode.TIMEOUT, what + " did not finish within " + millis + " ms", null);
    }

    /** A rate limit that refused the request. */
    public static TransientException rateLimited(String what, String tenant) {
        return new TransientException(ErrorCode.RATE_LIMITED,
                "the rate limit of " + what + " for tenant " + tenant + " is reached; retry later", null);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}

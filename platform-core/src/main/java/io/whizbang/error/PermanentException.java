package io.whizbang.error;

/**
 * An error that the same request will meet again: bad input, a missing permission, a rule of state.
 */
public class PermanentException extends WhizbangException {
    public PermanentException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }

    /** Input that breaks a rule. */
    public static PermanentException invalid(String message) {
        return new PermanentException(ErrorCode.INVALID_ARGUMENT, message, null);
    }

    /** Something that does not exist. */
    public static PermanentException notFound(String message) {
        return new PermanentException(ErrorCode.NOT_FOUND, message, null);
    }

    /** A principal acting beyond its rights. */
    public static PermanentException denied(String message) {
        return new PermanentException(ErrorCode.PERMISSION_DENIED, message, null);
    }

    /** A request that the state of the data forbids. */
    public static PermanentException conflict(String message) {
        return new PermanentException(ErrorCode.CONFLICT, message, null);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}

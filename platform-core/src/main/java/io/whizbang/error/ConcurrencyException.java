package io.whizbang.error;

/**
 * An append whose expected version did not match the stream's: another writer won.
 *
 * <p>The dispatcher reloads and decides again a bounded number of times; what reaches a caller is a
 * {@code CONFLICT}.
 */
public class ConcurrencyException extends PermanentException {
    private final long actualVersion;

    private ConcurrencyException(String message, long actualVersion) {
        super(ErrorCode.CONFLICT, message, null);
        this.actualVersion = actualVersion;
    }

    /** The stream's version when the append was refused. */
    public long actualVersion() {
        return actualVersion;
    }

    /** A conflict naming the stream, the expected version and the actual one. */
    public static ConcurrencyException conflict(String tenant, String stream, String expected, long actual) {
        return new ConcurrencyException("stream " + stream + " of tenant " + tenant + " is at version " + actual
                + ", the command expected " + expected, actual);
    }
}

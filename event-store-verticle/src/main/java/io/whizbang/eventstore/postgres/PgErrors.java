package io.whizbang.eventstore.postgres;

import io.vertx.pgclient.PgException;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.PermanentException;
import io.whizbang.error.TransientException;
import io.whizbang.error.ValidationException;
import io.whizbang.error.WhizbangException;

/**
 * Turns what the PostgreSQL client fails with into the codes callers see.
 *
 * <p>A server that cannot be reached, a connection that broke, a server shutting down or out of resources, a
 * serialization failure or deadlock: {@code UNAVAILABLE}, a retry may succeed. Data the server refuses (a NUL
 * character in a text or JSON string, say): {@code INVALID_ARGUMENT}. Anything else, including a bug of the driver:
 * {@code INTERNAL}.
 */
final class PgErrors {
    /** The unique key of a stream's versions. */
    static final String STREAM_VERSION_KEY = "events_stream_version_key";
    /** The unique key of event ids. */
    static final String EVENT_ID_KEY = "events_event_id_key";
    /** The unique key of outbox message ids. */
    static final String MESSAGE_ID_KEY = "outbox_message_id_key";
    /** The inbox's key: an incoming message recorded twice. */
    static final String INBOX_KEY = "inbox_message_id_key";

    private static final String UNIQUE_VIOLATION = "23505";

    private PgErrors() {
    }

    /** The failure as a Whizbang error naming the store. */
    static WhizbangException map(Throwable failure, String store) {
        if (failure instanceof WhizbangException known) {
            return known;
        }
        if (failure instanceof PgException pg) {
            String state = String.valueOf(pg.getSqlState());
            if (transientState(state)) {
                return TransientException.unavailable(store + " (" + state + " " + pg.getErrorMessage() + ")", pg);
            }
            if (state.startsWith("22")) {
                return new ValidationException("", store + " refused the data: " + pg.getErrorMessage());
            }
            return new PermanentException(ErrorCode.INTERNAL, store + " failed: " + state + " "
                    + pg.getErrorMessage(), pg);
        }
        if (programmingError(failure)) {
            return new PermanentException(ErrorCode.INTERNAL, store + " failed: " + failure, failure);
        }
        // Refused or broken connections, pool timeouts: the server is not there (or not answering).
        return TransientException.unavailable(store, failure);
    }

    /** Whether the failure is a unique key refusing a duplicate. */
    static boolean isUniqueViolation(PgException failure) {
        return UNIQUE_VIOLATION.equals(failure.getSqlState());
    }

    /** Whether the failure is the given unique key refusing a duplicate. */
    static boolean isUniqueViolation(Throwable failure, String constraint) {
        return failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
                && constraint.equals(pg.getConstraint());
    }

    private static boolean transientState(String state) {
        return state.startsWith("08") // connection exception
                || state.startsWith("53") // insufficient resources, too many connections
                || state.startsWith("57P") // admin / crash shutdown, cannot connect now
                || state.startsWith("58") // system error (I/O)
                || state.equals("40001") // serialization failure
                || state.equals("40P01") // deadlock detected
                || state.equals("55P03") // lock not available
                || state.equals("57014"); // query cancelled (statement timeout)
    }

    private static boolean programmingError(Throwable failure) {
        return failure instanceof NullPointerException || failure instanceof IllegalArgumentException
                || failure instanceof ClassCastException || failure instanceof IndexOutOfBoundsException
                || failure instanceof UnsupportedOperationException || failure instanceof IllegalStateException;
    }
}

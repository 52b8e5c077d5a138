package io.whizbang.projections.sqlite;

import io.whizbang.error.ErrorCode;
import io.whizbang.error.PermanentException;
import io.whizbang.error.TransientException;
import io.whizbang.error.WhizbangException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.util.Set;

/**
 * Turns what JDBC throws into the codes callers see: a busy, locked, full or failing file is {@code UNAVAILABLE}
 * (a retry may succeed), anything else is {@code INTERNAL}.
 */
final class SqliteErrors {
    /** Primary result codes of SQLite that a later retry may not meet again. */
    private static final Set<Integer> TRANSIENT = Set.of(
            SQLiteErrorCode.SQLITE_BUSY.code, SQLiteErrorCode.SQLITE_LOCKED.code, SQLiteErrorCode.SQLITE_NOMEM.code,
            SQLiteErrorCode.SQLITE_READONLY.code, SQLiteErrorCode.SQLITE_IOERR.code, SQLiteErrorCode.SQLITE_FULL.code,
            SQLiteErrorCode.SQLITE_CANTOPEN.code, SQLiteErrorCode.SQLITE_PROTOCOL.code);

    private SqliteErrors() {
    }

    /** The failure as a Whizbang error naming the store. */
    static WhizbangException map(Throwable failure, String store) {
        if (failure instanceof WhizbangException known) {
            return known;
        }
        if (failure instanceof SQLiteException sqlite && TRANSIENT.contains(sqlite.getResultCode().code & 0xff)) {
            return TransientException.unavailable(store + " (" + sqlite.getResultCode().name() + ")", failure);
        }
        return new PermanentException(ErrorCode.INTERNAL, store + " failed: " + failure.getMessage(), failure);
    }

    /** The error of an operation on a closed store. */
    static WhizbangException closed(String store) {
        return TransientException.unavailable(store + " (closed)", null);
    }
}

package io.whizbang.projections.sqlite;

import io.vertx.core.Future;
import io.whizbang.projection.DeadLetter;
import io.whizbang.projection.DeadLetterStore;
import io.whizbang.projection.spi.DeadLetterErrors;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Dead letters in the SQLite projection store's file, table {@code dead_letters}, written by the store's one writer
 * thread and read on its read connections, so they survive a restart beside the checkpoints that moved past them.
 *
 * <p>Obtained from {@link SqliteProjectionStore#deadLetters()}; closing it does nothing, the projection store owns
 * the connections.
 */
final class SqliteDeadLetterStore implements DeadLetterStore {
    private static final String PARK = "INSERT INTO dead_letters (perspective, position, tenant, stream, version, type,"
            + " error, attempts, parked_at, status, resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (perspective, position) DO UPDATE SET tenant = excluded.tenant, stream = excluded.stream,"
            + " version = excluded.version, type = excluded.type, error = excluded.error,"
            + " attempts = excluded.attempts, parked_at = excluded.parked_at, status = excluded.status,"
            + " resolved_at = excluded.resolved_at";
    private static final String COLUMNS = "perspective, position, tenant, stream, version, type, error, attempts,"
            + " parked_at, status, resolved_at";
    private static final String LIST = "SELECT " + COLUMNS + " FROM dead_letters WHERE perspective = ?"
            + " ORDER BY position";
    private static final String FIND = "SELECT " + COLUMNS + " FROM dead_letters WHERE perspective = ?"
            + " AND position = ?";
    private static final String RESOLVE = "UPDATE dead_letters SET status = ?, resolved_at = ?"
            + " WHERE perspective = ? AND position = ?";

    private final SqliteWriter writer;
    private final SqliteReaders readers;

    SqliteDeadLetterStore(SqliteWriter writer, SqliteReaders readers) {
        this.writer = writer;
        this.readers = readers;
    }

    @Override
    public Future<Void> park(DeadLetter letter) {
        Objects.requireNonNull(letter, "letter");
        return writer.submit(db -> {
            db.prepare(PARK, letter.perspective(), letter.position(), letter.tenant(), letter.stream(),
                    letter.version(), letter.type(), letter.error(), letter.attempts(), letter.parkedAt().toString(),
                    letter.status().name(), letter.resolvedAt() == null ? null : letter.resolvedAt().toString())
                    .executeUpdate();
            return null;
        });
    }

    @Override
    public Future<List<DeadLetter>> list(String perspective) {
        Objects.requireNonNull(perspective, "perspective");
        return readers.submit(db -> {
            List<DeadLetter> letters = new ArrayList<>();
            try (ResultSet rows = db.prepare(LIST, perspective).executeQuery()) {
                while (rows.next()) {
                    letters.add(letter(rows));
                }
            }
            return letters;
        });
    }

    @Override
    public Future<DeadLetter> resolve(String perspective, long position, DeadLetter.Status outcome, Instant at) {
        Objects.requireNonNull(perspective, "perspective");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(at, "at");
        // read and marked in the writer's transaction, so two operators cannot both resolve one letter
        return writer.submit(db -> {
            DeadLetter letter;
            try (ResultSet rows = db.prepare(FIND, perspective, position).executeQuery()) {
                if (!rows.next()) {
                    throw DeadLetterErrors.notFound(perspective, position);
                }
                letter = letter(rows);
            }
            if (!letter.isParked()) {
                throw DeadLetterErrors.resolved(letter);
            }
            db.prepare(RESOLVE, outcome.name(), at.toString(), perspective, position).executeUpdate();
            return letter.resolved(outcome, at);
        });
    }

    private static DeadLetter letter(ResultSet row) throws SQLException {
        String resolvedAt = row.getString(11);
        return new DeadLetter(row.getString(1), row.getString(3), row.getLong(2), row.getString(4), row.getLong(5),
                row.getString(6), row.getString(7), row.getInt(8), Instant.parse(row.getString(9)),
                DeadLetter.Status.valueOf(row.getString(10)), resolvedAt == null ? null : Instant.parse(resolvedAt));
    }

    @Override
    public Future<Void> close() {
        return Future.succeededFuture();
    }
}

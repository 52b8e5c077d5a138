package io.whizbang.eventstore.sqlite;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.whizbang.outbox.Outbox;
import io.whizbang.outbox.OutboxMessage;
import io.whizbang.outbox.OutboxRecord;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The outbox table of the SQLite ledger: rows are written by the append's transaction, read in sequence order and
 * marked with the time they were published.
 */
final class SqliteOutbox implements Outbox {
    private static final String PENDING = "SELECT sequence, message_id, tenant, destination, key, payload, headers,"
            + " created_at FROM outbox WHERE published_at IS NULL ORDER BY sequence LIMIT ?";
    private static final String MARK = "UPDATE outbox SET published_at = ? WHERE sequence = ? AND published_at IS NULL";

    private final SqliteWriter writer;
    private final SqliteReaders readers;
    private final Clock clock;

    SqliteOutbox(SqliteWriter writer, SqliteReaders readers, Clock clock) {
        this.writer = writer;
        this.readers = readers;
        this.clock = clock;
    }

    @Override
    public Future<List<OutboxRecord>> pending(int max) {
        return readers.submit(db -> {
            PreparedStatement query = db.prepare(PENDING);
            query.setInt(1, Math.max(0, max));
            List<OutboxRecord> records = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    records.add(new OutboxRecord(row.getLong(1), new OutboxMessage(UUID.fromString(row.getString(2)),
                            row.getString(3), row.getString(4), row.getString(5), new JsonObject(row.getString(6)),
                            new JsonObject(row.getString(7))), SqliteRows.instant(row.getLong(8))));
                }
            }
            return records;
        });
    }

    @Override
    public Future<Void> markPublished(List<Long> sequences) {
        if (sequences.isEmpty()) {
            return Future.succeededFuture();
        }
        List<Long> marked = List.copyOf(sequences);
        return writer.submit(db -> {
            PreparedStatement update = db.prepare(MARK);
            long now = SqliteRows.micros(clock.instant());
            for (long sequence : marked) {
                update.setLong(1, now);
                update.setLong(2, sequence);
                update.executeUpdate();
            }
            return null;
        }, false);
    }
}

package io.whizbang.eventstore.sqlite;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.whizbang.ledger.Snapshot;
import io.whizbang.ledger.SnapshotStore;
import io.whizbang.ledger.StreamId;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * The snapshots table of the SQLite ledger: the newest snapshot per tenant and stream.
 */
final class SqliteSnapshotStore implements SnapshotStore {
    private static final String LOAD = "SELECT version, state_type, schema_version, state, taken_at FROM snapshots"
            + " WHERE tenant = ? AND stream = ?";
    private static final String SAVE = "INSERT INTO snapshots (tenant, stream, version, state_type, schema_version,"
            + " state, taken_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant, stream) DO UPDATE SET"
            + " version = excluded.version, state_type = excluded.state_type,"
            + " schema_version = excluded.schema_version, state = excluded.state, taken_at = excluded.taken_at"
            + " WHERE excluded.version > snapshots.version";

    private final SqliteWriter writer;
    private final SqliteReaders readers;

    SqliteSnapshotStore(SqliteWriter writer, SqliteReaders readers) {
        this.writer = writer;
        this.readers = readers;
    }

    @Override
    public Future<Optional<Snapshot>> load(String tenant, StreamId stream) {
        return readers.submit(db -> {
            PreparedStatement query = db.prepare(LOAD);
            query.setString(1, tenant);
            query.setString(2, stream.value());
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Snapshot(tenant, stream, row.getLong(1), row.getString(2), row.getInt(3),
                        new JsonObject(row.getString(4)), SqliteRows.instant(row.getLong(5))));
            }
        });
    }

    @Override
    public Future<Void> save(Snapshot snapshot) {
        String state = snapshot.state().encode();
        return writer.submit(db -> {
            PreparedStatement upsert = db.prepare(SAVE);
            upsert.setString(1, snapshot.tenant());
            upsert.setString(2, snapshot.stream().value());
            upsert.setLong(3, snapshot.version());
            upsert.setString(4, snapshot.stateType());
            upsert.setInt(5, snapshot.schemaVersion());
            upsert.setString(6, state);
            upsert.setLong(7, SqliteRows.micros(snapshot.takenAt()));
            upsert.executeUpdate();
            return null;
        }, false);
    }
}

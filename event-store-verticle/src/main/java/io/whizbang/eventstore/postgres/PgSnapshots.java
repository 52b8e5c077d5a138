package io.whizbang.eventstore.postgres;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowIterator;
import io.vertx.sqlclient.Tuple;
import io.whizbang.ledger.Snapshot;
import io.whizbang.ledger.SnapshotStore;
import io.whizbang.ledger.StreamId;

import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The snapshots table: the newest snapshot of each stream; saving an older (or equally old) one changes nothing.
 */
final class PgSnapshots implements SnapshotStore {
    private final Pool pool;
    private final PgStatements sql;
    private final String store;

    PgSnapshots(Pool pool, PgStatements sql, String store) {
        this.pool = pool;
        this.sql = sql;
        this.store = store;
    }

    @Override
    public Future<Optional<Snapshot>> load(String tenant, StreamId stream) {
        return pool.preparedQuery(sql.loadSnapshot).execute(Tuple.of(tenant, stream.value()))
                .recover(failure -> Future.failedFuture(PgErrors.map(failure, store)))
                .map(rows -> {
                    RowIterator<Row> found = rows.iterator();
                    if (!found.hasNext()) {
                        return Optional.empty();
                    }
                    Row row = found.next();
                    return Optional.of(new Snapshot(tenant, stream, row.getLong("version"),
                            row.getString("state_type"), row.getInteger("schema_version"), PgRows.json(row, "state"),
                            row.getOffsetDateTime("taken_at").toInstant()));
                });
    }

    @Override
    public Future<Void> save(Snapshot snapshot) {
        return pool.preparedQuery(sql.saveSnapshot)
                .execute(Tuple.of(snapshot.tenant(), snapshot.stream().value(), snapshot.version(),
                        snapshot.stateType(), snapshot.schemaVersion(), snapshot.state(),
                        snapshot.takenAt().atOffset(ZoneOffset.UTC)))
                .recover(failure -> Future.failedFuture(PgErrors.map(failure, store)))
                .mapEmpty();
    }
}

package io.whizbang.eventstore.postgres;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import io.whizbang.error.PermanentException;
import io.whizbang.outbox.Outbox;
import io.whizbang.outbox.OutboxRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * The outbox table: rows written by the append statement, so visible only once their events committed; pending until
 * marked published.
 *
 * <p>Pending rows come in sequence order. Sequences are taken at insert and so may commit out of order, but a relay
 * reads every unpublished row each time rather than from a cursor, so a late commit is never skipped; and the rows of
 * one stream are in order, since an append to a stream runs only after the previous one committed.
 */
final class PgOutbox implements Outbox {
    private final Pool pool;
    private final PgStatements sql;
    private final String store;

    PgOutbox(Pool pool, PgStatements sql, String store) {
        this.pool = pool;
        this.sql = sql;
        this.store = store;
    }

    @Override
    public Future<List<OutboxRecord>> pending(int max) {
        if (max < 0) {
            return Future.failedFuture(PermanentException.invalid("max cannot be negative, was " + max));
        }
        return pool.preparedQuery(sql.pendingOutbox).execute(Tuple.of(max))
                .recover(failure -> Future.failedFuture(PgErrors.map(failure, store)))
                .map(rows -> {
                    List<OutboxRecord> records = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        records.add(PgRows.outbox(row));
                    }
                    return records;
                });
    }

    @Override
    public Future<Void> markPublished(List<Long> sequences) {
        if (sequences.isEmpty()) {
            return Future.succeededFuture();
        }
        return pool.preparedQuery(sql.markPublished)
                .execute(Tuple.tuple().addArrayOfLong(sequences.toArray(Long[]::new)))
                .recover(failure -> Future.failedFuture(PgErrors.map(failure, store)))
                .mapEmpty();
    }
}

package io.whizbang.eventstore.postgres;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import io.whizbang.error.PermanentException;
import io.whizbang.ledger.AppendResult;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.StreamAppend;
import io.whizbang.ledger.StreamId;
import io.whizbang.outbox.OutboxMessage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Recognises an append that is a retry of one already stored (its event ids are stored, in the same streams) and
 * answers the original result, as the memory driver does; an append that only partly repeats, or repeats ids in
 * another stream, is a conflict.
 */
final class PgRepeats {
    private final Pool pool;
    private final PgStatements sql;
    private final String store;

    PgRepeats(Pool pool, PgStatements sql, String store) {
        this.pool = pool;
        this.sql = sql;
        this.store = store;
    }

    /** The original result when every event of the append is stored where it would go; null if none is. */
    Future<AppendResult> original(List<StreamAppend> appends) {
        UUID[] ids = appends.stream().flatMap(append -> append.events().stream()).map(EventData::eventId)
                .toArray(UUID[]::new);
        if (ids.length == 0) {
            return Future.succeededFuture();
        }
        return stored(ids).compose(stored -> {
            try {
                return Future.succeededFuture(original(appends, stored));
            } catch (RuntimeException e) {
                return Future.failedFuture(e);
            }
        });
    }

    /** The conflict of an append whose outbox message ids are stored already. */
    Future<AppendResult> duplicateMessage(List<OutboxMessage> outbox) {
        UUID[] ids = outbox.stream().map(OutboxMessage::messageId).toArray(UUID[]::new);
        return pool.preparedQuery(sql.storedMessages).execute(Tuple.tuple().addArrayOfUUID(ids))
                .recover(failure -> Future.failedFuture(PgErrors.map(failure, store)))
                .compose(rows -> Future.failedFuture(PermanentException.conflict("outbox message id "
                        + (rows.size() == 0 ? "" : rows.iterator().next().getUUID("message_id") + " ")
                        + "is already stored")));
    }

    /** The stored events among the ids. */
    private Future<Map<UUID, Stored>> stored(UUID[] ids) {
        return pool.preparedQuery(sql.storedEvents).execute(Tuple.tuple().addArrayOfUUID(ids))
                .recover(failure -> Future.failedFuture(PgErrors.map(failure, store)))
                .map(rows -> {
                    Map<UUID, Stored> stored = new HashMap<>();
                    for (Row row : rows) {
                        stored.put(row.getUUID("event_id"), new Stored(row.getString("tenant"),
                                row.getString("stream"), row.getLong("version"), row.getLong("position")));
                    }
                    return stored;
                });
    }

    private static AppendResult original(List<StreamAppend> appends, Map<UUID, Stored> stored) {
        List<AppendResult.StreamVersion> versions = new ArrayList<>();
        long position = 0;
        boolean seen = false;
        boolean unseen = false;
        for (StreamAppend append : appends) {
            long version = 0;
            for (EventData data : append.events()) {
                Stored event = stored.get(data.eventId());
                if (event == null) {
                    unseen = true;
                    continue;
                }
                seen = true;
                if (!event.tenant().equals(append.tenant()) || !event.stream().equals(append.stream().value())) {
                    throw PermanentException.conflict("event id " + data.eventId() + " is already stored in stream "
                            + StreamId.parse(event.stream()) + " of tenant " + event.tenant());
                }
                version = event.version();
                position = Math.max(position, event.position());
            }
            versions.add(new AppendResult.StreamVersion(append.tenant(), append.stream(), version));
        }
        if (seen && unseen) {
            throw PermanentException.conflict("some but not all event ids of the append are already stored");
        }
        return seen ? new AppendResult(versions, position) : null;
    }

    /** Where a stored event is. */
    private record Stored(String tenant, String stream, long version, long position) {
    }
}

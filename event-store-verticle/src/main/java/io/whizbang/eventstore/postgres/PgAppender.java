package io.whizbang.eventstore.postgres;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import io.whizbang.error.ConcurrencyException;
import io.whizbang.error.PermanentException;
import io.whizbang.ledger.AlreadyHandledException;
import io.whizbang.ledger.AppendResult;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.InboxEntry;
import io.whizbang.ledger.ExpectedVersion;
import io.whizbang.ledger.StreamAppend;
import io.whizbang.ledger.spi.AppendChecks;
import io.whizbang.outbox.OutboxMessage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Writes appends: one statement checks the expected versions and inserts the events and outbox rows (atomic, one
 * round trip), and a second one, pipelined behind it on the same connection, gets the events their final positions,
 * so that the result carries them.
 *
 * <p>A retried append whose event ids are already stored answers the original result, as every driver does; see
 * {@link PgRepeats}.
 */
final class PgAppender {
    /** How many times an append runs again after a concurrent writer took the version it was about to write. */
    static final int MAX_ATTEMPTS = 20;

    private final Pool pool;
    private final PgStatements sql;
    private final PgRepeats repeats;
    private final int maxEventBytes;
    private final int sequencerBatchSize;
    private final String store;

    PgAppender(Pool pool, PgStatements sql, int maxEventBytes, int sequencerBatchSize, String store) {
        this.pool = pool;
        this.sql = sql;
        this.repeats = new PgRepeats(pool, sql, sequencerBatchSize, store);
        this.maxEventBytes = maxEventBytes;
        this.sequencerBatchSize = sequencerBatchSize;
        this.store = store;
    }

    /** Appends atomically; the result carries each stream's new version and the last event's global position. */
    Future<AppendResult> append(List<StreamAppend> appends, List<OutboxMessage> outbox) {
        return append(appends, outbox, null);
    }

    /**
     * Appends atomically, recording the incoming message (when not null) in the inbox in the same statement; fails
     * with {@link AlreadyHandledException} and writes nothing when the inbox already holds it.
     */
    Future<AppendResult> append(List<StreamAppend> appends, List<OutboxMessage> outbox, InboxEntry received) {
        Tuple parameters;
        try {
            AppendChecks.check(appends, maxEventBytes);
            checkOutbox(outbox);
            parameters = parameters(appends, outbox);
            if (received != null) {
                parameters.addValue(received.messageId()).addValue(received.tenant());
            }
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        return attempt(appends, outbox, parameters, received, lastEventId(appends), 1);
    }

    private Future<AppendResult> attempt(List<StreamAppend> appends, List<OutboxMessage> outbox, Tuple parameters,
                                         InboxEntry received, UUID lastEvent, int attempt) {
        String statement = received == null ? sql.append : sql.appendReceived;
        return pool.withConnection(connection -> {
                    // Both go out at once; the server runs the second after the first committed.
                    Future<RowSet<Row>> written = connection.preparedQuery(statement).execute(parameters);
                    Future<RowSet<Row>> positioned = lastEvent == null ? connection.preparedQuery(sql.head).execute()
                            : connection.preparedQuery(sql.sequenceEvent)
                                    .execute(Tuple.of(lastEvent, sequencerBatchSize));
                    return Future.join(written, positioned)
                            .transform(settled -> Future.succeededFuture(new Outcome(written, positioned)));
                })
                .recover(failure -> Future.failedFuture(PgErrors.map(failure, store)))
                .compose(outcome -> settle(appends, outbox, parameters, received, lastEvent, attempt, outcome));
    }

    private Future<AppendResult> settle(List<StreamAppend> appends, List<OutboxMessage> outbox, Tuple parameters,
                                        InboxEntry received, UUID lastEvent, int attempt, Outcome outcome) {
        if (outcome.written().failed()) {
            Throwable failure = outcome.written().cause();
            if (received != null && PgErrors.isUniqueViolation(failure, PgErrors.INBOX_KEY)) {
                return Future.failedFuture(AlreadyHandledException.of(received));
            }
            if (PgErrors.isUniqueViolation(failure, PgErrors.STREAM_VERSION_KEY)) {
                return attempt < MAX_ATTEMPTS ? attempt(appends, outbox, parameters, received, lastEvent,
                        attempt + 1)
                        : Future.failedFuture(PermanentException.conflict("the append to " + streams(appends)
                                + " lost the race for the next version " + MAX_ATTEMPTS + " times; retry"));
            }
            if (PgErrors.isUniqueViolation(failure, PgErrors.EVENT_ID_KEY)) {
                return repeats.original(appends)
                        .compose(original -> original != null ? Future.succeededFuture(original)
                                : Future.failedFuture(PgErrors.map(failure, store)));
            }
            if (PgErrors.isUniqueViolation(failure, PgErrors.MESSAGE_ID_KEY)) {
                return repeats.original(appends)
                        .compose(original -> original != null ? Future.succeededFuture(original)
                                : repeats.duplicateMessage(outbox));
            }
            return Future.failedFuture(PgErrors.map(failure, store));
        }
        Row row = outcome.written().result().iterator().next();
        Long[] before = row.getArrayOfLongs("versions");
        if (!row.getBoolean("ok")) {
            return repeats.original(appends)
                    .compose(original -> original != null ? Future.succeededFuture(original)
                            : Future.failedFuture(conflict(appends, before)));
        }
        if (outcome.positioned().failed()) {
            // The events are committed; a retry with the same ids answers their positions.
            return Future.failedFuture(PgErrors.map(outcome.positioned().cause(), store));
        }
        Long position = outcome.positioned().result().iterator().next().getLong(0);
        if (position == null) {
            return Future.failedFuture(PgErrors.map(new IllegalStateException("event " + lastEvent
                    + " was written but is not found"), store));
        }
        List<AppendResult.StreamVersion> versions = new ArrayList<>(appends.size());
        for (int i = 0; i < appends.size(); i++) {
            StreamAppend append = appends.get(i);
            versions.add(new AppendResult.StreamVersion(append.tenant(), append.stream(),
                    before[i] + append.events().size()));
        }
        return Future.succeededFuture(new AppendResult(versions, position));
    }

    private static ConcurrencyException conflict(List<StreamAppend> appends, Long[] current) {
        for (int i = 0; i < appends.size(); i++) {
            StreamAppend append = appends.get(i);
            if (!append.expected().matches(current[i])) {
                return ConcurrencyException.conflict(append.tenant(), append.stream().value(),
                        append.expected().toString(), current[i]);
            }
        }
        throw new IllegalStateException("the append was refused although every expected version matches");
    }

    private static void checkOutbox(List<OutboxMessage> outbox) {
        Set<UUID> ids = new HashSet<>();
        for (OutboxMessage message : outbox) {
            if (!ids.add(message.messageId())) {
                throw PermanentException.invalid("outbox message id " + message.messageId()
                        + " appears twice in one append");
            }
        }
    }

    /** The statement's sixteen arrays: streams, events, outbox rows. */
    private static Tuple parameters(List<StreamAppend> appends, List<OutboxMessage> outbox) {
        int streams = appends.size();
        int count = appends.stream().mapToInt(append -> append.events().size()).sum();
        String[] tenants = new String[streams];
        String[] names = new String[streams];
        Long[] expected = new Long[streams];
        Integer[] index = new Integer[count];
        Long[] place = new Long[count];
        UUID[] ids = new UUID[count];
        String[] types = new String[count];
        Integer[] schemaVersions = new Integer[count];
        JsonObject[] payloads = new JsonObject[count];
        JsonObject[] metadata = new JsonObject[count];
        int n = 0;
        for (int s = 0; s < streams; s++) {
            StreamAppend append = appends.get(s);
            tenants[s] = append.tenant();
            names[s] = append.stream().value();
            expected[s] = append.expected() instanceof ExpectedVersion.Exactly exactly
                    ? exactly.version() : -1L;
            long p = 0;
            for (EventData event : append.events()) {
                index[n] = s + 1;
                place[n] = ++p;
                ids[n] = event.eventId();
                types[n] = event.type();
                schemaVersions[n] = event.schemaVersion();
                payloads[n] = event.payload();
                metadata[n] = event.metadata();
                n++;
            }
        }
        int messages = outbox.size();
        UUID[] messageIds = new UUID[messages];
        String[] messageTenants = new String[messages];
        String[] destinations = new String[messages];
        String[] keys = new String[messages];
        JsonObject[] messagePayloads = new JsonObject[messages];
        JsonObject[] headers = new JsonObject[messages];
        for (int m = 0; m < messages; m++) {
            OutboxMessage message = outbox.get(m);
            messageIds[m] = message.messageId();
            messageTenants[m] = message.tenant();
            destinations[m] = message.destination();
            keys[m] = message.key();
            messagePayloads[m] = message.payload();
            headers[m] = message.headers();
        }
        return Tuple.tuple()
                .addArrayOfString(tenants).addArrayOfString(names).addArrayOfLong(expected)
                .addArrayOfInteger(index).addArrayOfLong(place).addArrayOfUUID(ids).addArrayOfString(types)
                .addArrayOfInteger(schemaVersions).addArrayOfJsonObject(payloads).addArrayOfJsonObject(metadata)
                .addArrayOfUUID(messageIds).addArrayOfString(messageTenants).addArrayOfString(destinations)
                .addArrayOfString(keys).addArrayOfJsonObject(messagePayloads).addArrayOfJsonObject(headers);
    }

    private static UUID lastEventId(List<StreamAppend> appends) {
        for (int s = appends.size() - 1; s >= 0; s--) {
            List<EventData> events = appends.get(s).events();
            if (!events.isEmpty()) {
                return events.get(events.size() - 1).eventId();
            }
        }
        return null;
    }

    private static String streams(List<StreamAppend> appends) {
        return String.join(", ", appends.stream().map(a -> a.stream() + " of tenant " + a.tenant()).toList());
    }

    /** What the two pipelined statements answered. */
    private record Outcome(AsyncResult<RowSet<Row>> written, AsyncResult<RowSet<Row>> positioned) {
    }
}

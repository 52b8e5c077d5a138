package io.whizbang.eventstore.postgres;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowIterator;
import io.vertx.sqlclient.Tuple;
import io.whizbang.error.PermanentException;
import io.whizbang.ledger.AppendResult;
import io.whizbang.ledger.InboxEntry;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.SnapshotStore;
import io.whizbang.ledger.StreamAppend;
import io.whizbang.ledger.StreamId;
import io.whizbang.ledger.StreamInfo;
import io.whizbang.ledger.StreamSlice;
import io.whizbang.ledger.spi.AppendListeners;
import io.whizbang.outbox.Outbox;
import io.whizbang.outbox.OutboxMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The ledger in PostgreSQL, on the Vert.x reactive client (pooled, pipelined connections), with its outbox and
 * snapshots in the same database.
 *
 * <p><b>Global order without gaps.</b> Appends run in append transactions that move the head row on (the position
 * of the last event) and hold its lock until they commit, one writer at a time across every node, numbering their
 * events densely after the head they moved on from: positions become visible in their order, so {@link #readAll}
 * never passes an event that commits late. A lone append to one stream is one plain statement; appends that share a
 * transaction, or carry outbox or inbox rows, are one call of {@code append_events} (migration V6).
 * The appends that arrive while a transaction is in flight share the next one, and its commit (see
 * {@code PgAppender}). A commit wakes this node's {@link #onAppend} listeners at once, and those of the other nodes
 * by a notification on {@code <schema>_appended} within a few milliseconds ({@code PgAppendSignal}); a node that no
 * other node listens to announces nothing ({@code PgListeningNodes}).
 *
 * <p><b>Tenancy.</b> Every statement on a stream names its tenant. Row-level security is the second wall: every role
 * but the tables' owner sees only the rows of the tenant its session is bound to ({@code SET whizbang.tenant}). The
 * ledger connects as the owner, which the policies do not restrict, because {@link #readAll} serves every tenant's
 * perspectives.
 *
 * <p><b>Durability.</b> An append is acknowledged once its transaction's commit is on disk; the appends of one
 * transaction share one log flush.
 *
 * <p><b>Errors.</b> Bad input is {@code INVALID_ARGUMENT} with nothing written; a stale expected version a
 * {@link io.whizbang.error.ConcurrencyException}; a server that is away {@code UNAVAILABLE}, and the same append
 * retried with the same event ids once it is back answers the original result if the first try had committed.
 */
public final class PostgresLedger implements Ledger {
    /** How long an append waits for the head row's lock that another writer holds. */
    static final String APPEND_LOCK_TIMEOUT = "10s";

    private final PostgresLedgerOptions options;
    private final Pool pool;
    private final PgStatements sql;
    private final String store;
    private final AppendListeners listeners = new AppendListeners();
    private final PgAppender appender;
    private final PgNotifications notifications;
    private final PgListeningNodes listening;
    private final PgOutbox outbox;
    private final PgSnapshots snapshots;

    private PostgresLedger(Vertx vertx, PostgresLedgerOptions options, long listenerCheckMillis) {
        this.options = options;
        this.store = options.describe();
        this.sql = new PgStatements(options.getSchema());
        this.pool = PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(options.getPoolSize()))
                // An append waits for the head row's lock at most this long, then fails UNAVAILABLE (safe to retry).
                .connectingTo(options.connectOptions().addProperty("lock_timeout", APPEND_LOCK_TIMEOUT))
                // A connection that breaks while idle in the pool has no caller to tell; the next use reconnects.
                .withConnectHandler(connection -> connection.exceptionHandler(ignored -> { }).close())
                .using(vertx)
                .build();
        // Names this ledger in its notifications, so that its own listener, woken by the appends, skips them.
        String node = UUID.randomUUID().toString();
        PgAppendSignal signal = new PgAppendSignal(vertx, pool, sql, node, this::listenerProcessId,
                listenerCheckMillis);
        this.listening = signal.listening();
        this.appender = new PgAppender(vertx, pool, sql, options.getMaxEventBytes(), store, signal);
        this.notifications = new PgNotifications(vertx, options.connectOptions(), sql, node,
                options.getMaxReconnectDelayMillis(), listeners::fire, listening);
        this.outbox = new PgOutbox(pool, sql, store);
        this.snapshots = new PgSnapshots(pool, sql, store);
    }

    /**
     * Connects to the server, creates or migrates the ledger's schema (safe when several nodes start at once), starts
     * listening for notifications. Fails with {@code UNAVAILABLE} when the server
     * cannot be reached.
     */
    public static Future<PostgresLedger> connect(Vertx vertx, PostgresLedgerOptions options) {
        return connect(vertx, options, PgListeningNodes.CHECK_MILLIS);
    }

    /** As {@link #connect(Vertx, PostgresLedgerOptions)}, looking whether other nodes listen this often. */
    static Future<PostgresLedger> connect(Vertx vertx, PostgresLedgerOptions options, long listenerCheckMillis) {
        PostgresLedgerOptions own = new PostgresLedgerOptions(options);
        String store = own.describe();
        return PgMigrations.migrate(vertx, own.connectOptions(), own.getSchema())
                .recover(failure -> Future.failedFuture(PgErrors.map(failure, store)))
                .compose(migrated -> {
                    PostgresLedger ledger = new PostgresLedger(vertx, own, listenerCheckMillis);
                    return ledger.notifications.start()
                            .compose(listening -> ledger.listening.start())
                            .recover(failure -> ledger.close()
                                    .transform(closed -> Future.failedFuture(PgErrors.map(failure, store))))
                            .map(listening -> ledger);
                });
    }

    /** The options the ledger runs with (a copy of those given). */
    public PostgresLedgerOptions options() {
        return new PostgresLedgerOptions(options);
    }

    @Override
    public Future<AppendResult> append(List<StreamAppend> appends, List<OutboxMessage> outbox) {
        return appender.append(appends, outbox).onSuccess(result -> listeners.fire());
    }

    @Override
    public Future<AppendResult> append(List<StreamAppend> appends, List<OutboxMessage> outbox, InboxEntry received) {
        return appender.append(appends, outbox, Objects.requireNonNull(received, "received"))
                .onSuccess(result -> listeners.fire());
    }

    @Override
    public Future<Boolean> markHandled(InboxEntry received) {
        return pool.preparedQuery(sql.markHandled).execute(Tuple.of(received.messageId(), received.tenant()))
                .map(rows -> rows.rowCount() == 1)
                .recover(failure -> Future.failedFuture(PgErrors.map(failure, store)));
    }

    @Override
    public Future<Boolean> handled(UUID messageId) {
        return pool.preparedQuery(sql.handled).execute(Tuple.of(messageId))
                .map(rows -> rows.size() > 0)
                .recover(failure -> Future.failedFuture(PgErrors.map(failure, store)));
    }

    @Override
    public boolean keepsInbox() {
        return true;
    }

    @Override
    public Outbox outbox() {
        return outbox;
    }

    @Override
    public SnapshotStore snapshots() {
        return snapshots;
    }

    /** Reads one stream by version. */
    @Override
    public Future<StreamSlice> readStream(String tenant, StreamId stream, long fromVersion, int maxCount) {
        if (maxCount < 0) {
            return Future.failedFuture(PermanentException.invalid("maxCount cannot be negative, was " + maxCount));
        }
        long from = Math.max(1, fromVersion);
        return pool.preparedQuery(sql.readStream).execute(Tuple.of(tenant, stream.value(), from, maxCount))
                .recover(failure -> Future.failedFuture(PgErrors.map(failure, store)))
                .map(rows -> {
                    long streamVersion = 0;
                    List<RecordedEvent> events = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        streamVersion = row.getLong("stream_version");
                        if (row.getUUID("event_id") != null) {
                            events.add(PgRows.event(row));
                        }
                    }
                    boolean end = events.isEmpty() ? from > streamVersion
                            : events.get(events.size() - 1).version() == streamVersion;
                    return new StreamSlice(events, streamVersion, end);
                });
    }

    /** The stream's version and the times of its first and last events, from two index probes. */
    @Override
    public Future<StreamInfo> info(String tenant, StreamId stream) {
        return pool.preparedQuery(sql.streamInfo).execute(Tuple.of(tenant, stream.value()))
                .recover(failure -> Future.failedFuture(PgErrors.map(failure, store)))
                .map(rows -> {
                    RowIterator<Row> found = rows.iterator();
                    if (!found.hasNext()) {
                        return new StreamInfo(tenant, stream, 0, null, null);
                    }
                    Row row = found.next();
                    return new StreamInfo(tenant, stream, row.getLong("version"),
                            row.getOffsetDateTime("created_at").toInstant(),
                            row.getOffsetDateTime("updated_at").toInstant());
                });
    }

    /** Reads the global order after a position. */
    @Override
    public Future<List<RecordedEvent>> readAll(long afterPosition, int maxCount) {
        if (maxCount < 0) {
            return Future.failedFuture(PermanentException.invalid("maxCount cannot be negative, was " + maxCount));
        }
        return pool.preparedQuery(sql.readAll).execute(Tuple.of(afterPosition, maxCount))
                .recover(failure -> Future.failedFuture(PgErrors.map(failure, store)))
                .map(rows -> {
                    List<RecordedEvent> events = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        events.add(PgRows.event(row));
                    }
                    return events;
                });
    }

    @Override
    public Future<Long> head() {
        return pool.query(sql.head).execute()
                .recover(failure -> Future.failedFuture(PgErrors.map(failure, store)))
                .map(rows -> rows.iterator().next().getLong("head"));
    }

    @Override
    public Runnable onAppend(Runnable listener) {
        return listeners.add(listener);
    }

    /** The backend process id of the listening connection, or 0 while there is none. */
    private int listenerProcessId() {
        return notifications.listenerProcessId();
    }

    /** Closes the notification connection and the pool. */
    @Override
    public Future<Void> close() {
        listening.close();
        return notifications.close().otherwiseEmpty()
                .compose(stopped -> pool.close());
    }
}

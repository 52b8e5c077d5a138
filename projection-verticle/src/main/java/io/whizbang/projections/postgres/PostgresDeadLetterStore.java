package io.whizbang.projections.postgres;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import io.whizbang.projection.DeadLetter;
import io.whizbang.projection.DeadLetterStore;
import io.whizbang.projection.spi.DeadLetterErrors;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The dead letters of perspectives in PostgreSQL, kept in the projection store's schema (table {@code dead_letters},
 * behind the same tenant wall as the documents) on the store's connections; see
 * {@link PostgresProjectionStore#deadLetters()}. Times are kept to the microsecond.
 */
public final class PostgresDeadLetterStore implements DeadLetterStore {
    private static final String COLUMNS = "perspective, position, tenant, stream, version, type, error, attempts,"
            + " parked_at, status, resolved_at";

    private final Pool pool;
    private final String store;
    private final String park;
    private final String list;
    private final String find;
    private final String resolve;

    PostgresDeadLetterStore(Pool pool, String schema, String store) {
        this.pool = pool;
        this.store = "the dead letters of " + store;
        this.park = "INSERT INTO " + schema + ".dead_letters (" + COLUMNS + ")"
                + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
                + " ON CONFLICT (perspective, position) DO UPDATE SET tenant = excluded.tenant,"
                + " stream = excluded.stream, version = excluded.version, type = excluded.type,"
                + " error = excluded.error, attempts = excluded.attempts, parked_at = excluded.parked_at,"
                + " status = excluded.status, resolved_at = excluded.resolved_at";
        this.list = "SELECT " + COLUMNS + " FROM " + schema + ".dead_letters WHERE perspective = $1"
                + " ORDER BY position";
        this.find = "SELECT " + COLUMNS + " FROM " + schema + ".dead_letters WHERE perspective = $1"
                + " AND position = $2";
        // resolves only a parked letter, so two operators resolving at once cannot both succeed
        this.resolve = "UPDATE " + schema + ".dead_letters SET status = $3, resolved_at = $4"
                + " WHERE perspective = $1 AND position = $2 AND status = 'PARKED' RETURNING " + COLUMNS;
    }

    @Override
    public Future<Void> park(DeadLetter letter) {
        Objects.requireNonNull(letter, "letter");
        Tuple row = Tuple.of(letter.perspective(), letter.position(), letter.tenant(), letter.stream(),
                letter.version(), letter.type(), letter.error(), letter.attempts(), time(letter.parkedAt()),
                letter.status().name(), time(letter.resolvedAt()));
        return pool.preparedQuery(park).execute(row).<Void>mapEmpty()
                .recover(failure -> Future.failedFuture(PgErrors.map(failure, store)));
    }

    @Override
    public Future<List<DeadLetter>> list(String perspective) {
        Objects.requireNonNull(perspective, "perspective");
        return pool.preparedQuery(list).execute(Tuple.of(perspective))
                .map(rows -> {
                    List<DeadLetter> letters = new ArrayList<>(rows.size());
                    rows.forEach(row -> letters.add(letter(row)));
                    return letters;
                })
                .recover(failure -> Future.failedFuture(PgErrors.map(failure, store)));
    }

    @Override
    public Future<DeadLetter> resolve(String perspective, long position, DeadLetter.Status outcome, Instant at) {
        Objects.requireNonNull(perspective, "perspective");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(at, "at");
        return pool.preparedQuery(resolve).execute(Tuple.of(perspective, position, outcome.name(), time(at)))
                .compose(updated -> {
                    if (updated.size() == 1) {
                        return Future.succeededFuture(letter(updated.iterator().next()));
                    }
                    // not parked: say whether it is missing or already resolved
                    return pool.preparedQuery(find).execute(Tuple.of(perspective, position))
                            .compose(found -> Future.failedFuture(found.size() == 0
                                    ? DeadLetterErrors.notFound(perspective, position)
                                    : DeadLetterErrors.resolved(letter(found.iterator().next()))));
                })
                .recover(failure -> Future.failedFuture(PgErrors.map(failure, store)));
    }

    /** Does nothing: the dead letters live as long as their projection store, which closes the connections. */
    @Override
    public Future<Void> close() {
        return Future.succeededFuture();
    }

    @Override
    public String toString() {
        return store;
    }

    private static DeadLetter letter(Row row) {
        return new DeadLetter(row.getString("perspective"), row.getString("tenant"), row.getLong("position"),
                row.getString("stream"), row.getLong("version"), row.getString("type"), row.getString("error"),
                row.getInteger("attempts"), instant(row.getOffsetDateTime("parked_at")),
                DeadLetter.Status.valueOf(row.getString("status")), instant(row.getOffsetDateTime("resolved_at")));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}

package io.whizbang.eventstore.postgres;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowIterator;
import io.vertx.sqlclient.Tuple;
import io.whizbang.ledger.StreamAppend;

import java.util.List;

/**
 * One append transaction: the appends' call of {@code append_events}, a statement of its own, so one transaction
 * that commits or rolls back whole; it takes the head row's lock, which orders every writer's positions.
 */
final class PgAppendTransaction {
    private PgAppendTransaction() {
    }

    /**
     * What a transaction came to, when the server answered.
     *
     * @param committed whether it committed
     * @param answer    when it committed, what it answered of its appends
     * @param failure   when the server refused it (and wrote nothing), why
     */
    record Outcome(boolean committed, Answer answer, Throwable failure) {
    }

    /**
     * What a committed transaction answered.
     *
     * @param ok            per append, in order: whether it passed and was written
     * @param handled       per append: whether the inbox held its incoming message (then it was not written)
     * @param versions      per stream of every append, in order: its version before the transaction
     * @param lastPositions per append: the position of its last event, or of the last event written before it
     */
    record Answer(Boolean[] ok, Boolean[] handled, Long[] versions, Long[] lastPositions) {
        static Answer of(Row row) {
            return new Answer(row.getArrayOfBooleans("ok"), row.getArrayOfBooleans("handled"),
                    row.getArrayOfLongs("versions"), row.getArrayOfLongs("last_positions"));
        }
    }

    /**
     * Runs the appends in one transaction, which notifies the other nodes with the given payload unless it is null.
     * Fails when the outcome is unknown or nothing was sent: the connection broke or could not be had.
     *
     * <p>A lone append to one stream, with no outbox or inbox rows (most commands, and every append at concurrency
     * 1), goes as a plain statement ({@link PgStreamAppendStatements}), which costs the server a fraction of the
     * {@code append_events} call; when that statement writes nothing or a unique key refuses it, the append runs
     * again through {@code append_events}, which tells why.
     */
    static Future<Outcome> run(Pool pool, PgStatements sql, List<PgAppender.QueuedAppend> appends,
                               String announcement) {
        if (appends.size() == 1 && appends.get(0).isSingleStream()) {
            return runSingleStream(pool, sql, appends.get(0).appends().get(0), announcement)
                    .compose(outcome -> outcome != null ? Future.succeededFuture(outcome)
                            : runAll(pool, sql, appends, announcement));
        }
        return runAll(pool, sql, appends, announcement);
    }

    private static Future<Outcome> runAll(Pool pool, PgStatements sql, List<PgAppender.QueuedAppend> appends,
                                          String announcement) {
        Tuple parameters = PgAppendParameters.of(appends, announcement);
        return pool.preparedQuery(sql.append).execute(parameters).transform(done -> {
            if (done.succeeded()) {
                return Future.succeededFuture(new Outcome(true, Answer.of(done.result().iterator().next()), null));
            }
            return done.cause() instanceof PgException refused
                    ? Future.succeededFuture(new Outcome(false, null, refused))
                    : Future.failedFuture(done.cause());
        });
    }

    /**
     * The outcome of the single-stream statement, or null when it wrote nothing (the stream did not seem to be at
     * the expected version) or a unique key refused it: both need {@code append_events} to tell why. Any other
     * refusal (data the server cannot store, the head row's lock not granted in time) is the outcome itself.
     */
    private static Future<Outcome> runSingleStream(Pool pool, PgStatements sql, StreamAppend append,
                                                   String announcement) {
        String statement = sql.appendStream.sql(append.events().size(), announcement != null);
        return pool.preparedQuery(statement).execute(PgAppendParameters.ofStream(append, announcement))
                .transform(done -> {
                    if (done.succeeded()) {
                        RowIterator<Row> rows = done.result().iterator();
                        if (!rows.hasNext()) {
                            return Future.succeededFuture();
                        }
                        Row row = rows.next();
                        long first = row.getLong("first");
                        Answer answer = new Answer(new Boolean[] {true}, new Boolean[] {false},
                                new Long[] {row.getLong("version")}, new Long[] {first + append.events().size()});
                        return Future.succeededFuture(new Outcome(true, answer, null));
                    }
                    if (!(done.cause() instanceof PgException refused)) {
                        return Future.failedFuture(done.cause());
                    }
                    // A unique key: a repeat, a stream another node wrote meanwhile, ... append_events tells which.
                    return PgErrors.isUniqueViolation(refused) ? Future.succeededFuture()
                            : Future.succeededFuture(new Outcome(false, null, refused));
                });
    }
}

package io.whizbang.eventstore.postgres;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.List;

/**
 * One append transaction: the appends' call of {@code append_events}, a statement of its own, so one transaction
 * that commits or rolls back whole; the function takes the append lock that orders every writer's positions.
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
     */
    static Future<Outcome> run(Pool pool, PgStatements sql, List<PgAppender.QueuedAppend> appends,
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
}

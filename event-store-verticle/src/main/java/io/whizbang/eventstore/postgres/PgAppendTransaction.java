package io.whizbang.eventstore.postgres;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
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
     * @param answers   when it committed, the row of each append, in the order of the appends
     * @param failure   when the server refused it (and wrote nothing), why
     */
    record Outcome(boolean committed, List<Row> answers, Throwable failure) {
    }

    /**
     * Runs the appends in one transaction. Fails when the outcome is unknown or nothing was sent: the connection
     * broke or could not be had.
     */
    static Future<Outcome> run(Pool pool, PgStatements sql, List<PgAppender.QueuedAppend> appends) {
        Tuple parameters = PgAppendParameters.of(appends);
        return pool.preparedQuery(sql.append).execute(parameters).transform(done -> {
            if (done.succeeded()) {
                List<Row> answers = new ArrayList<>(appends.size());
                done.result().forEach(answers::add);
                return Future.succeededFuture(new Outcome(true, answers, null));
            }
            return done.cause() instanceof PgException refused
                    ? Future.succeededFuture(new Outcome(false, List.of(), refused))
                    : Future.failedFuture(done.cause());
        });
    }
}

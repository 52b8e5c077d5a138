package io.whizbang.projections.postgres;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;

/** Runs handwritten SQL on a connection of its own, as an operator or another application would. */
final class Sql {
    private Sql() {
    }

    /** Runs the statements (several, separated by {@code ;}, are allowed) and closes the connection. */
    static Future<RowSet<Row>> run(Vertx vertx, PgConnectOptions as, String sql) {
        return PgConnection.connect(vertx, as)
                .compose(connection -> connection.query(sql).execute().eventually(connection::close));
    }
}

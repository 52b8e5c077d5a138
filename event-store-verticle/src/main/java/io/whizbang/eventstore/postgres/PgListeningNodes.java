package io.whizbang.eventstore.postgres;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.util.function.IntSupplier;

/**
 * Whether another node listens on this ledger's channels, so whether this node's commits need announcing at all
 * (see {@link PgAppendSignal}): a lone node, the common case at concurrency 1, then spends nothing on announcements.
 *
 * <p>Every node's listening connection names itself {@link #applicationName} (the schema's). The answer comes two
 * ways:
 * <ul>
 *   <li>a node that starts listening says so on {@code <schema>_joined} once its {@code LISTEN} took effect, which
 *   makes this node announce at once and from then on ({@link #joined}): a commit made before that, unannounced, is
 *   covered by that first announcement, and one made before the newcomer listened is read by its catch-up;</li>
 *   <li>every {@code checkMillis}, at start and whenever its own {@code LISTEN} took effect, this node counts the
 *   other listening connections in {@code pg_stat_activity}, which tells when the others are gone; a count that
 *   started before a node said it joined, or that answers after a newer count, is not believed. A check that fails
 *   counts as "someone listens": announcing is the safe side.</li>
 * </ul>
 */
final class PgListeningNodes {
    /** How often a node looks again whether others listen. */
    static final long CHECK_MILLIS = 2000;

    private final Vertx vertx;
    private final Pool pool;
    private final PgStatements sql;
    private final String applicationName;
    private final IntSupplier ownListener;
    private final long checkMillis;
    private final Runnable appeared;
    private final String sayJoined;
    /** Whether others listen; true until the first check, the safe side. */
    private volatile boolean others = true;
    /** How many times a node said it joined; tells whether one did while a check was on its way. */
    private long joins;
    /** How many checks started, and which of them answered last: an older answer that comes later is stale. */
    private long checks;
    private long lastAnswered;
    private long timer = -1;
    private boolean closed;

    /**
     * @param node        this node's id, which it says when it joins (the others' notifications carry theirs)
     * @param ownListener the backend process id of this node's listening connection, 0 while it has none
     * @param appeared    run when others listen where none did: announces what this node committed meanwhile
     */
    PgListeningNodes(Vertx vertx, Pool pool, PgStatements sql, String node, IntSupplier ownListener,
                     long checkMillis, Runnable appeared) {
        this.vertx = vertx;
        this.pool = pool;
        this.sql = sql;
        this.applicationName = applicationName(sql.schema);
        this.ownListener = ownListener;
        this.checkMillis = checkMillis;
        this.appeared = appeared;
        this.sayJoined = sql.notifyJoined + ", '" + node + "'";
    }

    /** The name under which the nodes of a schema listen (schemas have at most 48 characters: it is never cut). */
    static String applicationName(String schema) {
        return "whizbang " + schema;
    }

    /** Whether another node listens, as far as this node knows. */
    boolean others() {
        return others;
    }

    /** Checks now and every {@code checkMillis} from then on; completes when this first check has answered. */
    Future<Void> start() {
        synchronized (this) {
            if (!closed && timer < 0) {
                timer = vertx.setPeriodic(checkMillis, id -> check());
            }
        }
        return check();
    }

    /**
     * Tells the other nodes that this one started listening: sent once its {@code LISTEN} on
     * {@code <schema>_appended} took effect, so that their next announcements reach it. When it cannot be sent, the
     * others' checks find this node within {@code checkMillis}.
     */
    void sayJoined() {
        pool.query(sayJoined).execute();
    }

    /** Another node said it started listening. */
    void joined() {
        boolean appearedNow;
        synchronized (this) {
            joins++;
            appearedNow = !others;
            others = true;
        }
        if (appearedNow) {
            appeared.run();
        }
    }

    /**
     * Counts the other listening connections now; completes when it has answered. Run also when this node's own
     * {@code LISTEN} on {@code <schema>_joined} took effect: a node that joined before it was not heard.
     */
    Future<Void> check() {
        long joinsBefore;
        long check;
        synchronized (this) {
            joinsBefore = joins;
            check = ++checks;
        }
        return pool.preparedQuery(sql.otherListeners).execute(Tuple.of(applicationName, ownListener.getAsInt()))
                .transform(done -> {
                    boolean seen = done.failed() || done.result().iterator().next().getBoolean(0);
                    boolean appearedNow = false;
                    synchronized (this) {
                        if (joins == joinsBefore && check > lastAnswered) {
                            appearedNow = seen && !others;
                            others = seen;
                        }
                        lastAnswered = Math.max(lastAnswered, check);
                    }
                    if (appearedNow) {
                        appeared.run();
                    }
                    return Future.succeededFuture();
                });
    }

    /** Stops checking. */
    synchronized void close() {
        closed = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}

package io.whizbang.eventstore.postgres;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Tells the other nodes that appends committed, on {@code <schema>_appended}, with this node's id as the payload (so
 * this node's own listener, already woken by the append itself, can ignore it). A node that no other node listens to
 * ({@link PgListeningNodes}) announces nothing.
 *
 * <p>Not every commit is announced: that would cost the server a wake-up of every listening session per append. A
 * commit is announced by an append transaction that starts {@link #CARRY_AFTER_NANOS} or more after it (the
 * transaction notifies as part of its own commit, which covers every commit before it), or, when no such transaction
 * comes, by a {@code NOTIFY} of its own {@link #WINDOW_MILLIS} after it. So other nodes hear of an append within
 * {@link #WINDOW_MILLIS}, and under load no transaction (nor log flush: a {@code NOTIFY} takes a transaction id,
 * so its commit waits for the disk) is spent on announcing. When another node starts listening, a {@code NOTIFY}
 * goes at once for the commits made while nobody listened.
 *
 * <p>The window bounds what announcing costs this node: every announcement also reaches its own listening connection
 * (which skips it) and each window takes a timer. With a window of 2 ms, at concurrency 1 about one append in four
 * carried an announcement and a timer ran every millisecond: the client's CPU per append was 165-355 µs, against
 * 125-177 µs with 10 ms (about 110 announcements a second) and 60-120 µs with none (benchmarks/RESULTS.md).
 */
final class PgAppendSignal {
    /** The longest a commit waits before a notification of its own is sent for it. */
    static final long WINDOW_MILLIS = 10;
    /** How old the oldest unannounced commit is before the next append transaction announces it. */
    static final long CARRY_AFTER_NANOS = WINDOW_MILLIS * 500_000;

    private final Vertx vertx;
    private final Pool pool;
    private final String node;
    private final String notify;
    private final PgListeningNodes listening;
    /** When the oldest commit not yet announced was seen (System.nanoTime), or -1 when there is none. */
    private long unannouncedSince = -1;
    /** How many commits were seen; tells whether one was seen while an announcing transaction was in flight. */
    private long commits;
    /** While an announcing transaction is in flight: how many commits had been seen when it started; else -1. */
    private long carriedUpTo = -1;
    private boolean timerSet;

    /**
     * @param node        this node's id, the notifications' payload: a string PostgreSQL may quote as a literal (a
     *                    UUID)
     * @param ownListener the backend process id of this node's listening connection, 0 while it has none
     * @param checkMillis how often it looks again whether other nodes listen ({@link PgListeningNodes})
     */
    PgAppendSignal(Vertx vertx, Pool pool, PgStatements sql, String node, IntSupplier ownListener, long checkMillis) {
        this.vertx = vertx;
        this.pool = pool;
        this.node = node;
        this.notify = sql.notifyAppended + ", '" + node + "'";
        this.listening = new PgListeningNodes(vertx, pool, sql, node, ownListener, checkMillis,
                this::announceNow);
    }

    /** Who else listens: whether announcing is needed at all. */
    PgListeningNodes listening() {
        return listening;
    }

    /**
     * Announces every commit so far with a notification of its own, now: another node started listening, and the
     * commits made while none did were not announced.
     */
    void announceNow() {
        synchronized (this) {
            unannouncedSince = -1;
        }
        pool.query(notify).execute();
    }

    /**
     * What the append transaction about to start announces: this node's id when it should announce the commits
     * before it, otherwise null. The outcome must be reported with {@link #ended}.
     */
    synchronized String announcement() {
        if (!listening.others() || unannouncedSince < 0 || carriedUpTo >= 0
                || System.nanoTime() - unannouncedSince < CARRY_AFTER_NANOS) {
            return null;
        }
        carriedUpTo = commits;
        return node;
    }

    /**
     * An append transaction ended.
     *
     * @param committed whether it committed
     * @param announced whether it carried the announcement ({@link #announcement} gave it one)
     */
    void ended(boolean committed, boolean announced) {
        boolean arm;
        synchronized (this) {
            if (announced) {
                // Commits seen while it was in flight may have committed after it: they stay unannounced.
                if (committed && commits == carriedUpTo) {
                    unannouncedSince = -1;
                }
                carriedUpTo = -1;
            }
            if (committed && !announced && listening.others()) {
                commits++;
                if (unannouncedSince < 0) {
                    unannouncedSince = System.nanoTime();
                }
            }
            arm = unannouncedSince >= 0 && !timerSet;
            timerSet |= arm;
        }
        if (arm) {
            vertx.setTimer(WINDOW_MILLIS, timer -> windowEnded());
        }
    }

    /**
     * A window after a commit: announces what is still unannounced with a notification of its own, unless an
     * announcing transaction is in flight or the oldest unannounced commit is too young to be due (then it looks
     * again when it is due, or after {@link #CARRY_AFTER_NANOS} while the transaction is in flight).
     */
    private void windowEnded() {
        boolean send = false;
        long waitNanos = -1;
        synchronized (this) {
            if (unannouncedSince >= 0) {
                long age = System.nanoTime() - unannouncedSince;
                if (carriedUpTo < 0 && age >= CARRY_AFTER_NANOS) {
                    send = true;
                    unannouncedSince = -1;
                } else {
                    waitNanos = carriedUpTo >= 0 ? CARRY_AFTER_NANOS : CARRY_AFTER_NANOS - age;
                }
            }
            timerSet = waitNanos >= 0;
        }
        if (send) {
            // Sent after the commits it covers: a node woken by it reads them. When the server is away, the next
            // append announces them, and a reconnected listener wakes its listeners anyway.
            pool.query(notify).execute();
        }
        if (waitNanos >= 0) {
            vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos)), timer -> windowEnded());
        }
    }
}

package io.whizbang.eventstore.postgres;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.pubsub.PgSubscriber;

/**
 * The connection that LISTENs to {@code <schema>_appended}: the other nodes announce their commits there (see
 * {@link PgAppendSignal}), which wakes the ledger's append listeners, so subscriptions read on. This node's own
 * announcements, which carry its id, are skipped: its appends wake its listeners themselves.
 *
 * <p>It also LISTENs to {@code <schema>_joined}, where a node says it started listening, and says so itself each time
 * its {@code LISTEN} took effect, so that nodes that announced to nobody start announcing ({@link PgListeningNodes}).
 * The connection is named {@link PgListeningNodes#applicationName} for the nodes that count who listens.
 *
 * <p>When the connection breaks it is re-opened with a growing delay, and on every (re)subscription the listeners are
 * woken, since notifications sent while it was away are lost.
 */
final class PgNotifications {
    private final PgSubscriber subscriber;

    /**
     * @param appended  wakes the append listeners
     * @param listening told when another node joins, says that this one did, counts the others
     */
    PgNotifications(Vertx vertx, PgConnectOptions connectOptions, PgStatements sql, String node,
                    long maxReconnectDelayMillis, Runnable appended, PgListeningNodes listening) {
        PgConnectOptions named = new PgConnectOptions(connectOptions)
                .addProperty("application_name", PgListeningNodes.applicationName(sql.schema));
        this.subscriber = PgSubscriber.subscriber(vertx, named)
                .reconnectPolicy(retries -> Math.min(maxReconnectDelayMillis, 50L << Math.min(retries, 16)));
        subscriber.channel(sql.appendedChannel)
                .subscribeHandler(v -> {
                    appended.run();
                    listening.sayJoined();
                })
                .handler(payload -> {
                    if (!node.equals(payload)) {
                        appended.run();
                    }
                });
        subscriber.channel(sql.joinedChannel)
                // A node that joined before this LISTEN took effect was not heard: count them.
                .subscribeHandler(v -> listening.check())
                .handler(payload -> {
                    if (!node.equals(payload)) {
                        listening.joined();
                    }
                });
    }

    /** Opens the connection and LISTENs. */
    Future<Void> start() {
        return subscriber.connect();
    }

    /** The backend process id of the listening connection, or 0 while there is none. */
    int listenerProcessId() {
        PgConnection connection = subscriber.actualConnection();
        return connection == null ? 0 : connection.processId();
    }

    /** Closes the connection. */
    Future<Void> close() {
        return subscriber.close();
    }
}

package io.whizbang.eventstore.postgres;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;

/**
 * The connection that LISTENs to {@code <schema>_appended}: the other nodes announce their commits there (see
 * {@link PgAppendSignal}), which wakes the ledger's append listeners, so subscriptions read on. This node's own
 * announcements, which carry its id, are skipped: its appends wake its listeners themselves.
 *
 * <p>When the connection breaks it is re-opened with a growing delay, and on every (re)subscription the listeners are
 * woken, since notifications sent while it was away are lost.
 */
final class PgNotifications {
    private final PgSubscriber subscriber;

    PgNotifications(Vertx vertx, PgConnectOptions connectOptions, String schema, String node,
                    long maxReconnectDelayMillis, Runnable appended) {
        this.subscriber = PgSubscriber.subscriber(vertx, connectOptions)
                .reconnectPolicy(retries -> Math.min(maxReconnectDelayMillis, 50L << Math.min(retries, 16)));
        subscriber.channel(schema + "_appended")
                .subscribeHandler(v -> appended.run())
                .handler(payload -> {
                    if (!node.equals(payload)) {
                        appended.run();
                    }
                });
    }

    /** Opens the connection and LISTENs. */
    Future<Void> start() {
        return subscriber.connect();
    }

    /** Closes the connection. */
    Future<Void> close() {
        return subscriber.close();
    }
}

package io.whizbang.eventstore.postgres;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;

/**
 * The connection that LISTENs: {@code <schema>_sequenced} (new positions, any node) wakes the ledger's append
 * listeners, so subscriptions read on; {@code <schema>_appended} wakes the sequencer.
 *
 * <p>When the connection breaks it is re-opened with a growing delay, and on every (re)subscription both are woken,
 * since notifications sent while it was away are lost.
 */
final class PgNotifications {
    private final PgSubscriber subscriber;

    PgNotifications(Vertx vertx, PgConnectOptions connectOptions, String schema, long maxReconnectDelayMillis,
                    Runnable sequenced, Runnable appended) {
        this.subscriber = PgSubscriber.subscriber(vertx, connectOptions)
                .reconnectPolicy(retries -> Math.min(maxReconnectDelayMillis, 50L << Math.min(retries, 16)));
        subscriber.channel(schema + "_sequenced")
                .subscribeHandler(v -> {
                    sequenced.run();
                    appended.run();
                })
                .handler(payload -> sequenced.run());
        subscriber.channel(schema + "_appended").handler(payload -> appended.run());
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

package io.whizbang.eventstore.postgres;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;

/**
 * The connection that LISTENs to {@code <schema>_appended}: every append transaction of any node notifies it when
 * it commits, which wakes the ledger's append listeners, so subscriptions read on.
 *
 * <p>When the connection breaks it is re-opened with a growing delay, and on every (re)subscription the listeners are
 * woken, since notifications sent while it was away are lost.
 */
final class PgNotifications {
    private final PgSubscriber subscriber;

    PgNotifications(Vertx vertx, PgConnectOptions connectOptions, String schema, long maxReconnectDelayMillis,
                    Runnable appended) {
        this.subscriber = PgSubscriber.subscriber(vertx, connectOptions)
                .reconnectPolicy(retries -> Math.min(maxReconnectDelayMillis, 50L << Math.min(retries, 16)));
        subscriber.channel(schema + "_appended")
                .subscribeHandler(v -> appended.run())
                .handler(payload -> appended.run());
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

package io.whizbang.eventstore;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.whizbang.ledger.Ledger;
import io.whizbang.outbox.OutboxPublisher;
import io.whizbang.outbox.OutboxRelay;
import io.whizbang.outbox.OutboxRelayOptions;

/**
 * Runs an {@link OutboxRelay} beside the ledger's storage: it publishes committed outbox rows through the given
 * publisher (Kafka, the clustered event bus) and marks them published once acknowledged.
 */
public final class OutboxRelayVerticle extends VerticleBase {
    private final Ledger ledger;
    private final OutboxPublisher publisher;
    private final OutboxRelayOptions options;
    private OutboxRelay relay;

    public OutboxRelayVerticle(Ledger ledger, OutboxPublisher publisher, OutboxRelayOptions options) {
        this.ledger = ledger;
        this.publisher = publisher;
        this.options = options;
    }

    @Override
    public Future<?> start() {
        relay = OutboxRelay.start(vertx, ledger, publisher, options);
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        return relay.stop();
    }

    /** How many records the relay has published. */
    public long published() {
        return relay == null ? 0 : relay.published();
    }
}

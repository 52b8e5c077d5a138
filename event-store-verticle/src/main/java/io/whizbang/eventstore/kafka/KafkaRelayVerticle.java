package io.whizbang.eventstore.kafka;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.whizbang.ledger.Ledger;
import io.whizbang.outbox.OutboxRelay;
import io.whizbang.outbox.OutboxRelayOptions;

/**
 * Relays a ledger's committed outbox rows to Kafka: an {@link OutboxRelay} over a {@link KafkaOutboxPublisher}.
 *
 * <p>Progress is durable in the ledger (a row is marked published only after Kafka acknowledged it), so after a crash
 * of this verticle or an outage of the broker the relay resumes with the first unmarked row: nothing committed is
 * lost, and what was sent but not yet marked is sent again for the inbox to drop.
 */
public final class KafkaRelayVerticle extends VerticleBase {
    private final Ledger ledger;
    private final KafkaOutboxOptions kafka;
    private final OutboxRelayOptions relayOptions;
    private KafkaOutboxPublisher publisher;
    private OutboxRelay relay;

    public KafkaRelayVerticle(Ledger ledger, KafkaOutboxOptions kafka, OutboxRelayOptions relayOptions) {
        this.ledger = ledger;
        this.kafka = kafka;
        this.relayOptions = relayOptions;
    }

    @Override
    public Future<?> start() {
        publisher = KafkaOutboxPublisher.create(vertx, kafka);
        relay = OutboxRelay.start(vertx, ledger, publisher, relayOptions);
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        return relay.stop().eventually(() -> publisher.close());
    }

    /** How many records the relay has published and marked. */
    public long published() {
        return relay == null ? 0 : relay.published();
    }
}

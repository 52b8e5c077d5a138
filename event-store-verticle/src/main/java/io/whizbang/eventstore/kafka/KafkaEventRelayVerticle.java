package io.whizbang.eventstore.kafka;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.whizbang.ledger.Ledger;

import java.nio.file.Path;

/**
 * Runs a {@link KafkaEventRelay}: publishes every event the ledger commits to Kafka from a checkpoint file.
 */
public final class KafkaEventRelayVerticle extends VerticleBase {
    /** Default events per batch. */
    public static final int DEFAULT_BATCH_SIZE = 500;

    private final Ledger ledger;
    private final KafkaOutboxOptions kafka;
    private final String destination;
    private final Path checkpointFile;
    private final int batchSize;
    private KafkaEventRelay relay;

    /**
     * @param ledger         the ledger whose events are published
     * @param kafka          the brokers and the topic rule (e.g. {@code whizbang.{tenant}.{destination}})
     * @param destination    the destination the topic rule sees, e.g. {@code events}
     * @param checkpointFile where the relayed position is kept, e.g. {@code data/kafka-events.checkpoint}
     * @param batchSize      events per batch
     */
    public KafkaEventRelayVerticle(Ledger ledger, KafkaOutboxOptions kafka, String destination, Path checkpointFile,
                                   int batchSize) {
        this.ledger = ledger;
        this.kafka = kafka;
        this.destination = destination;
        this.checkpointFile = checkpointFile;
        this.batchSize = batchSize;
    }

    @Override
    public Future<?> start() {
        return KafkaEventRelay.start(vertx, ledger, kafka, destination, checkpointFile, batchSize)
                .onSuccess(started -> relay = started);
    }

    @Override
    public Future<?> stop() {
        return relay == null ? Future.succeededFuture() : relay.stop();
    }

    /** The position of the last event relayed and checkpointed. */
    public long position() {
        return relay == null ? 0 : relay.position();
    }
}

package io.whizbang.eventstore.kafka;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.Subscription;
import io.whizbang.outbox.OutboxMessage;
import io.whizbang.outbox.OutboxMessages;
import io.whizbang.outbox.OutboxRecord;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes the ledger's events themselves to Kafka, in global order, from a durable checkpoint: it follows the
 * ledger ({@link Ledger#subscribe}) from the saved position, publishes each batch with a {@link KafkaOutboxPublisher}
 * (the event id as message id, the stream id as key, so each stream keeps its order) and saves the position only
 * after Kafka acknowledged the batch.
 *
 * <p>A failed publication is retried after a growing delay while the subscription waits (back-pressure), so nothing
 * is skipped; a crash between the acknowledgement and the checkpoint publishes the batch again, and the inbox drops
 * the duplicates by event id.
 */
public final class KafkaEventRelay {
    private static final Logger LOG = Logger.getLogger(KafkaEventRelay.class.getName());
    private static final long MAX_BACKOFF_MILLIS = 10_000;

    private final Vertx vertx;
    private final KafkaOutboxPublisher publisher;
    private final RelayCheckpoint checkpoint;
    private final String destination;
    private final AtomicLong position = new AtomicLong();
    private volatile boolean stopping;
    private Subscription subscription;

    private KafkaEventRelay(Vertx vertx, KafkaOutboxPublisher publisher, RelayCheckpoint checkpoint,
                            String destination) {
        this.vertx = vertx;
        this.publisher = publisher;
        this.checkpoint = checkpoint;
        this.destination = destination;
    }

    /**
     * Starts relaying the ledger's events.
     *
     * @param kafka          the brokers and the topic rule; {@code {destination}} is {@code destination},
     *                       {@code {tenant}} and {@code {category}} those of each event
     * @param destination    the name the topic rule sees as destination, e.g. {@code events}
     * @param checkpointFile where the relayed position is kept
     * @param batchSize      events per batch
     */
    public static Future<KafkaEventRelay> start(Vertx vertx, Ledger ledger, KafkaOutboxOptions kafka,
                                                String destination, Path checkpointFile, int batchSize) {
        KafkaEventRelay relay = new KafkaEventRelay(vertx, KafkaOutboxPublisher.create(vertx, kafka),
                new RelayCheckpoint(vertx, checkpointFile), destination);
        return relay.checkpoint.load().map(from -> {
            relay.position.set(from);
            relay.subscription = ledger.subscribe(vertx, from, batchSize, relay::relay);
            return relay;
        });
    }

    /** The position of the last event relayed and checkpointed. */
    public long position() {
        return position.get();
    }

    private Future<Void> relay(List<RecordedEvent> events) {
        List<OutboxRecord> records = new ArrayList<>(events.size());
        for (RecordedEvent event : events) {
            records.add(new OutboxRecord(event.position(), messageOf(event), event.timestamp()));
        }
        long last = events.get(events.size() - 1).position();
        return attempt(records, last, 100);
    }

    private Future<Void> attempt(List<OutboxRecord> records, long last, long backoff) {
        if (stopping) {
            return Future.failedFuture("the event relay is stopping");
        }
        return publisher.publish(records).compose(acked -> checkpoint.save(last)).onSuccess(saved -> position.set(last))
                .recover(failure -> {
                    LOG.log(Level.WARNING, "relaying events up to position " + last + " failed; retrying in "
                            + backoff + " ms", failure);
                    return vertx.timer(backoff).compose(t -> attempt(records, last,
                            Math.min(MAX_BACKOFF_MILLIS, backoff * 2)));
                });
    }

    private OutboxMessage messageOf(RecordedEvent event) {
        JsonObject headers = event.metadata().copy().put(OutboxMessages.TYPE, event.type())
                .put(OutboxMessages.SCHEMA_VERSION, event.schemaVersion());
        if (!headers.containsKey(OutboxMessages.TIMESTAMP)) {
            headers.put(OutboxMessages.TIMESTAMP, event.timestamp().toString());
        }
        return new OutboxMessage(event.eventId(), event.tenant(), destination, event.stream().value(),
                event.payload(), headers);
    }

    /** Stops after the batch in hand (without retrying it) and closes the producer. */
    public Future<Void> stop() {
        stopping = true;
        if (subscription != null) {
            subscription.cancel();
        }
        return publisher.close();
    }
}

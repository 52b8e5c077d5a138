package io.whizbang.eventstore.kafka;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import io.vertx.kafka.client.serialization.BufferSerializer;
import io.whizbang.error.TransientException;
import io.whizbang.outbox.OutboxMessage;
import io.whizbang.outbox.OutboxPublisher;
import io.whizbang.outbox.OutboxRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes outbox records to Kafka: each record goes to the topic its {@link TopicNaming} rule gives, keyed by the
 * message's key (the stream id, so one stream's messages share a partition and keep their order), with the payload as
 * JSON and the metadata as {@link KafkaHeaders}.
 *
 * <p>The producer is idempotent with {@code acks=all}; {@link #publish} succeeds only when the broker acknowledged
 * every record of the batch, so the relay marks nothing that is not durable in Kafka. When it fails the relay
 * publishes the whole batch again: records the broker already had travel twice, and the receiving inbox removes
 * the duplicates.
 *
 * <p>Order per key holds through failures too. One request is in flight per broker (see {@link KafkaOutboxOptions}),
 * and a failed send closes the producer at once ({@link FailFastProducer}), so of a failed batch the broker holds,
 * per partition, only a prefix; {@link #publish} completes only after every send of the batch settled, and the next
 * batch goes out on a fresh producer. So the retried batch follows that prefix, and each stream's messages first
 * arrive in the order they were committed.
 */
public final class KafkaOutboxPublisher implements OutboxPublisher {
    private static final Logger LOG = Logger.getLogger(KafkaOutboxPublisher.class.getName());

    private final Vertx vertx;
    private final Supplier<Producer<String, Buffer>> producers;
    private final TopicNaming naming;
    private final String servers;
    private FailFastProducer<String, Buffer> sending;
    private KafkaProducer<String, Buffer> producer;

    private KafkaOutboxPublisher(Vertx vertx, Supplier<Producer<String, Buffer>> producers, TopicNaming naming,
                                 String servers) {
        this.vertx = vertx;
        this.producers = producers;
        this.naming = naming;
        this.servers = servers;
        open();
    }

    /** A publisher with its own producer; close it when done. */
    public static KafkaOutboxPublisher create(Vertx vertx, KafkaOutboxOptions options) {
        Map<String, Object> config = new HashMap<>(options.producerProperties());
        return create(vertx, options, () -> new org.apache.kafka.clients.producer.KafkaProducer<>(config,
                new StringSerializer(), new BufferSerializer()));
    }

    /** A publisher over the producers {@code producers} makes, a fresh one after each failed batch. */
    static KafkaOutboxPublisher create(Vertx vertx, KafkaOutboxOptions options,
                                       Supplier<Producer<String, Buffer>> producers) {
        return new KafkaOutboxPublisher(vertx, producers, TopicNaming.of(options.getTopicTemplate()),
                options.getBootstrapServers());
    }

    private void open() {
        sending = new FailFastProducer<>(producers.get());
        producer = KafkaProducer.create(vertx, sending);
        // a failed send fails its own future, which the relay sees and retries; nothing more to report
        producer.exceptionHandler(failure -> LOG.log(Level.FINE, "a Kafka send failed", failure));
    }

    /** Publishes the batch; the relay calls it once at a time, the next call after this one's future completed. */
    @Override
    public Future<Void> publish(List<OutboxRecord> records) {
        if (sending.failed()) {
            // closed when its send failed; its wrapper only needs releasing
            KafkaProducer<String, Buffer> failed = producer;
            open();
            failed.close().onFailure(e -> LOG.log(Level.FINE, "releasing a failed Kafka producer failed", e));
        }
        List<Future<?>> acks = new ArrayList<>(records.size());
        for (OutboxRecord record : records) {
            acks.add(producer.send(recordOf(record.message())));
        }
        // wait for every send, not just the first failure, so a retry never overtakes this attempt's records
        return Future.join(acks).<Void>mapEmpty().recover(failure -> Future.failedFuture(
                TransientException.unavailable("Kafka at " + servers + " (publishing " + records.size()
                        + " outbox records)", failure)));
    }

    /** The Kafka record of an outbox message. */
    KafkaProducerRecord<String, Buffer> recordOf(OutboxMessage message) {
        return KafkaProducerRecord.<String, Buffer>create(naming.topicOf(message), message.key(),
                message.payload().toBuffer()).addHeaders(KafkaHeaders.of(message));
    }

    /** Sends what is buffered and closes the producer. */
    public Future<Void> close() {
        return producer.close();
    }
}

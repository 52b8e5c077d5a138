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
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.ArrayList;
import java.util.List;
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
 */
public final class KafkaOutboxPublisher implements OutboxPublisher {
    private static final Logger LOG = Logger.getLogger(KafkaOutboxPublisher.class.getName());

    private final KafkaProducer<String, Buffer> producer;
    private final TopicNaming naming;
    private final String servers;

    private KafkaOutboxPublisher(KafkaProducer<String, Buffer> producer, TopicNaming naming, String servers) {
        this.producer = producer;
        this.naming = naming;
        this.servers = servers;
    }

    /** A publisher with its own producer; close it when done. */
    public static KafkaOutboxPublisher create(Vertx vertx, KafkaOutboxOptions options) {
        KafkaProducer<String, Buffer> producer = KafkaProducer.create(vertx, options.producerProperties(),
                new StringSerializer(), new BufferSerializer());
        // a failed send fails its own future, which the relay sees and retries; nothing more to report
        producer.exceptionHandler(failure -> LOG.log(Level.FINE, "a Kafka send failed", failure));
        return new KafkaOutboxPublisher(producer, TopicNaming.of(options.getTopicTemplate()),
                options.getBootstrapServers());
    }

    @Override
    public Future<Void> publish(List<OutboxRecord> records) {
        List<Future<?>> acks = new ArrayList<>(records.size());
        for (OutboxRecord record : records) {
            acks.add(producer.send(recordOf(record.message())));
        }
        return Future.all(acks).<Void>mapEmpty().recover(failure -> Future.failedFuture(
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

package io.whizbang.eventstore.kafka;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.producer.KafkaHeader;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import io.vertx.kafka.client.serialization.BufferDeserializer;
import io.vertx.kafka.client.serialization.BufferSerializer;
import io.whizbang.codec.Codecs;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.ExpectedVersion;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.StreamAppend;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.Envelope;
import io.whizbang.message.MessageIds;
import io.whizbang.outbox.OutboxMessage;
import io.whizbang.outbox.OutboxMessages;
import io.whizbang.security.Principal;
import io.whizbang.testdomain.CounterRegistry;
import io.whizbang.testdomain.Increment;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** What the Kafka ITs share: raw clients that read and write topics directly, and the messages they send. */
final class KafkaTestSupport {
    static final Principal WRITER = Principal.of("alice", "acme", CounterRegistry.WRITE);

    private KafkaTestSupport() {
    }

    /** Waits for a future, failing the test after 60 s (a bound against hanging, not a timing assertion). */
    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    /** A consumer of its own group that collects every record of the topics from the beginning. */
    static Collector collect(Vertx vertx, String servers, Set<String> topics) throws Exception {
        KafkaConsumer<String, Buffer> consumer = KafkaConsumer.create(vertx, Map.of("bootstrap.servers", servers,
                        "group.id", "collector-" + UUID.randomUUID(), "auto.offset.reset", "earliest",
                        "enable.auto.commit", "true"), new StringDeserializer(), new BufferDeserializer());
        Collector collector = new Collector(consumer);
        consumer.handler(collector.records::add);
        await(consumer.subscribe(topics));
        return collector;
    }

    /** A plain producer (idempotent, acks=all) for writing records by hand. */
    static KafkaProducer<String, Buffer> producer(Vertx vertx, String servers) {
        return KafkaProducer.create(vertx, Map.of("bootstrap.servers", servers, "acks", "all",
                "enable.idempotence", "true"), new StringSerializer(), new BufferSerializer());
    }

    /** The envelope of an Increment of a counter by the writer. */
    static Envelope<Increment> increment(Codecs codecs, String counter, int by) {
        Increment command = new Increment(counter, by);
        return Envelope.create(WRITER, codecs.typeOf(command), command);
    }

    /** The Kafka record an outbox message of the envelope becomes, as the relay would write it. */
    static KafkaProducerRecord<String, Buffer> recordOf(Codecs codecs, String topic, Envelope<?> envelope,
                                                        String key) {
        OutboxMessage message = OutboxMessages.of(envelope, codecs, topic, key);
        return KafkaProducerRecord.<String, Buffer>create(topic, key, message.payload().toBuffer())
                .addHeaders(KafkaHeaders.of(message));
    }

    /** Appends one event with outgoing messages for the given stream, each numbered in its payload. */
    static Future<List<UUID>> appendWithMessages(Ledger ledger, String tenant, String topic, String stream,
                                                 int from, int count) {
        List<OutboxMessage> messages = new java.util.ArrayList<>();
        for (int n = from; n < from + count; n++) {
            messages.add(new OutboxMessage(MessageIds.next(), tenant, topic, "Order-" + stream,
                    new JsonObject().put("stream", stream).put("n", n), new JsonObject().put("type", "Numbered")
                    .put("correlationId", UUID.randomUUID().toString())));
        }
        EventData event = new EventData(MessageIds.next(), "Happened", 1, new JsonObject(), new JsonObject());
        return ledger.append(List.of(new StreamAppend(tenant, StreamId.of("Order", stream), ExpectedVersion.any(),
                List.of(event))), messages).map(done -> messages.stream().map(OutboxMessage::messageId).toList());
    }

    /** The records a collector has seen so far. */
    static final class Collector {
        final List<KafkaConsumerRecord<String, Buffer>> records = new CopyOnWriteArrayList<>();
        private final KafkaConsumer<String, Buffer> consumer;

        private Collector(KafkaConsumer<String, Buffer> consumer) {
            this.consumer = consumer;
        }

        /** The value of a header of a record. */
        static String header(KafkaConsumerRecord<String, Buffer> record, String name) {
            return record.headers().stream().filter(h -> h.key().equals(name)).map(KafkaHeader::value)
                    .map(Buffer::toString).reduce((a, b) -> b).orElse(null);
        }

        Future<Void> close() {
            return consumer.close();
        }
    }
}

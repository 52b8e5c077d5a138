package io.whizbang.eventstore.kafka;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.serialization.BufferSerializer;
import io.whizbang.eventstore.sqlite.SqliteLedger;
import io.whizbang.eventstore.sqlite.SqliteLedgerOptions;
import io.whizbang.ledger.Ledger;
import io.whizbang.outbox.OutboxPublisher;
import io.whizbang.outbox.OutboxRecord;
import io.whizbang.outbox.OutboxRelayOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static io.whizbang.eventstore.kafka.KafkaTestSupport.appendWithMessages;
import static io.whizbang.eventstore.kafka.KafkaTestSupport.await;
import static io.whizbang.eventstore.kafka.KafkaTestSupport.collect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Kafka relay against a real broker: order per stream, the metadata in headers, topic naming, and no committed
 * message lost through a crash of the relay or a restart of the broker.
 */
class KafkaRelayIT {
    private static KafkaBroker broker;
    private Vertx vertx;

    @TempDir
    Path directory;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start("relay");
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void closeVertx() throws Exception {
        await(vertx.close());
    }

    private KafkaOutboxOptions kafka(String template) {
        return new KafkaOutboxOptions().setBootstrapServers(broker.bootstrapServers()).setTopicTemplate(template);
    }

    private static OutboxRelayOptions relay() {
        return new OutboxRelayOptions().setBatchSize(50).setPollMillis(50).setBackoff(50, 500);
    }

    private static Set<UUID> ids(List<KafkaConsumerRecord<String, Buffer>> records) {
        return records.stream().map(r -> UUID.fromString(KafkaTestSupport.Collector.header(r,
                KafkaHeaders.MESSAGE_ID))).collect(Collectors.toSet());
    }

    private static Future<Set<UUID>> pendingIds(Ledger ledger) {
        return ledger.outbox().pending(10_000).map(rows -> rows.stream().map(r -> r.message().messageId())
                .collect(Collectors.toSet()));
    }

    @Test
    void recordsKeepTheirOrderPerStreamCarryTheirMetadataAndGoToTheirTenantsTopic() throws Exception {
        // given messages of three streams, written interleaved, for two tenants
        Ledger ledger = Ledger.memory(vertx);
        for (int round = 0; round < 10; round++) {
            for (String stream : List.of("a", "b", "c")) {
                await(appendWithMessages(ledger, stream.equals("c") ? "globex" : "acme", "orders", stream,
                        round * 3, 3));
            }
        }
        KafkaTestSupport.Collector collector = collect(vertx, broker.bootstrapServers(),
                Set.of("order-events.acme", "order-events.globex"));
        // when the relay publishes with a topic per tenant
        await(vertx.deployVerticle(new KafkaRelayVerticle(ledger, kafka("order-events.{tenant}"), relay())));
        await().atMost(60, TimeUnit.SECONDS).until(() -> ids(collector.records).size() >= 90);
        // then each stream's messages first arrive in the order they were committed, in their tenant's topic (a batch
        // whose send failed part-way is published again, so duplicates may follow: at least once)
        Map<String, List<Integer>> numbersByKey = collector.records.stream().collect(Collectors.groupingBy(
                KafkaConsumerRecord::key, Collectors.mapping(r -> r.value().toJsonObject().getInteger("n"),
                        Collectors.toList())));
        List<Integer> inOrder = java.util.stream.IntStream.range(0, 30).boxed().toList();
        assertThat(numbersByKey).containsOnlyKeys("Order-a", "Order-b", "Order-c");
        numbersByKey.values().forEach(numbers -> assertThat(numbers.stream().distinct().toList()).isEqualTo(inOrder));
        assertThat(collector.records).allSatisfy(record -> {
            String tenant = record.key().equals("Order-c") ? "globex" : "acme";
            assertThat(record.topic()).isEqualTo("order-events." + tenant);
            assertThat(KafkaTestSupport.Collector.header(record, KafkaHeaders.TENANT)).isEqualTo(tenant);
            assertThat(KafkaTestSupport.Collector.header(record, KafkaHeaders.TYPE)).isEqualTo("Numbered");
            assertThat(KafkaTestSupport.Collector.header(record, KafkaHeaders.CORRELATION_ID)).isNotBlank();
            assertThat(KafkaTestSupport.Collector.header(record, KafkaHeaders.MESSAGE_ID)).isNotBlank();
        });
        assertThat(await(pendingIds(ledger))).as("everything acknowledged is marked").isEmpty();
        await(collector.close());
    }

    @Test
    void aRelayThatCrashesBetweenPublishingAndMarkingLosesNothing() throws Exception {
        // given a durable ledger with 200 committed messages
        SqliteLedgerOptions file = new SqliteLedgerOptions().setFile(directory.resolve("ledger.db").toString());
        SqliteLedger ledger = await(SqliteLedger.open(vertx, file));
        for (int i = 0; i < 20; i++) {
            await(appendWithMessages(ledger, "acme", "crash-orders", "s" + (i % 4), i * 10, 10));
        }
        Set<UUID> committed = await(pendingIds(ledger));
        KafkaTestSupport.Collector collector = collect(vertx, broker.bootstrapServers(), Set.of("crash-orders"));
        // when the relay dies after Kafka acknowledged its third batch but before it marked it
        KafkaOutboxPublisher kafka = KafkaOutboxPublisher.create(vertx, kafka(TopicNaming.DESTINATION));
        AtomicInteger batches = new AtomicInteger();
        AtomicBoolean dead = new AtomicBoolean();
        Set<UUID> unmarked = java.util.concurrent.ConcurrentHashMap.newKeySet();
        // a dead relay publishes nothing more; before it dies, a send the broker fails is retried as usual
        OutboxPublisher dying = batch -> dead.get() ? Future.failedFuture("the relay process is dead")
                : kafka.publish(batch).compose(acked -> {
                    if (batches.incrementAndGet() < 3) {
                        return Future.succeededFuture();
                    }
                    dead.set(true);
                    batch.stream().map(OutboxRecord::message).forEach(m -> unmarked.add(m.messageId()));
                    return Future.failedFuture("the relay process died before marking");
                });
        String first = await(vertx.deployVerticle(new io.whizbang.eventstore.OutboxRelayVerticle(ledger, dying,
                relay())));
        await().atMost(60, TimeUnit.SECONDS).until(() -> batches.get() >= 3);
        await(vertx.undeploy(first));
        await(kafka.close());
        await(ledger.close());
        // and a new relay starts on the same file
        SqliteLedger reopened = await(SqliteLedger.open(vertx, file));
        await(vertx.deployVerticle(new KafkaRelayVerticle(reopened, kafka(TopicNaming.DESTINATION), relay())));
        // then every committed message is in Kafka; the unmarked batch travelled twice
        await().atMost(60, TimeUnit.SECONDS).until(() -> ids(collector.records).containsAll(committed));
        assertThat(ids(collector.records)).isEqualTo(committed);
        assertThat(unmarked).hasSize(50);
        assertThat(collector.records.stream().filter(r -> unmarked.contains(UUID.fromString(
                KafkaTestSupport.Collector.header(r, KafkaHeaders.MESSAGE_ID)))).count())
                .as("the batch published but not marked is published again").isGreaterThanOrEqualTo(100);
        await().atMost(60, TimeUnit.SECONDS).until(() -> await(pendingIds(reopened)).isEmpty());
        await(collector.close());
        await(reopened.close());
    }

    @Test
    void aBrokerRestartDuringPublishingLosesNoCommittedMessage() throws Exception {
        // given a relay publishing while messages are committed
        Ledger ledger = Ledger.memory(vertx);
        Set<UUID> committed = new HashSet<>();
        KafkaTestSupport.Collector collector = collect(vertx, broker.bootstrapServers(), Set.of("restart-orders"));
        await(vertx.deployVerticle(new KafkaRelayVerticle(ledger, kafka(TopicNaming.DESTINATION)
                .setDeliveryTimeoutMillis(5_000), relay())));
        committed.addAll(appendRound(ledger, 0));
        await().atMost(60, TimeUnit.SECONDS).until(() -> ids(collector.records).size() >= 50);
        // when the broker dies, messages keep being committed, and the broker comes back
        broker.stop();
        committed.addAll(appendRound(ledger, 100));
        broker.start();
        committed.addAll(appendRound(ledger, 200));
        // then every committed message arrives, each stream's first in the order they were committed, and the outbox
        // is drained
        await().atMost(120, TimeUnit.SECONDS).until(() -> ids(collector.records).containsAll(committed));
        assertThat(ids(collector.records)).isEqualTo(committed);
        numbersByKey(collector.records).forEach((key, numbers) -> assertThat(numbers.stream().distinct().toList())
                .as("stream " + key).isSorted());
        await().atMost(60, TimeUnit.SECONDS).until(() -> await(pendingIds(ledger)).isEmpty());
        await(collector.close());
    }

    @Test
    void aSendThatFailsPartWayLetsNoLaterMessageOfItsStreamOvertakeIt() throws Exception {
        // given 30 messages of one stream, committed in order
        Ledger ledger = Ledger.memory(vertx);
        await(appendWithMessages(ledger, "acme", "partway-orders", "p", 0, 30));
        KafkaTestSupport.Collector collector = collect(vertx, broker.bootstrapServers(), Set.of("partway-orders"));
        // when the relay publishes them and the send of the tenth fails once, while the sends behind it could go
        // through (as when an outage fails one batch and the producer goes on with the next)
        KafkaOutboxOptions options = kafka(TopicNaming.DESTINATION);
        Map<String, Object> config = new HashMap<>(options.producerProperties());
        Serializer<Buffer> values = failingOnce(9);
        KafkaOutboxPublisher publisher = KafkaOutboxPublisher.create(vertx, options,
                () -> new KafkaProducer<>(config, new StringSerializer(), values));
        await(vertx.deployVerticle(new io.whizbang.eventstore.OutboxRelayVerticle(ledger, publisher, relay())));
        // then all arrive, in the order they were committed: the retried batch follows what got through before
        await().atMost(60, TimeUnit.SECONDS).until(() -> ids(collector.records).size() >= 30);
        assertThat(numbersByKey(collector.records).get("Order-p").stream().distinct().toList())
                .isEqualTo(java.util.stream.IntStream.range(0, 30).boxed().toList());
        await().atMost(60, TimeUnit.SECONDS).until(() -> await(pendingIds(ledger)).isEmpty());
        await(collector.close());
        await(publisher.close());
    }

    /** Writes record values, failing once the one numbered {@code n}. */
    private static Serializer<Buffer> failingOnce(int n) {
        AtomicBoolean failed = new AtomicBoolean();
        BufferSerializer values = new BufferSerializer();
        return (topic, value) -> {
            if (value.toJsonObject().getInteger("n") == n && failed.compareAndSet(false, true)) {
                throw new SerializationException("the send of message " + n + " failed");
            }
            return values.serialize(topic, value);
        };
    }

    private static Map<String, List<Integer>> numbersByKey(List<KafkaConsumerRecord<String, Buffer>> records) {
        return records.stream().collect(Collectors.groupingBy(KafkaConsumerRecord::key, Collectors.mapping(
                r -> r.value().toJsonObject().getInteger("n"), Collectors.toList())));
    }

    @Test
    void theLedgersEventsAreRelayedInStreamOrderFromADurableCheckpoint() throws Exception {
        // given a ledger with 60 events in three streams
        Ledger ledger = Ledger.memory(vertx);
        List<UUID> appended = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            io.whizbang.ledger.EventData event = new io.whizbang.ledger.EventData(io.whizbang.message.MessageIds.next(),
                    "Counted", 1, new io.vertx.core.json.JsonObject().put("n", i),
                    new io.vertx.core.json.JsonObject().put("correlationId", UUID.randomUUID().toString()));
            appended.add(event.eventId());
            await(ledger.append("acme", io.whizbang.ledger.StreamId.of("Tally", i % 3),
                    io.whizbang.ledger.ExpectedVersion.any(), List.of(event)));
        }
        Path checkpoint = directory.resolve("relay.checkpoint");
        KafkaTestSupport.Collector collector = collect(vertx, broker.bootstrapServers(), Set.of("Tally-events"));
        // when a relay publishes some, stops, and a new one starts from the same checkpoint
        KafkaEventRelay first = await(KafkaEventRelay.start(vertx, ledger, kafka("{category}-{destination}"),
                "events", checkpoint, 7));
        await().atMost(60, TimeUnit.SECONDS).until(() -> first.position() >= 14);
        await(first.stop());
        long resumedFrom = first.position();
        KafkaEventRelay second = await(KafkaEventRelay.start(vertx, ledger, kafka("{category}-{destination}"),
                "events", checkpoint, 7));
        // then every event arrives, keyed by its stream and in its stream's order, the second relay starting where the
        // first left off
        await().atMost(60, TimeUnit.SECONDS).until(() -> ids(collector.records).containsAll(appended));
        assertThat(ids(collector.records)).containsExactlyInAnyOrderElementsOf(appended);
        assertThat(resumedFrom).isLessThan(60);
        assertThat(collector.records.size()).as("the second relay resumed from the checkpoint, not from the start")
                .isLessThan(2 * appended.size());
        Map<String, List<Integer>> numbersByKey = collector.records.stream()
                .collect(Collectors.groupingBy(KafkaConsumerRecord::key, Collectors.mapping(
                        r -> r.value().toJsonObject().getInteger("n"), Collectors.toList())));
        numbersByKey.forEach((key, numbers) -> assertThat(numbers.stream().distinct().toList())
                .as("stream " + key).isSorted());
        assertThat(numbersByKey).containsOnlyKeys("Tally-0", "Tally-1", "Tally-2");
        assertThat(KafkaTestSupport.Collector.header(collector.records.get(0), KafkaHeaders.TYPE)).isEqualTo("Counted");
        await().atMost(60, TimeUnit.SECONDS).until(() -> second.position() == 60);
        await(second.stop());
        await(collector.close());
    }

    private static Set<UUID> appendRound(Ledger ledger, int from) throws Exception {
        Set<UUID> written = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            written.addAll(await(appendWithMessages(ledger, "acme", "restart-orders", "s" + (i % 5), from + i * 10,
                    10)));
        }
        return written;
    }
}

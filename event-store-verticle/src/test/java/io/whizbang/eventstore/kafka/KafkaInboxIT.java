package io.whizbang.eventstore.kafka;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.producer.KafkaHeader;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import io.whizbang.codec.Codecs;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.StreamId;
import io.whizbang.ledger.StreamSlice;
import io.whizbang.message.Envelope;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.registry.Registry;
import io.whizbang.testdomain.CounterReceptor;
import io.whizbang.testdomain.CounterRegistry;
import io.whizbang.testdomain.Increment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.whizbang.eventstore.kafka.KafkaTestSupport.await;
import static io.whizbang.eventstore.kafka.KafkaTestSupport.increment;
import static io.whizbang.eventstore.kafka.KafkaTestSupport.recordOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Kafka inbox against a real broker: each message applied once however often it is delivered, bad records
 * dead-lettered with their code without stopping the partition, and offsets committed only after handling.
 */
class KafkaInboxIT {
    private static KafkaBroker broker;
    private Vertx vertx;
    private Ledger ledger;
    private Codecs codecs;
    private Function<Ledger, Dispatcher> dispatchers;
    private KafkaProducer<String, Buffer> producer;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start("inbox");
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        ledger = Ledger.memory(vertx);
        Registry registry = CounterRegistry.create(new CounterReceptor());
        codecs = registry.codecs();
        ProjectionStore store = ProjectionStore.memory();
        dispatchers = view -> Dispatcher.create(vertx, registry, view, store);
        producer = KafkaTestSupport.producer(vertx, broker.bootstrapServers());
    }

    @AfterEach
    void tearDown() throws Exception {
        await(producer.close());
        await(vertx.close());
    }

    private KafkaInboxOptions inbox(String topic, String group) {
        return new KafkaInboxOptions().setBootstrapServers(broker.bootstrapServers()).setGroupId(group)
                .setTopics(List.of(topic)).setBackoff(20, 200);
    }

    private void send(List<KafkaProducerRecord<String, Buffer>> records) throws Exception {
        for (KafkaProducerRecord<String, Buffer> record : records) {
            await(producer.send(record));
        }
    }

    private StreamSlice counter(String id) throws Exception {
        return await(ledger.readStream("acme", StreamId.of("Counter", id), 1, 10_000));
    }

    private static int total(StreamSlice slice) {
        return slice.events().stream().map(RecordedEvent::payload).mapToInt(p -> p.getInteger("by")).sum();
    }

    @Test
    void aMessageDeliveredSeveralTimesIsAppliedOnce() throws Exception {
        // given ten increments, each delivered twice and the third a third time
        List<KafkaProducerRecord<String, Buffer>> records = new ArrayList<>();
        for (int by = 1; by <= 10; by++) {
            Envelope<Increment> command = increment(codecs, "dup", by);
            int copies = by == 3 ? 3 : 2;
            for (int copy = 0; copy < copies; copy++) {
                records.add(recordOf(codecs, "counter-commands", command, "Counter-dup"));
            }
        }
        send(records);
        // when the inbox consumes them
        KafkaInbox inbox = await(KafkaInbox.start(vertx, ledger, dispatchers, inbox("counter-commands", "dup")));
        await().atMost(60, TimeUnit.SECONDS).until(() -> inbox.handled() + inbox.duplicates() >= 21);
        // then each increment counted once
        StreamSlice slice = counter("dup");
        assertThat(slice.streamVersion()).isEqualTo(10);
        assertThat(total(slice)).isEqualTo(55);
        assertThat(inbox.duplicates()).isEqualTo(11);
        assertThat(await(ledger.handled(records.get(0).headers().stream()
                .filter(h -> h.key().equals(KafkaHeaders.MESSAGE_ID)).map(h -> java.util.UUID.fromString(
                        h.value().toString())).findFirst().orElseThrow()))).isTrue();
        await(inbox.stop());
    }

    @Test
    void badRecordsAreDeadLetteredWithTheirCodeAndTheRecordsBehindThemStillApplied() throws Exception {
        // given four bad records and a good one behind them, all in one partition
        Envelope<Increment> good = increment(codecs, "after-bad", 5);
        KafkaProducerRecord<String, Buffer> garbage = recordOf(codecs, "bad-commands", increment(codecs, "x", 1),
                "Counter-x");
        List<KafkaProducerRecord<String, Buffer>> records = List.of(
                KafkaProducerRecord.<String, Buffer>create("bad-commands", "k", Buffer.buffer("{not json"))
                        .addHeaders(garbage.headers()),
                withHeader(recordOf(codecs, "bad-commands", increment(codecs, "x", 1), "k"), KafkaHeaders.TYPE,
                        "NoSuchCommand"),
                without(recordOf(codecs, "bad-commands", increment(codecs, "x", 1), "k"), KafkaHeaders.TENANT),
                without(recordOf(codecs, "bad-commands", increment(codecs, "x", 1), "k"), KafkaHeaders.MESSAGE_ID),
                recordOf(codecs, "bad-commands", good, "k"));
        send(records);
        KafkaTestSupport.Collector deadLetters = KafkaTestSupport.collect(vertx, broker.bootstrapServers(),
                Set.of("bad-commands.dead-letter"));
        // when the inbox consumes them
        KafkaInbox inbox = await(KafkaInbox.start(vertx, ledger, dispatchers, inbox("bad-commands", "bad")));
        await().atMost(60, TimeUnit.SECONDS).until(() -> inbox.handled() >= 1 && deadLetters.records.size() >= 4);
        // then the bad ones are in the dead-letter topic with INVALID_ARGUMENT and what was wrong, the good one applied
        assertThat(deadLetters.records).hasSizeGreaterThanOrEqualTo(4).allSatisfy(record -> assertThat(
                KafkaTestSupport.Collector.header(record, KafkaHeaders.ERROR_CODE)).isEqualTo("INVALID_ARGUMENT"));
        assertThat(deadLetters.records.stream().map(r -> KafkaTestSupport.Collector.header(r, KafkaHeaders.ERROR)))
                .anySatisfy(error -> assertThat(error).contains("payload"))
                .anySatisfy(error -> assertThat(error).contains("NoSuchCommand"))
                .anySatisfy(error -> assertThat(error).contains(KafkaHeaders.TENANT))
                .anySatisfy(error -> assertThat(error).contains(KafkaHeaders.MESSAGE_ID));
        assertThat(inbox.deadLettered()).isEqualTo(4);
        assertThat(total(counter("after-bad"))).isEqualTo(5);
        assertThat(counter("x").streamVersion()).as("nothing of a bad record is written").isZero();
        await(inbox.stop());
        await(deadLetters.close());
    }

    @Test
    void aRejectedCommandIsDeadLetteredAndNotRetried() throws Exception {
        // given an increment the receptor rejects (it would pass the counter's limit)
        Envelope<Increment> tooMuch = increment(codecs, "limit", 100);
        List<KafkaProducerRecord<String, Buffer>> records = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            records.add(recordOf(codecs, "limit-commands", increment(codecs, "limit", 100), "Counter-limit"));
        }
        records.add(recordOf(codecs, "limit-commands", tooMuch, "Counter-limit"));
        records.add(recordOf(codecs, "limit-commands", tooMuch, "Counter-limit"));
        send(records);
        // when the inbox consumes them
        KafkaInbox inbox = await(KafkaInbox.start(vertx, ledger, dispatchers, inbox("limit-commands", "limit")));
        await().atMost(60, TimeUnit.SECONDS).until(() -> inbox.handled() + inbox.duplicates()
                + inbox.deadLettered() >= 13);
        // then ten are applied, the eleventh is rejected with CONFLICT, and the redelivered rejection is dropped
        assertThat(total(counter("limit"))).isEqualTo(1000);
        assertThat(inbox.deadLettered()).isEqualTo(2);
        assertThat(inbox.duplicates()).isEqualTo(1);
        await(inbox.stop());
    }

    @Test
    void anInboxStoppedMidwayResumesFromItsCommittedOffsetsAndAppliesEachMessageOnce() throws Exception {
        // given 200 increments over four counters
        send(increments("resume-commands"));
        Set<Thread> consumerThreadsBefore = consumerThreads();
        // when one inbox (at most 8 records in hand) stops after some, and another of the same group takes over
        KafkaInbox first = await(KafkaInbox.start(vertx, ledger, dispatchers, inbox("resume-commands", "resume")
                .setMaxInFlight(8).setStopTimeoutMillis(20_000)));
        await().atMost(60, TimeUnit.SECONDS).until(() -> first.handled() >= 40);
        await(first.stop());
        await("the stopped inbox's consumer thread ends").atMost(30, TimeUnit.SECONDS)
                .until(() -> consumerThreadsBefore.containsAll(consumerThreads()));
        assertThat(committedRecords("resume", "resume-commands")).as("the first inbox committed all it handled")
                .isEqualTo(first.handled());
        KafkaInbox second = await(KafkaInbox.start(vertx, ledger, dispatchers, inbox("resume-commands", "resume")));
        // then every increment is applied exactly once
        await().atMost(60, TimeUnit.SECONDS).until(() -> first.handled() + second.handled() >= 200);
        assertEachOfTheIncrementsAppliedOnce();
        assertThat(first.handled() + second.handled()).isEqualTo(200);
        await(second.stop());
    }

    @Test
    void anInboxWhoseCommitHangsStillStopsAndTheNextOneDropsWhatItReadsAgain() throws Exception {
        // given 200 increments, and an inbox whose commits hang as on a group coordinator that stopped answering
        send(increments("stall-commands"));
        Set<Thread> consumerThreadsBefore = consumerThreads();
        KafkaInboxOptions options = inbox("stall-commands", "stall").setMaxInFlight(8).setStopTimeoutMillis(1_000);
        StallingConsumer stalling = new StallingConsumer(options.consumerProperties());
        KafkaInbox first = await(KafkaInbox.start(vertx, ledger, dispatchers, options,
                () -> KafkaConsumer.create(vertx, stalling)));
        await().atMost(60, TimeUnit.SECONDS).until(() -> stalling.stalls() && first.handled() >= 1);
        // when it stops while its commit hangs
        await(first.stop());
        // then the stop completes and leaves no consumer thread behind
        await("the stopped inbox's consumer thread ends").atMost(30, TimeUnit.SECONDS)
                .until(() -> consumerThreadsBefore.containsAll(consumerThreads()));
        assertThat(committedRecords("stall", "stall-commands")).as("nothing got committed").isZero();
        // and the next inbox of the group reads again what was not committed, applying each increment once
        KafkaInbox second = await(KafkaInbox.start(vertx, ledger, dispatchers, inbox("stall-commands", "stall")));
        await().atMost(60, TimeUnit.SECONDS).until(() -> first.handled() + second.handled() >= 200
                && second.handled() + second.duplicates() >= 200);
        assertEachOfTheIncrementsAppliedOnce();
        assertThat(first.handled() + second.handled()).isEqualTo(200);
        assertThat(second.duplicates()).as("what the first inbox applied comes again and is dropped")
                .isEqualTo(first.handled());
        await(second.stop());
    }

    /** 200 increments of counters r0 to r3, each keyed by its counter's stream. */
    private List<KafkaProducerRecord<String, Buffer>> increments(String topic) {
        List<KafkaProducerRecord<String, Buffer>> records = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            records.add(recordOf(codecs, topic, increment(codecs, "r" + (i % 4), 1), "Counter-r" + (i % 4)));
        }
        return records;
    }

    private void assertEachOfTheIncrementsAppliedOnce() throws Exception {
        int applied = 0;
        for (int c = 0; c < 4; c++) {
            StreamSlice slice = counter("r" + c);
            assertThat(total(slice)).isEqualTo(50);
            applied += (int) slice.streamVersion();
        }
        assertThat(applied).isEqualTo(200);
    }

    /** How many records of the topic the group has committed: the sum of its committed offsets. */
    private static long committedRecords(String group, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers()))) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(60, TimeUnit.SECONDS)
                    .entrySet().stream().filter(entry -> entry.getKey().topic().equals(topic))
                    .mapToLong(entry -> entry.getValue().offset()).sum();
        }
    }

    /** The threads on which Vert.x runs Kafka consumers. */
    private static Set<Thread> consumerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("vert.x-kafka-consumer-thread-"))
                .collect(Collectors.toSet());
    }

    private static KafkaProducerRecord<String, Buffer> withHeader(KafkaProducerRecord<String, Buffer> record,
                                                                  String name, String value) {
        return without(record, name).addHeader(name, value);
    }

    private static KafkaProducerRecord<String, Buffer> without(KafkaProducerRecord<String, Buffer> record,
                                                               String name) {
        List<KafkaHeader> kept = record.headers().stream().filter(h -> !h.key().equals(name)).toList();
        return KafkaProducerRecord.<String, Buffer>create(record.topic(), record.key(), record.value())
                .addHeaders(kept);
    }
}

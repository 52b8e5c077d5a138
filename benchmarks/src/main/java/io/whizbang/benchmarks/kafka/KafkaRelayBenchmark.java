package io.whizbang.benchmarks.kafka;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.admin.KafkaAdminClient;
import io.vertx.kafka.admin.NewTopic;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import io.vertx.kafka.client.serialization.BufferSerializer;
import io.whizbang.eventstore.kafka.KafkaBroker;
import io.whizbang.eventstore.kafka.KafkaHeaders;
import io.whizbang.eventstore.kafka.KafkaOutboxOptions;
import io.whizbang.eventstore.kafka.KafkaOutboxPublisher;
import io.whizbang.eventstore.sqlite.SqliteLedger;
import io.whizbang.eventstore.sqlite.SqliteLedgerOptions;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.ExpectedVersion;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.StreamAppend;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.MessageIds;
import io.whizbang.outbox.OutboxMessage;
import io.whizbang.outbox.OutboxPublisher;
import io.whizbang.outbox.OutboxRecord;
import io.whizbang.outbox.OutboxRelay;
import io.whizbang.outbox.OutboxRelayOptions;
import org.HdrHistogram.Histogram;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Kafka outbox relay against a raw Kafka producer, in one run, on a real broker:
 * <ol>
 *   <li><b>baseline</b>: a raw vertx-kafka-client producer with the relay's settings (idempotent, {@code acks=all},
 *   the same linger and batch size) sends N records (the same keys, payloads and headers the relay writes) with up
 *   to {@code window} unacknowledged; records per second until the last acknowledgement;</li>
 *   <li><b>peak drain</b>: N outbox rows committed beforehand in a SQLite ledger (the embedded default); the relay
 *   starts and publishes-then-marks them; rows per second until the outbox is empty;</li>
 *   <li><b>sustained</b>: appends with one outbox row each, issued on a timer at a fixed rate (an open loop) while
 *   the relay runs; the relay's rate against the append rate, the outbox backlog sampled each second, and for each
 *   message the time from its append's commit to Kafka's acknowledgement of its record, in an HdrHistogram; once
 *   on the SQLite ledger and once on the memory ledger (no disk: what the relay itself adds).</li>
 * </ol>
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.whizbang.benchmarks.kafka.KafkaRelayBenchmark
 * [records=50000] [rate=2000] [seconds=20] [batch=500] [--kafka=host:port]}; without {@code --kafka} it starts a
 * single-node KRaft broker from the jars in {@code -Dwhizbang.kafka.broker.dir}
 * (default {@code event-store-verticle/target/kafka-broker}).
 */
public final class KafkaRelayBenchmark {
    private static final int STREAMS = 100;
    private static final int WINDOW = 2000;
    private static final int PARTITIONS = 4;

    private final Vertx vertx = Vertx.vertx();
    private final String servers;
    private final int batch;

    private KafkaRelayBenchmark(String servers, int batch) {
        this.servers = servers;
        this.batch = batch;
    }

    public static void main(String[] args) throws Exception {
        List<String> numbers = new ArrayList<>();
        String kafka = null;
        for (String arg : args) {
            if (arg.startsWith("--kafka=")) {
                kafka = arg.substring("--kafka=".length());
            } else {
                numbers.add(arg);
            }
        }
        int records = numbers.size() > 0 ? Integer.parseInt(numbers.get(0)) : 50_000;
        int rate = numbers.size() > 1 ? Integer.parseInt(numbers.get(1)) : 2000;
        int seconds = numbers.size() > 2 ? Integer.parseInt(numbers.get(2)) : 20;
        int batch = numbers.size() > 3 ? Integer.parseInt(numbers.get(3)) : 500;
        if (System.getProperty(KafkaBroker.DIR_PROPERTY) == null) {
            System.setProperty(KafkaBroker.DIR_PROPERTY, "event-store-verticle/target/kafka-broker");
        }
        KafkaBroker broker = kafka == null ? KafkaBroker.start("bench") : null;
        String servers = kafka == null ? broker.bootstrapServers() : kafka;
        System.out.printf(Locale.ROOT, "# broker %s (%s), %d records, batch %d, %d streams, %d partitions%n",
                servers, broker == null ? "external" : "Kafka 4.4.0 KRaft child JVM", records, batch, STREAMS,
                PARTITIONS);
        KafkaRelayBenchmark bench = new KafkaRelayBenchmark(servers, batch);
        try {
            bench.createTopics(List.of("bench-warm-up", "bench-raw", "bench-drain", "bench-sustained",
                    "bench-sustained-memory"));
            bench.warmUp();
            double raw = bench.rawProducer("bench-raw", records);
            double drain = bench.peakDrain("bench-drain", records);
            System.out.printf(Locale.ROOT, "raw producer      %,10.0f records/s%n", raw);
            System.out.printf(Locale.ROOT, "relay peak drain  %,10.0f records/s  = %.0f%% of raw (goal >= 50%%)%n",
                    drain, 100 * drain / raw);
            bench.sustained("bench-sustained", rate, seconds, bench.openLedger());
            bench.sustained("bench-sustained-memory", rate, seconds, Ledger.memory(bench.vertx));
        } finally {
            await(bench.vertx.close());
            if (broker != null) {
                broker.close();
            }
        }
    }

    /** Creates the topics first, as production has them, so no send waits for a topic's creation. */
    private void createTopics(List<String> topics) {
        KafkaAdminClient admin = KafkaAdminClient.create(vertx, Map.of("bootstrap.servers", servers));
        await(admin.createTopics(topics.stream().map(topic -> new NewTopic(topic, PARTITIONS, (short) 1)).toList()));
        await(admin.close());
    }

    private KafkaOutboxOptions kafka() {
        return new KafkaOutboxOptions().setBootstrapServers(servers);
    }

    private static OutboxMessage message(String topic, int n) {
        String stream = "Order-" + (n % STREAMS);
        JsonObject payload = new JsonObject().put("orderId", stream).put("sku", "SKU-" + (n % 977))
                .put("quantity", 1 + n % 10).put("unitPrice", "19.99").put("n", n);
        JsonObject headers = new JsonObject().put("type", "OrderPlaced").put("schemaVersion", 1)
                .put("correlationId", UUID.randomUUID().toString()).put("subject", "bench")
                .put("scopes", new io.vertx.core.json.JsonArray().add("orders:write"))
                .put("timestamp", java.time.Instant.now().toString());
        return new OutboxMessage(MessageIds.next(), "acme", topic, stream, payload, headers);
    }

    /** Warms both paths up (JIT, topic metadata, producer connections) before anything is measured. */
    private void warmUp() throws Exception {
        rawProducer("bench-warm-up", 20_000);
        peakDrain("bench-warm-up", 20_000);
    }

    /** The baseline: a raw producer, same settings, same records, a window of unacknowledged sends. */
    private double rawProducer(String topic, int records) {
        KafkaProducer<String, Buffer> producer = KafkaProducer.create(vertx, kafka().producerProperties(),
                new StringSerializer(), new BufferSerializer());
        List<KafkaProducerRecord<String, Buffer>> prepared = new ArrayList<>(records);
        for (int n = 0; n < records; n++) {
            OutboxMessage message = message(topic, n);
            prepared.add(KafkaProducerRecord.<String, Buffer>create(topic, message.key(),
                    message.payload().toBuffer()).addHeaders(KafkaHeaders.of(message)));
        }
        await(producer.send(prepared.get(0)));
        long start = System.nanoTime();
        Promise<Void> done = Promise.promise();
        AtomicLong next = new AtomicLong(1);
        AtomicLong acked = new AtomicLong(1);
        vertx.runOnContext(v -> {
            for (int w = 0; w < WINDOW; w++) {
                sendNext(producer, prepared, next, acked, done);
            }
        });
        await(done.future());
        double rate = (records - 1) / ((System.nanoTime() - start) / 1e9);
        await(producer.close());
        return rate;
    }

    private static void sendNext(KafkaProducer<String, Buffer> producer, List<KafkaProducerRecord<String, Buffer>> all,
                                 AtomicLong next, AtomicLong acked, Promise<Void> done) {
        long n = next.getAndIncrement();
        if (n >= all.size()) {
            return;
        }
        producer.send(all.get((int) n)).onComplete(ack -> {
            if (ack.failed()) {
                done.tryFail(ack.cause());
                return;
            }
            if (acked.incrementAndGet() == all.size()) {
                done.tryComplete();
            } else {
                sendNext(producer, all, next, acked, done);
            }
        });
    }

    private SqliteLedger openLedger() throws Exception {
        Path dir = Files.createTempDirectory("kafka-bench-");
        dir.toFile().deleteOnExit();
        return await(SqliteLedger.open(vertx, new SqliteLedgerOptions()
                .setFile(dir.resolve("ledger.db").toString())));
    }

    private static Future<Void> append(Ledger ledger, List<OutboxMessage> messages, int n) {
        EventData event = new EventData(MessageIds.next(), "OrderPlaced", 1, new JsonObject().put("n", n),
                new JsonObject());
        return ledger.append(List.of(new StreamAppend("acme", StreamId.of("Order", n % STREAMS),
                ExpectedVersion.any(), List.of(event))), messages).mapEmpty();
    }

    /** Peak drain: a full outbox, then the relay; rows per second until it is empty. */
    private double peakDrain(String topic, int records) throws Exception {
        SqliteLedger ledger = openLedger();
        int perAppend = 100;
        for (int n = 0; n < records; n += perAppend) {
            List<OutboxMessage> messages = new ArrayList<>(perAppend);
            for (int m = n; m < Math.min(records, n + perAppend); m++) {
                messages.add(message(topic, m));
            }
            await(append(ledger, messages, n));
        }
        KafkaOutboxPublisher kafka = KafkaOutboxPublisher.create(vertx, kafka());
        AtomicLong publishingNanos = new AtomicLong();
        OutboxPublisher publisher = batch -> {
            long began = System.nanoTime();
            return kafka.publish(batch).onComplete(done -> publishingNanos.addAndGet(System.nanoTime() - began));
        };
        long start = System.nanoTime();
        OutboxRelay relay = OutboxRelay.start(vertx, ledger, publisher, relayOptions());
        while (relay.published() < records) {
            TimeUnit.MILLISECONDS.sleep(1);
        }
        long elapsed = System.nanoTime() - start;
        double rate = records / (elapsed / 1e9);
        System.out.printf(Locale.ROOT, "  (%s: %.0f%% of the drain spent waiting for Kafka's acknowledgements)%n",
                topic, 100.0 * publishingNanos.get() / elapsed);
        await(relay.stop());
        await(kafka.close());
        await(ledger.close());
        return rate;
    }

    private OutboxRelayOptions relayOptions() {
        return new OutboxRelayOptions().setBatchSize(batch).setPollMillis(100);
    }

    /** Sustained: an open loop of appends at a fixed rate with the relay running; commit-to-ack latency. */
    private void sustained(String topic, int rate, int seconds, Ledger ledger) throws Exception {
        Map<UUID, Long> committedAt = new ConcurrentHashMap<>();
        Map<UUID, Long> issuedAt = new ConcurrentHashMap<>();
        Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        Histogram appendLatency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        AtomicLong measuring = new AtomicLong();
        KafkaOutboxPublisher kafka = KafkaOutboxPublisher.create(vertx, kafka());
        OutboxPublisher timed = records -> kafka.publish(records).onSuccess(done -> {
            long now = System.nanoTime();
            for (OutboxRecord record : records) {
                UUID id = record.message().messageId();
                Long at = committedAt.remove(id);
                Long issuedTime = issuedAt.remove(id);
                // acknowledged before its append's callback ran: the issue time bounds the commit time from below
                at = at != null ? at : issuedTime;
                if (at != null && measuring.get() > 0) {
                    latency.recordValue(Math.max(0, (now - at) / 1000));
                }
            }
        });
        OutboxRelay relay = OutboxRelay.start(vertx, ledger, timed, relayOptions());
        long warmUpNanos = TimeUnit.SECONDS.toNanos(3);
        long total = (long) rate * (seconds + 3);
        AtomicLong issued = new AtomicLong();
        long start = System.nanoTime();
        Promise<Void> finished = Promise.promise();
        // a 1 ms timer issues the appends that are due by the schedule, so a slow append does not slow the load
        long timer = vertx.setPeriodic(1, id -> {
            long due = Math.min(total, (System.nanoTime() - start) * rate / 1_000_000_000L);
            while (issued.get() < due) {
                int n = (int) issued.getAndIncrement();
                OutboxMessage message = message(topic, n);
                long sent = System.nanoTime();
                issuedAt.put(message.messageId(), sent);
                append(ledger, List.of(message), n).onSuccess(ok -> {
                    long now = System.nanoTime();
                    if (now - start > warmUpNanos) {
                        measuring.set(1);
                        appendLatency.recordValue((now - sent) / 1000);
                    }
                    if (issuedAt.containsKey(message.messageId())) {
                        committedAt.put(message.messageId(), now);
                    }
                });
            }
            if (issued.get() >= total) {
                vertx.cancelTimer(id);
                finished.tryComplete();
            }
        });
        List<Integer> backlog = new ArrayList<>();
        long sampler = vertx.setPeriodic(1000, id -> ledger.outbox().pending(100_000)
                .onSuccess(rows -> backlog.add(rows.size())));
        long publishedAtWarmUp = -1;
        long warmUpAt = 0;
        while (!finished.future().isComplete()) {
            if (publishedAtWarmUp < 0 && System.nanoTime() - start > warmUpNanos) {
                publishedAtWarmUp = relay.published();
                warmUpAt = System.nanoTime();
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
        double relayRate = (relay.published() - publishedAtWarmUp) / ((System.nanoTime() - warmUpAt) / 1e9);
        double appendRate = (issued.get() - (long) rate * 3) / ((System.nanoTime() - warmUpAt) / 1e9);
        while (relay.published() < total) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        vertx.cancelTimer(timer);
        vertx.cancelTimer(sampler);
        System.out.printf(Locale.ROOT, "%s (%s ledger):%n", topic, ledger instanceof SqliteLedger ? "SQLite"
                : "memory");
        System.out.printf(Locale.ROOT, "sustained: appends %,.0f/s, relay %,.0f/s (%.0f%% of the append rate);"
                + " outbox backlog each second %s%n", appendRate, relayRate, 100 * relayRate / appendRate, backlog);
        System.out.printf(Locale.ROOT, "commit-to-ack  p50 %6.1f ms  p90 %6.1f ms  p99 %6.1f ms  max %6.1f ms"
                        + "  (n=%d; goal p99 <= 150 ms)%n", latency.getValueAtPercentile(50) / 1000.0,
                latency.getValueAtPercentile(90) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                latency.getMaxValue() / 1000.0, latency.getTotalCount());
        System.out.printf(Locale.ROOT, "append (baseline, same run)  p50 %6.1f ms  p99 %6.1f ms%n",
                appendLatency.getValueAtPercentile(50) / 1000.0, appendLatency.getValueAtPercentile(99) / 1000.0);
        await(relay.stop());
        await(kafka.close());
        await(ledger.close());
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

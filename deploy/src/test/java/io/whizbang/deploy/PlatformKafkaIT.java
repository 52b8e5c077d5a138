package io.whizbang.deploy;

import io.vertx.core.Future;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.dispatch.DispatcherOptions;
import io.whizbang.eventstore.kafka.KafkaBroker;
import io.whizbang.examples.SampleApplicationRegistry;
import io.whizbang.examples.inventory.level.GetInventoryLevel;
import io.whizbang.examples.inventory.restock.RestockItem;
import io.whizbang.security.Principal;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code run --kafka=host:port} against a real Kafka broker: the ledger's events reach their tenant's topic keyed by
 * stream, and a command record on {@code whizbang.<tenant>} is applied once however often it is delivered.
 */
class PlatformKafkaIT {
    private static final Principal ALICE = Principal.of("alice", "acme", "inventory:write", "inventory:read");
    private static KafkaBroker broker;

    @TempDir
    Path dataDir;
    private Platform platform;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start("platform-kafka-it");
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @AfterEach
    void stopPlatform() throws Exception {
        if (platform != null) {
            result(platform.stop());
        }
    }

    @Test
    void eventsGoToKafkaAndACommandDeliveredTwiceFromKafkaIsAppliedOnce() throws Exception {
        platform = result(Platform.start(TestRuns.onFreePorts(new RunOptions().setDataDir(dataDir)
                .setKafka(broker.bootstrapServers()))));
        Dispatcher client = Dispatcher.remote(platform.vertx(), SampleApplicationRegistry.create().codecs(),
                new DispatcherOptions());

        // an event appended here reaches its tenant's topic, keyed by its stream
        result(client.send(ALICE, new RestockItem("SKU-K", 5)));
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of("whizbang-events.acme"));
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                assertThat(seen).anySatisfy(record -> {
                    assertThat(record.key()).isEqualTo("Inventory-SKU-K");
                    assertThat(record.value()).contains("SKU-K");
                });
            });
        }

        // a command record delivered twice is applied once
        String id = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = producer()) {
            for (int delivery = 0; delivery < 2; delivery++) {
                ProducerRecord<String, String> record = new ProducerRecord<>("whizbang.acme", "Inventory-SKU-K",
                        "{\"sku\":\"SKU-K\",\"quantity\":7}");
                header(record, "whizbang-message-id", id);
                header(record, "whizbang-tenant", "acme");
                header(record, "whizbang-type", "RestockItem");
                header(record, "whizbang-schema-version", "1");
                header(record, "whizbang-subject", "other-service");
                header(record, "whizbang-scopes", "inventory:write");
                producer.send(record).get(30, TimeUnit.SECONDS);
            }
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .untilAsserted(() -> assertThat(result(client.ask(ALICE, new GetInventoryLevel("SKU-K"))).onHand())
                        .isEqualTo(12));
        result(platform.settled());
        assertThat(result(client.ask(ALICE, new GetInventoryLevel("SKU-K"))).onHand()).isEqualTo(12);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "platform-kafka-it", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"), new StringDeserializer(), new StringDeserializer());
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    private static <T> T result(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}

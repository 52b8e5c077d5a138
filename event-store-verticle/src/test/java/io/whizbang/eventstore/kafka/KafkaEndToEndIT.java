package io.whizbang.eventstore.kafka;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.whizbang.codec.Codecs;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.eventstore.sqlite.SqliteLedger;
import io.whizbang.eventstore.sqlite.SqliteLedgerOptions;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.ExpectedVersion;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.StreamAppend;
import io.whizbang.ledger.StreamId;
import io.whizbang.ledger.StreamSlice;
import io.whizbang.message.Envelope;
import io.whizbang.message.MessageIds;
import io.whizbang.outbox.OutboxMessage;
import io.whizbang.outbox.OutboxMessages;
import io.whizbang.outbox.OutboxPublisher;
import io.whizbang.outbox.OutboxRelay;
import io.whizbang.outbox.OutboxRelayOptions;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.registry.Registry;
import io.whizbang.testdomain.CounterReceptor;
import io.whizbang.testdomain.CounterRegistry;
import io.whizbang.testdomain.Increment;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.whizbang.eventstore.kafka.KafkaTestSupport.await;
import static io.whizbang.eventstore.kafka.KafkaTestSupport.increment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One service's outbox to another service's ledger through a real broker, with everything that makes duplicates:
 * the broker restarts while the relay publishes, and the relay re-publishes batches it could not mark. Every
 * committed command arrives and is applied exactly once.
 */
class KafkaEndToEndIT {
    private static final int COMMANDS = 300;
    private static final int COUNTERS = 6;
    private static KafkaBroker broker;

    @TempDir
    Path directory;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start("end-to-end");
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void everyCommittedCommandIsAppliedOnceThroughABrokerRestartAndRepublishedBatches() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            // given a sending ledger whose appends carry Increment commands in their outbox, and a receiving one
            Registry registry = CounterRegistry.create(new CounterReceptor());
            Codecs codecs = registry.codecs();
            Ledger sender = await(SqliteLedger.open(vertx, new SqliteLedgerOptions()
                    .setFile(directory.resolve("sender.db").toString())));
            Ledger receiver = await(SqliteLedger.open(vertx, new SqliteLedgerOptions()
                    .setFile(directory.resolve("receiver.db").toString())));
            ProjectionStore store = ProjectionStore.memory();
            KafkaInbox inbox = await(KafkaInbox.start(vertx, receiver,
                    view -> Dispatcher.create(vertx, registry, view, store), new KafkaInboxOptions()
                            .setBootstrapServers(broker.bootstrapServers()).setGroupId("end-to-end")
                            .setTopicPattern("e2e\\..*").setMaxInFlight(16).setBackoff(20, 500)));
            // and a relay (topic per tenant) that re-publishes every fifth batch, as if it died before marking it
            KafkaOutboxPublisher kafka = KafkaOutboxPublisher.create(vertx, new KafkaOutboxOptions()
                    .setBootstrapServers(broker.bootstrapServers()).setTopicTemplate("e2e.{tenant}")
                    .setDeliveryTimeoutMillis(5_000));
            AtomicInteger batches = new AtomicInteger();
            OutboxPublisher republishing = batch -> kafka.publish(batch).compose(acked ->
                    batches.incrementAndGet() % 5 == 0 ? Future.failedFuture("died before marking")
                            : Future.succeededFuture());
            OutboxRelay relay = OutboxRelay.start(vertx, sender, republishing, new OutboxRelayOptions()
                    .setBatchSize(20).setPollMillis(50).setBackoff(20, 500));
            // when commands are committed before, during and after a broker restart
            for (int i = 0; i < COMMANDS; i++) {
                if (i == COMMANDS / 3) {
                    broker.stop();
                }
                if (i == 2 * COMMANDS / 3) {
                    broker.start();
                }
                Envelope<Increment> command = increment(codecs, "c" + (i % COUNTERS), 1 + i % 3);
                await(commit(sender, codecs, command));
            }
            // then every counter holds exactly the sum of its commands, each applied once
            await().atMost(120, TimeUnit.SECONDS).until(() -> inbox.handled() >= COMMANDS);
            int applied = 0;
            for (int c = 0; c < COUNTERS; c++) {
                int expected = 0;
                for (int i = c; i < COMMANDS; i += COUNTERS) {
                    expected += 1 + i % 3;
                }
                StreamSlice slice = await(receiver.readStream("acme", StreamId.of("Counter", "c" + c), 1, 10_000));
                assertThat(slice.events().stream().map(RecordedEvent::payload).mapToInt(p -> p.getInteger("by"))
                        .sum()).as("counter c" + c).isEqualTo(expected);
                applied += (int) slice.streamVersion();
            }
            assertThat(applied).isEqualTo(COMMANDS);
            assertThat(inbox.handled()).isEqualTo(COMMANDS);
            assertThat(inbox.duplicates()).as("republished batches reached the inbox and were dropped")
                    .isPositive();
            await(relay.stop());
            await(kafka.close());
            await(inbox.stop());
            await(sender.close());
            await(receiver.close());
        } finally {
            await(vertx.close());
        }
    }

    /** Appends the sender's own event and, in the same transaction, the command for the other service. */
    private static Future<Void> commit(Ledger sender, Codecs codecs, Envelope<Increment> command) {
        OutboxMessage message = OutboxMessages.of(command, codecs, "counters",
                "Counter-" + command.payload().counterId());
        EventData event = new EventData(MessageIds.next(), "IncrementRequested", 1,
                new JsonObject().put("counterId", command.payload().counterId()), new JsonObject());
        return sender.append(List.of(new StreamAppend("acme", StreamId.of("Request", command.messageId()),
                ExpectedVersion.noStream(), List.of(event))), List.of(message)).mapEmpty();
    }
}

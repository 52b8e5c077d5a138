package io.whizbang.deploy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.dispatch.DispatcherOptions;
import io.whizbang.eventstore.kafka.KafkaEventRelayVerticle;
import io.whizbang.eventstore.kafka.KafkaInboxOptions;
import io.whizbang.eventstore.kafka.KafkaInboxVerticle;
import io.whizbang.eventstore.kafka.KafkaOutboxOptions;
import io.whizbang.eventstore.kafka.KafkaRelayVerticle;
import io.whizbang.outbox.OutboxRelayOptions;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.registry.Registry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code run --kafka=host:port}: the ledger service's messages to and from Kafka.
 *
 * <ul>
 *   <li>The outbox relay publishes committed outbox rows to {@value #OUTBOX_TOPICS} (one node of a cluster at a
 *       time).</li>
 *   <li>The event relay publishes every committed event to {@value #EVENT_TOPICS}, keyed by stream, from a
 *       checkpoint kept in the data directory (one node at a time).</li>
 *   <li>The inbox consumes {@value #INBOX_PATTERN} in consumer group {@code whizbang-<application>} on every node,
 *       feeding the dispatcher; each message's effects are stored once, in the transaction of its events.</li>
 * </ul>
 */
final class KafkaTransport {
    /** Where outbox rows go: per tenant. */
    static final String OUTBOX_TOPICS = "whizbang.{tenant}";
    /** Where the ledger's events go: per tenant, outside the inbox's pattern. */
    static final String EVENT_TOPICS = "whizbang-events.{tenant}";
    /** What the inbox consumes. */
    static final String INBOX_PATTERN = "whizbang\\.[^.]+";

    private final Vertx vertx;
    private final Storage storage;
    private final RunOptions options;
    private final Registry registry;
    private final ProjectionStore lensStore;
    private final List<String> deployments = new ArrayList<>();
    private ClusterSingleton<List<String>> relays;

    KafkaTransport(Vertx vertx, Storage storage, RunOptions options, Registry registry, ProjectionStore lensStore) {
        this.vertx = vertx;
        this.storage = storage;
        this.options = options;
        this.registry = registry;
        this.lensStore = lensStore;
    }

    /** Starts the inbox here, and the relays here unless another node of the cluster runs them. */
    Future<Void> start() {
        DispatcherOptions dispatcherOptions = options.getDispatcherOptions();
        KafkaInboxOptions inbox = new KafkaInboxOptions().setBootstrapServers(options.getKafka())
                .setGroupId("whizbang-" + registry.name()).setTopicPattern(INBOX_PATTERN);
        relays = new ClusterSingleton<>(vertx, "kafka-relays", new ClusterSingleton.Service<>() {
            @Override
            public Future<List<String>> start() {
                List<String> started = new ArrayList<>();
                return vertx.deployVerticle(new KafkaRelayVerticle(storage.ledger(), outbox(OUTBOX_TOPICS),
                                new OutboxRelayOptions()))
                        .compose(id -> {
                            started.add(id);
                            return vertx.deployVerticle(new KafkaEventRelayVerticle(storage.ledger(),
                                    outbox(EVENT_TOPICS), "events", checkpointFile(),
                                    KafkaEventRelayVerticle.DEFAULT_BATCH_SIZE));
                        })
                        .map(id -> {
                            started.add(id);
                            return started;
                        })
                        .recover(failure -> undeploy(started).transform(done -> Future.failedFuture(failure)));
            }

            @Override
            public Future<Void> stop(List<String> running) {
                return undeploy(running);
            }
        });
        return vertx.deployVerticle(new KafkaInboxVerticle(storage.ledger(),
                        view -> Dispatcher.create(vertx, registry, view, lensStore, dispatcherOptions), inbox))
                .compose(id -> {
                    deployments.add(id);
                    return relays.start();
                });
    }

    private KafkaOutboxOptions outbox(String topics) {
        return new KafkaOutboxOptions().setBootstrapServers(options.getKafka()).setTopicTemplate(topics);
    }

    private Path checkpointFile() {
        return options.getDataDir().resolve("kafka-events.checkpoint");
    }

    /** Stops the relays and the inbox. */
    Future<Void> stop() {
        return (relays == null ? Future.<Void>succeededFuture() : relays.stop())
                .compose(done -> undeploy(deployments));
    }

    private Future<Void> undeploy(List<String> ids) {
        return Future.join(ids.stream().map(vertx::undeploy).toList()).<Void>mapEmpty()
                .onComplete(done -> ids.clear());
    }
}

package io.whizbang.dispatch;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.WhizbangException;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.StreamId;
import io.whizbang.metrics.CommandHandled;
import io.whizbang.metrics.WhizbangMeters;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.registry.Registry;
import io.whizbang.security.Principal;
import io.whizbang.testdomain.CounterReceptor;
import io.whizbang.testdomain.CounterRegistry;
import io.whizbang.testdomain.Increment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.whizbang.testdomain.CounterRegistry.READ;
import static io.whizbang.testdomain.CounterRegistry.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

/** A stream's state at any version, served beside the dispatcher, and what the dispatcher reports to its meters. */
@ExtendWith(VertxExtension.class)
class TimeTravelAndMetersTest {
    private static final Principal ALICE = Principal.of("alice", "acme", WRITE, READ);
    private static final StreamId COUNTER = StreamId.of("Counter", "c1");

    private final List<CommandHandled> handled = new CopyOnWriteArrayList<>();
    private final List<Integer> appended = new CopyOnWriteArrayList<>();
    private Vertx vertx;
    private Dispatcher dispatcher;

    @BeforeEach
    void setUp(Vertx vertx) {
        this.vertx = vertx;
        Registry registry = CounterRegistry.create(new CounterReceptor());
        WhizbangMeters.install(vertx, new WhizbangMeters() {
            @Override
            public void commandHandled(CommandHandled command) {
                handled.add(command);
            }

            @Override
            public void appended(String tenant, int events, long nanos) {
                appended.add(events);
            }
        });
        DispatcherOptions options = new DispatcherOptions();
        dispatcher = Dispatcher.create(vertx, registry, Ledger.memory(vertx), ProjectionStore.memory(), options);
        await(vertx.deployVerticle(new DispatcherVerticle(dispatcher, options)));
    }

    @Test
    void theStateAtAVersionFoldsOnlyTheEventsUpToIt() {
        await(dispatcher.send(ALICE, new Increment("c1", 3)));
        await(dispatcher.send(ALICE, new Increment("c1", 4)));

        JsonObject first = stateOverTheBus(1);
        JsonObject latest = stateOverTheBus(0);
        JsonObject beyond = stateOverTheBus(99);

        assertThat(first.getLong("version")).isEqualTo(1);
        assertThat(first.getJsonObject("state").getInteger("value")).isEqualTo(3);
        assertThat(latest.getLong("version")).isEqualTo(2);
        assertThat(latest.getJsonObject("state").getInteger("value")).isEqualTo(7);
        assertThat(latest.getJsonArray("events")).hasSize(2);
        assertThat(beyond.getLong("version")).isEqualTo(2);
    }

    @Test
    void anEmptyStreamHasNoStateToTravelTo() {
        Throwable failure = dispatcher.stateAt("acme", StreamId.of("Counter", "none"), 0).toCompletionStage()
                .toCompletableFuture().handle((state, error) -> error).join();

        assertThat(((WhizbangException) failure).code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void everyCommandIsReportedWithItsEnvelopeIdsAndItsAppend() {
        Receipt receipt = await(dispatcher.send(ALICE, new Increment("c1", 1)));

        assertThat(handled).hasSize(1);
        CommandHandled command = handled.get(0);
        assertThat(command.messageId()).isEqualTo(receipt.commandId());
        assertThat(command.correlationId()).isEqualTo(receipt.correlationId());
        assertThat(command.tenant()).isEqualTo("acme");
        assertThat(command.failure()).isNull();
        assertThat(command.eventIds()).isEqualTo(receipt.eventIds());
        assertThat(appended).containsExactly(1);
    }

    private JsonObject stateOverTheBus(long version) {
        return await(vertx.eventBus().<JsonObject>request(new DispatcherOptions().stateAddress(), new JsonObject()
                .put("tenant", "acme").put("stream", COUNTER.value()).put("version", version))).body();
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the future did not succeed: " + e, e);
        }
    }
}

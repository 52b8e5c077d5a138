package io.whizbang.runtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.dispatch.DispatcherOptions;
import io.whizbang.dispatch.Receipt;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.WhizbangException;
import io.whizbang.ledger.Ledger;
import io.whizbang.registry.Registry;
import io.whizbang.security.Principal;
import io.whizbang.testdomain.Count;
import io.whizbang.testdomain.CounterReceptor;
import io.whizbang.testdomain.CounterRegistry;
import io.whizbang.testdomain.GetCount;
import io.whizbang.testdomain.Increment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Set;

import static io.whizbang.runtime.Await.failure;
import static io.whizbang.runtime.Await.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(VertxExtension.class)
class ReadYourWritesTest {
    private static final Principal ALICE = Principal.of("alice", "acme", CounterRegistry.WRITE, CounterRegistry.READ);
    private final Registry registry = CounterRegistry.create(new CounterReceptor());
    private final GatedStore store = new GatedStore();
    private Vertx vertx;
    private Ledger ledger;
    private Projections projections;

    @BeforeEach
    void start(Vertx vertx) {
        this.vertx = vertx;
        ledger = Ledger.memory(vertx);
    }

    @AfterEach
    void stop() {
        store.open("count");
        if (projections != null) {
            result(projections.stop());
        }
    }

    private Dispatcher startInline(long timeoutMillis) {
        projections = result(Projections.start(vertx, registry, ledger, store, new ProjectionsOptions()
                .addInline("count").setInlineTimeoutMillis(timeoutMillis).setHealthCheckMillis(0)));
        return Dispatcher.create(vertx, registry, ledger, projections.lensStore(),
                new DispatcherOptions().setReadYourWrites(projections.readYourWrites()));
    }

    @Test
    void aCommandIsAnsweredOnlyOnceItsInlinePerspectiveCommittedSoTheNextQuerySeesIt() {
        Dispatcher dispatcher = startInline(30_000);
        store.close("count");

        Future<Receipt> sent = dispatcher.send(ALICE, new Increment("c1", 4));
        await().until(() -> store.held() == 1);

        assertThat(sent.isComplete()).isFalse();
        store.open("count");
        Receipt receipt = result(sent);
        assertThat(receipt.position()).isEqualTo(1);
        assertThat(result(dispatcher.ask(ALICE, new GetCount("c1")))).isEqualTo(new Count("c1", 4));
    }

    @Test
    void aCommandWhoseInlinePerspectiveCannotCommitIsAnsweredAfterTheTimeoutWithItsEventsDurable() {
        Dispatcher dispatcher = startInline(50);
        store.close("count");

        Receipt receipt = result(dispatcher.send(ALICE, new Increment("c1", 4)));

        assertThat(receipt.version()).isEqualTo(1);
        assertThat(result(ledger.readAll(0, 10))).hasSize(1);
        Throwable waited = failure(projections.readYourWrites().awaitCommitted(receipt.position()));
        assertThat(((WhizbangException) waited).code()).isEqualTo(ErrorCode.TIMEOUT);
    }

    @Test
    void withoutInlinePerspectivesNothingIsAwaited() {
        projections = result(Projections.start(vertx, registry, ledger, store, new ProjectionsOptions()
                .setHealthCheckMillis(0)));
        store.close("count");

        assertThat(projections.readYourWrites().awaitCommitted(1).succeeded()).isTrue();
    }

    @Test
    void anInlinePerspectiveTheRegistryDoesNotHaveIsRefused() {
        Throwable refused = failure(Projections.start(vertx, registry, ledger, store, new ProjectionsOptions()
                .setInline(Set.of("nope"))));

        assertThat(((WhizbangException) refused).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(refused.getMessage()).contains("nope");
    }
}

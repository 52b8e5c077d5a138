package io.whizbang.deploy;

import io.vertx.core.Future;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.dispatch.DispatcherOptions;
import io.whizbang.examples.SampleApplicationRegistry;
import io.whizbang.examples.inventory.level.GetInventoryLevel;
import io.whizbang.examples.inventory.restock.RestockItem;
import io.whizbang.examples.orders.OrderStatus;
import io.whizbang.examples.orders.place.OrderLine;
import io.whizbang.examples.orders.place.PlaceOrder;
import io.whizbang.examples.orders.summary.GetOrder;
import io.whizbang.security.Principal;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code run --store=postgres://...}: the ledger and the read models in one real PostgreSQL, kept across a restart
 * with sagas and perspectives resuming from their checkpoints.
 */
class PlatformPostgresIT {
    private static final Principal ALICE = Principal.of("alice", "acme", "orders:write", "orders:read",
            "inventory:write", "inventory:read");
    private static EmbeddedPostgres postgres;

    @TempDir
    Path dataDir;
    private Platform platform;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @AfterEach
    void stopPlatform() throws Exception {
        if (platform != null) {
            result(platform.stop());
        }
    }

    private RunOptions options() {
        return TestRuns.onFreePorts(new RunOptions().setDataDir(dataDir).setStore(StoreLocation.parse(
                "postgres://postgres:unused@localhost:" + postgres.getPort() + "/postgres")));
    }

    @Test
    void ordersAreConfirmedAndOutliveARestartWithoutASagaStepRunningTwice() throws Exception {
        // given a confirmed order and a cancelled one (GADGET-1 is out of stock), settled, and the platform stopped
        platform = result(Platform.start(options()));
        Dispatcher client = Dispatcher.remote(platform.vertx(), SampleApplicationRegistry.create().codecs(),
                new DispatcherOptions());
        result(client.send(ALICE, new RestockItem("WIDGET-1", 10)));
        UUID confirmed = result(client.send(ALICE, new PlaceOrder(UUID.randomUUID(),
                List.of(new OrderLine("WIDGET-1", 3, new BigDecimal("9.99")))))).commandId();
        UUID cancelled = result(client.send(ALICE, new PlaceOrder(UUID.randomUUID(),
                List.of(new OrderLine("WIDGET-1", 2, new BigDecimal("9.99")),
                        new OrderLine("GADGET-1", 1, new BigDecimal("5.00")))))).commandId();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .untilAsserted(() -> {
                    assertThat(result(client.ask(ALICE, new GetOrder(confirmed))).status())
                            .isEqualTo(OrderStatus.CONFIRMED);
                    assertThat(result(client.ask(ALICE, new GetOrder(cancelled))).status())
                            .isEqualTo(OrderStatus.CANCELLED);
                    assertThat(result(client.ask(ALICE, new GetInventoryLevel("WIDGET-1"))).reserved())
                            .isEqualTo(3);
                });
        long headBefore = result(platform.settled());
        result(platform.stop());

        // when it starts again on the same database and settles
        platform = result(Platform.start(options()));
        long headAfter = result(platform.settled());

        // then nothing ran twice and the read models are as they were
        assertThat(headAfter).isEqualTo(headBefore);
        Dispatcher again = Dispatcher.remote(platform.vertx(), SampleApplicationRegistry.create().codecs(),
                new DispatcherOptions());
        assertThat(result(again.ask(ALICE, new GetOrder(confirmed))).status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(result(again.ask(ALICE, new GetOrder(cancelled))).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(result(again.ask(ALICE, new GetInventoryLevel("WIDGET-1"))).onHand()).isEqualTo(10);
        assertThat(result(again.ask(ALICE, new GetInventoryLevel("WIDGET-1"))).reserved()).isEqualTo(3);
    }

    private static <T> T result(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}

package io.whizbang.deploy;

import io.vertx.core.Future;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.dispatch.DispatcherOptions;
import io.whizbang.dispatch.Receipt;
import io.whizbang.examples.SampleApplicationRegistry;
import io.whizbang.examples.inventory.level.GetInventoryLevel;
import io.whizbang.examples.inventory.level.InventoryLevel;
import io.whizbang.examples.inventory.restock.RestockItem;
import io.whizbang.examples.orders.OrderStatus;
import io.whizbang.examples.orders.place.OrderLine;
import io.whizbang.examples.orders.place.PlaceOrder;
import io.whizbang.examples.orders.summary.GetOrder;
import io.whizbang.examples.orders.summary.OrderSummary;
import io.whizbang.security.Principal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class PlatformTest {
    private static final Principal ALICE = Principal.of("alice", "acme", "orders:write", "orders:read",
            "inventory:write", "inventory:read");

    @TempDir
    Path dataDir;

    private Platform platform;

    @AfterEach
    void stopPlatform() throws Exception {
        if (platform != null) {
            result(platform.stop());
        }
    }

    @Test
    void placedOrderIsConfirmedOnceItsStockIsReserved() throws Exception {
        // given
        platform = result(Platform.start(TestRuns.onFreePorts(new RunOptions().setDataDir(dataDir))));
        Dispatcher client = Dispatcher.remote(platform.vertx(), SampleApplicationRegistry.create().codecs(),
                new DispatcherOptions());
        result(client.send(ALICE, new RestockItem("WIDGET-1", 10)));

        // when
        Receipt placed = result(client.send(ALICE, new PlaceOrder(UUID.randomUUID(),
                List.of(new OrderLine("WIDGET-1", 3, new BigDecimal("9.99"))))));

        // then
        UUID orderId = placed.commandId();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .untilAsserted(() -> assertThat(result(client.ask(ALICE, new GetOrder(orderId))).status())
                        .isEqualTo(OrderStatus.CONFIRMED));
        OrderSummary summary = result(client.ask(ALICE, new GetOrder(orderId)));
        assertThat(summary.total()).isEqualByComparingTo("29.97");
    }

    @Test
    void reportsThePerspectivesAndSagasItRuns() throws Exception {
        platform = result(Platform.start(TestRuns.onFreePorts(new RunOptions().setDataDir(dataDir))));

        assertThat(platform.servesDispatcher()).isTrue();
        assertThat(platform.perspectives()).isNotEmpty()
                .containsExactlyElementsOf(platform.registry().perspectives().stream().map(p -> p.name()).toList());
        assertThat(platform.sagas()).isNotEmpty();
    }

    @Test
    void projectionsAloneStartNoDispatcherAndNoSagas() throws Exception {
        platform = result(Platform.start(TestRuns.onFreePorts(new RunOptions().setDataDir(dataDir)
                .setServices(EnumSet.of(Service.PROJECTIONS)))));

        assertThat(platform.servesDispatcher()).isFalse();
        assertThat(platform.sagas()).isEmpty();
        assertThat(platform.perspectives()).isNotEmpty();
    }

    @Test
    void aPostgresStoreThatCannotBeReachedFailsTheStartAsUnavailableWithoutItsPassword() {
        RunOptions options = TestRuns.onFreePorts(new RunOptions().setDataDir(dataDir)
                .setStore(StoreLocation.parse("postgres://app:secret-pw@127.0.0.1:1/whizbang")));

        assertThatThrownBy(() -> result(Platform.start(options)))
                .hasCauseInstanceOf(io.whizbang.error.WhizbangException.class)
                .satisfies(failure -> assertThat(((io.whizbang.error.WhizbangException) failure.getCause()).code())
                        .isEqualTo(io.whizbang.error.ErrorCode.UNAVAILABLE))
                .hasMessageContaining("PostgreSQL at 127.0.0.1:1/whizbang is unavailable")
                .hasMessageNotContaining("secret-pw");
    }

    @Test
    void aStoreThatCannotBeOpenedFailsTheStartAndSaysWhich() throws Exception {
        Path notADirectory = dataDir.resolve("file");
        java.nio.file.Files.writeString(notADirectory, "not a directory");
        RunOptions options = new RunOptions().setDataDir(dataDir)
                .setStore(new StoreLocation.Sqlite(notADirectory.resolve("whizbang.db")));

        assertThatThrownBy(() -> result(Platform.start(options)))
                .hasMessageContaining("the SQLite ledger " + notADirectory.resolve("whizbang.db"));
    }

    @Test
    void theDefaultStoreIsAnSqliteFileInTheDataDirectory() throws Exception {
        platform = result(Platform.start(TestRuns.onFreePorts(new RunOptions().setDataDir(dataDir))));

        assertThat(platform.options().getStore())
                .isEqualTo(new StoreLocation.Sqlite(dataDir.resolve(RunOptions.DEFAULT_STORE_FILE)));
        assertThat(dataDir.resolve(RunOptions.DEFAULT_STORE_FILE)).isRegularFile();
    }

    @Test
    void ordersSurviveARestartOnTheSameDataDirectory() throws Exception {
        // given an order placed and confirmed, and a platform stopped
        platform = result(Platform.start(TestRuns.onFreePorts(new RunOptions().setDataDir(dataDir))));
        Dispatcher client = Dispatcher.remote(platform.vertx(), SampleApplicationRegistry.create().codecs(),
                new DispatcherOptions());
        result(client.send(ALICE, new RestockItem("WIDGET-1", 10)));
        UUID orderId = result(client.send(ALICE, new PlaceOrder(UUID.randomUUID(),
                List.of(new OrderLine("WIDGET-1", 3, new BigDecimal("9.99")))))).commandId();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .untilAsserted(() -> assertThat(result(client.ask(ALICE, new GetOrder(orderId))).status())
                        .isEqualTo(OrderStatus.CONFIRMED));
        result(platform.stop());

        // when it starts again on the same data directory
        platform = result(Platform.start(TestRuns.onFreePorts(new RunOptions().setDataDir(dataDir))));
        Dispatcher again = Dispatcher.remote(platform.vertx(), SampleApplicationRegistry.create().codecs(),
                new DispatcherOptions());

        // then the order is there as it was
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .untilAsserted(() -> {
                    OrderSummary summary = result(again.ask(ALICE, new GetOrder(orderId)));
                    assertThat(summary.status()).isEqualTo(OrderStatus.CONFIRMED);
                    assertThat(summary.total()).isEqualByComparingTo("29.97");
                });
        InventoryLevel level = result(again.ask(ALICE, new GetInventoryLevel("WIDGET-1")));
        assertThat(level.onHand()).isEqualTo(10);
        assertThat(level.reserved()).isEqualTo(3);
    }

    @Test
    void afterARestartSagasAndPerspectivesResumeFromTheirCheckpoints() throws Exception {
        // given an order confirmed, an order cancelled for want of GADGET-1 (its WIDGET-1 released again), all they
        // set off settled, and the platform stopped
        platform = result(Platform.start(TestRuns.onFreePorts(new RunOptions().setDataDir(dataDir))));
        Dispatcher client = Dispatcher.remote(platform.vertx(), SampleApplicationRegistry.create().codecs(),
                new DispatcherOptions());
        result(client.send(ALICE, new RestockItem("WIDGET-1", 10)));
        UUID confirmed = result(client.send(ALICE, new PlaceOrder(UUID.randomUUID(),
                List.of(new OrderLine("WIDGET-1", 3, new BigDecimal("9.99")))))).commandId();
        UUID cancelled = result(client.send(ALICE, new PlaceOrder(UUID.randomUUID(),
                List.of(new OrderLine("WIDGET-1", 2, new BigDecimal("9.99")),
                        new OrderLine("GADGET-1", 1, new BigDecimal("5.00")))))).commandId();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
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

        // when it starts again on the same data directory and settles
        platform = result(Platform.start(TestRuns.onFreePorts(new RunOptions().setDataDir(dataDir))));
        long headAfter = result(platform.settled());

        // then no saga ran a step again: it would have reserved the released WIDGET-1 again, moving the head
        assertThat(headAfter).isEqualTo(headBefore);
        assertThat(dataDir.resolve("whizbang-projections.db")).isRegularFile();
        Dispatcher again = Dispatcher.remote(platform.vertx(), SampleApplicationRegistry.create().codecs(),
                new DispatcherOptions());
        assertThat(result(again.ask(ALICE, new GetOrder(confirmed))).status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(result(again.ask(ALICE, new GetOrder(cancelled))).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(result(again.ask(ALICE, new GetInventoryLevel("WIDGET-1"))).reserved()).isEqualTo(3);
    }

    @Test
    void stopIsIdempotent() throws Exception {
        Platform started = result(Platform.start(TestRuns.onFreePorts(new RunOptions().setDataDir(dataDir))));

        result(started.stop());

        assertThat(started.stop().succeeded()).isTrue();
    }

    private static <T> T result(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}

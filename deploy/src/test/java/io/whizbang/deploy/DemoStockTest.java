package io.whizbang.deploy;

import io.vertx.core.Future;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.dispatch.DispatcherOptions;
import io.whizbang.examples.SampleApplicationRegistry;
import io.whizbang.examples.inventory.level.GetInventoryLevel;
import io.whizbang.security.Principal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code run --seed}: the demo stock is there after the first start and not doubled by the next.
 */
class DemoStockTest {
    private static final Principal READER = Principal.of("reader", "acme", "inventory:read");

    @TempDir
    Path dataDir;
    private Platform platform;

    @AfterEach
    void stop() throws Exception {
        if (platform != null) {
            result(platform.stop());
        }
    }

    @Test
    void seedingTwiceStoresTheStockOnce() throws Exception {
        platform = result(Platform.start(TestRuns.onFreePorts(new RunOptions().setDataDir(dataDir).setSeed(true))));
        assertOnHand(100);
        result(platform.stop());

        platform = result(Platform.start(TestRuns.onFreePorts(new RunOptions().setDataDir(dataDir).setSeed(true))));
        result(platform.settled());

        assertOnHand(100);
    }

    private void assertOnHand(int expected) {
        Dispatcher client = Dispatcher.remote(platform.vertx(), SampleApplicationRegistry.create().codecs(),
                new DispatcherOptions());
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
            for (String sku : new String[] {"SKU-1", "SKU-2", "SKU-3"}) {
                assertThat(result(client.ask(READER, new GetInventoryLevel(sku))).onHand()).isEqualTo(expected);
            }
        });
    }

    private static <T> T result(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}

package io.whizbang.benchmarks.runtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.examples.SampleApplicationRegistry;
import io.whizbang.examples.inventory.level.GetInventoryLevel;
import io.whizbang.examples.inventory.level.InventoryLevel;
import io.whizbang.examples.inventory.restock.RestockItem;
import io.whizbang.ledger.Ledger;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.registry.Registry;
import io.whizbang.runtime.Projections;
import io.whizbang.runtime.ProjectionsOptions;
import io.whizbang.security.Principal;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * A lens query after a blue/green rebuild, read through the projections' lens store (which routes the perspective's
 * collection to its active generation), against the same query on the raw store reading the same documents of the
 * replaced generation, in the same run.
 *
 * <p>Setup: the sample application on the memory ledger and store, 100 SKUs restocked, {@code inventory-level}
 * rebuilt once (generation 1 active; the replaced generation 0 kept, identical, for the baseline).
 * {@link #routedNeverRebuiltAsk} reads through the lens store of a second, identical setup without a rebuild: the
 * cost of routing for a perspective still at generation 0.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LensRoutingBenchmark {
    private static final Principal READER = Principal.of("bench", "acme", "inventory:read", "inventory:write");
    private Vertx vertx;
    private Projections projections;
    private Dispatcher raw;
    private Dispatcher routed;
    private Projections neverRebuilt;
    private Dispatcher routedNeverRebuilt;
    private int next;

    @Setup
    public void setUp() throws Exception {
        Registry registry = SampleApplicationRegistry.create();
        vertx = Vertx.vertx();
        Ledger ledger = Ledger.memory(vertx);
        ProjectionStore store = ProjectionStore.memory();
        projections = await(Projections.start(vertx, registry, ledger, store, new ProjectionsOptions()
                .setHealthCheckMillis(0).setRetiredGenerationGraceMillis(TimeUnit.HOURS.toMillis(1))));
        raw = Dispatcher.create(vertx, registry, ledger, store);
        routed = Dispatcher.create(vertx, registry, ledger, projections.lensStore());
        long head = 0;
        for (int i = 0; i < 100; i++) {
            head = await(raw.send(READER, new RestockItem("SKU-" + i, 5))).position();
        }
        await(projections.caughtUp(head));
        await(projections.rebuild("inventory-level"));
        while (await(projections.health("inventory-level")).generation() != 1) {
            Thread.sleep(10);
        }
        Ledger otherLedger = Ledger.memory(vertx);
        ProjectionStore otherStore = ProjectionStore.memory();
        neverRebuilt = await(Projections.start(vertx, registry, otherLedger, otherStore, new ProjectionsOptions()
                .setHealthCheckMillis(0)));
        Dispatcher writer = Dispatcher.create(vertx, registry, otherLedger, otherStore);
        for (int i = 0; i < 100; i++) {
            head = await(writer.send(READER, new RestockItem("SKU-" + i, 5))).position();
        }
        await(neverRebuilt.caughtUp(head));
        routedNeverRebuilt = Dispatcher.create(vertx, registry, otherLedger, neverRebuilt.lensStore());
        if (!await(routed.ask(READER, new GetInventoryLevel("SKU-7"))).equals(
                await(raw.ask(READER, new GetInventoryLevel("SKU-7"))))) {
            throw new IllegalStateException("the generations differ");
        }
    }

    @TearDown
    public void tearDown() {
        await(projections.stop());
        await(neverRebuilt.stop());
        await(vertx.close());
    }

    @Benchmark
    public InventoryLevel rawStoreAsk() {
        return await(raw.ask(READER, new GetInventoryLevel("SKU-" + (next++ % 100))));
    }

    @Benchmark
    public InventoryLevel routedLensStoreAsk() {
        return await(routed.ask(READER, new GetInventoryLevel("SKU-" + (next++ % 100))));
    }

    @Benchmark
    public InventoryLevel routedNeverRebuiltAsk() {
        return await(routedNeverRebuilt.ask(READER, new GetInventoryLevel("SKU-" + (next++ % 100))));
    }

    private static <T> T await(Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().join();
    }
}

package io.whizbang.benchmarks.runtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.examples.SampleApplicationRegistry;
import io.whizbang.examples.inventory.restock.RestockItem;
import io.whizbang.ledger.Ledger;
import io.whizbang.projection.Document;
import io.whizbang.projection.DocumentKey;
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

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A lens's read of one document after a blue/green rebuild, through the lens store that routes the perspective's
 * collection to its active generation (what every dispatcher's lenses read through), against the same read on the
 * raw store naming the active generation's collection itself, in the same run.
 *
 * <p>Setup: the sample application on the memory ledger and store, 100 SKUs restocked, {@code inventory-level}
 * rebuilt once (generation 1, collection {@code inventory-level#1}). {@link #routedNeverRebuiltLoad} reads through
 * the lens store of a second, identical setup without a rebuild: the cost of routing for a perspective still at
 * generation 0, whose route is its own name.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LensRoutingBenchmark {
    private static final String PERSPECTIVE = "inventory-level";
    private static final Principal WRITER = Principal.of("bench", "acme", "inventory:write");
    private Vertx vertx;
    private Projections projections;
    private Projections neverRebuilt;
    private ProjectionStore raw;
    private List<List<DocumentKey>> rawKeys;
    private List<List<DocumentKey>> logicalKeys;
    private int next;

    @Setup
    public void setUp() throws Exception {
        Registry registry = SampleApplicationRegistry.create();
        vertx = Vertx.vertx();
        raw = ProjectionStore.memory();
        projections = restocked(registry, raw);
        await(projections.rebuild(PERSPECTIVE));
        while (await(projections.health(PERSPECTIVE)).generation() != 1) {
            Thread.sleep(10);
        }
        neverRebuilt = restocked(registry, ProjectionStore.memory());
        rawKeys = keys(PERSPECTIVE + "#1");
        logicalKeys = keys(PERSPECTIVE);
        Map<DocumentKey, Document> direct = await(raw.load(rawKeys.get(7)));
        Map<DocumentKey, Document> routed = await(projections.lensStore().load(logicalKeys.get(7)));
        if (direct.size() != 1 || routed.size() != 1 || !direct.values().iterator().next().equals(
                routed.values().iterator().next())) {
            throw new IllegalStateException("the routed read differs from the direct one");
        }
    }

    private Projections restocked(Registry registry, ProjectionStore store) {
        Ledger ledger = Ledger.memory(vertx);
        Projections started = await(Projections.start(vertx, registry, ledger, store, new ProjectionsOptions()
                .setHealthCheckMillis(0)));
        Dispatcher writer = Dispatcher.create(vertx, registry, ledger, store);
        long head = 0;
        for (int i = 0; i < 100; i++) {
            head = await(writer.send(WRITER, new RestockItem("SKU-" + i, 5))).position();
        }
        await(started.caughtUp(head));
        return started;
    }

    private static List<List<DocumentKey>> keys(String collection) {
        return java.util.stream.IntStream.range(0, 100)
                .mapToObj(i -> List.of(new DocumentKey("acme", collection, "SKU-" + i))).toList();
    }

    @TearDown
    public void tearDown() {
        await(projections.stop());
        await(neverRebuilt.stop());
        await(vertx.close());
    }

    @Benchmark
    public Map<DocumentKey, Document> rawStoreLoad() {
        return await(raw.load(rawKeys.get(next++ % 100)));
    }

    @Benchmark
    public Map<DocumentKey, Document> routedLoad() {
        return await(projections.lensStore().load(logicalKeys.get(next++ % 100)));
    }

    @Benchmark
    public Map<DocumentKey, Document> routedNeverRebuiltLoad() {
        return await(neverRebuilt.lensStore().load(logicalKeys.get(next++ % 100)));
    }

    private static <T> T await(Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().join();
    }
}

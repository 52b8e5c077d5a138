package io.whizbang.benchmarks.cluster;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.whizbang.examples.Scopes;
import io.whizbang.security.DevelopmentKey;
import io.whizbang.security.DevelopmentTokens;
import io.whizbang.security.Principal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * The sample's place-order flow on 1, 2 and 3 launcher JVMs clustered on loopback (issue 7), the first cluster size
 * the baseline of the others, all in one run: for each size a fresh embedded PostgreSQL (durable commits), the nodes
 * (each with the ledger and the REST gateway, the first with the projections; sagas and perspectives are cluster
 * singletons on the first), stock for every order, then a closed loop of {@code POST /api/orders} spread round-robin
 * over the nodes' gateways: a warm-up, then measured rounds of accepted orders per second and latency percentiles.
 * After the last round it waits (up to a limit) for the saga and the inventory perspective to reserve the stock of
 * every accepted order and says how far they trailed and how fast they caught up, since the singletons' backlog is
 * part of the cost.
 *
 * <p>Options, as {@code --name=value}: {@code jvms}, the sizes in the order measured (1,2,3; {@code 1,2,3,1}
 * measures the baseline again at the end and divides by the mean of both), {@code requests} per round (2000),
 * {@code concurrency} (32), {@code rounds} (3), {@code warmup} orders (1500), {@code client-loops} (1),
 * {@code skus} (100), {@code max-seconds} per round (30), {@code settle-seconds} (30), {@code start-seconds} per
 * node (180), {@code heap} of each node (512m), {@code jar} ({@value ClusterSettings#DEFAULT_JAR}).
 */
public final class ClusterPlaceOrderLoad {
    /** The most a single restock may add. */
    private static final int MAX_RESTOCK = 10_000;

    private ClusterPlaceOrderLoad() {
    }

    public static void main(String[] args) throws Exception {
        ClusterSettings settings = ClusterSettings.parse(args);
        if (!Files.isRegularFile(settings.jar())) {
            throw new IllegalArgumentException("no launcher jar at " + settings.jar().toAbsolutePath()
                    + "; build it (./mvnw -q -DskipTests install) or pass --jar=");
        }
        System.out.printf(Locale.ROOT, "cluster sizes %s, concurrency %d, warm-up %d, rounds %d x %d orders,"
                        + " %d SKUs, node heap %s, %d cores; load average %s%n", settings.jvms(),
                settings.concurrency(), settings.warmup(), settings.rounds(), settings.requests(), settings.skus(),
                settings.heap(), Runtime.getRuntime().availableProcessors(), LocalPostgres.loadAverage());
        Vertx clients = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(settings.clientLoops()));
        List<ClusterReport.Measured> sizes = new ArrayList<>();
        try {
            GeneratorWarmup.run(clients, placeOrder(MultiMap.caseInsensitiveMultiMap()
                    .add("Authorization", "Bearer warm-up").add("Content-Type", "application/json"), settings),
                    settings);
            for (int jvms : settings.jvms()) {
                sizes.add(measure(jvms, settings, clients));
            }
        } finally {
            clients.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        System.out.println("load average at the end " + LocalPostgres.loadAverage());
        System.out.println();
        System.out.println(ClusterReport.table(sizes));
    }

    /** Measures one cluster size on a PostgreSQL and nodes of its own, stopped before it returns. */
    private static ClusterReport.Measured measure(int jvms, ClusterSettings settings, Vertx clients)
            throws Exception {
        try (LocalPostgres postgres = LocalPostgres.start()) {
            Path dataDir = postgres.directory().resolve("whizbang-data");
            Files.createDirectories(dataDir);
            // created before the nodes start, which then all load it: the benchmark's token is good on every node
            DevelopmentKey key = DevelopmentKey.loadOrCreate(dataDir);
            String bearer = "Bearer " + DevelopmentTokens.mint(new Principal("bench", "acme", Set.of(
                    Scopes.ORDERS_WRITE, Scopes.ORDERS_READ, Scopes.INVENTORY_WRITE, Scopes.INVENTORY_READ)),
                    Duration.ofHours(2), key, Clock.systemUTC());
            long started = System.nanoTime();
            try (LauncherCluster cluster = LauncherCluster.start(jvms, postgres.port(), dataDir, settings)) {
                System.out.printf(Locale.ROOT, "%d JVM(s) running after %.1f s on %s; load average %s%n", jvms,
                        (System.nanoTime() - started) / 1e9, postgres.description(), LocalPostgres.loadAverage());
                return drive(jvms, cluster.restPorts(), bearer, settings, clients);
            }
        }
    }

    private static ClusterReport.Measured drive(int jvms, List<Integer> ports, String bearer,
                                                ClusterSettings settings, Vertx clients) throws Exception {
        HttpClient http = clients.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(settings.concurrency()));
        try {
            RoundRobinLoad load = new RoundRobinLoad(http, clients.getOrCreateContext());
            MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Authorization", bearer)
                    .add("Content-Type", "application/json");
            restock(load, ports, headers, settings);
            IntFunction<RoundRobinLoad.Call> placeOrder = placeOrder(headers, settings);
            RoundRobinLoad.Result warmup = await(load.run(ports, placeOrder, 201, settings.warmup(),
                    settings.concurrency(), settings.maxMillis()));
            System.out.println(ClusterReport.line(jvms, 0, warmup) + " (warm-up)");
            long accepted = warmup.completed();
            List<RoundRobinLoad.Result> rounds = new ArrayList<>();
            for (int round = 1; round <= settings.rounds(); round++) {
                RoundRobinLoad.Result result = await(load.run(ports, placeOrder, 201, settings.requests(),
                        settings.concurrency(), settings.maxMillis()));
                System.out.println(ClusterReport.line(jvms, round, result));
                rounds.add(result);
                accepted += result.completed();
            }
            System.out.println("load average " + LocalPostgres.loadAverage());
            RoundRobinLoad.Result last = rounds.get(rounds.size() - 1);
            String settled = last.lastBody() == null ? "no order accepted"
                    : new Settling(clients, http, ports.get(0), headers, settings).await(
                            new JsonObject(last.lastBody()).getString("orderId"), accepted);
            System.out.println(jvms + " JVM(s) after the load: " + settled);
            return new ClusterReport.Measured(jvms, rounds, settled);
        } finally {
            await(http.close());
        }
    }

    /** The i-th order: one line of one unit of a SKU in turn, for a new customer. */
    static IntFunction<RoundRobinLoad.Call> placeOrder(MultiMap headers, ClusterSettings settings) {
        return i -> new RoundRobinLoad.Call(HttpMethod.POST, "/api/orders", headers, Buffer.buffer(new JsonObject()
                .put("customerId", UUID.randomUUID().toString()).put("lines", new JsonArray().add(new JsonObject()
                        .put("sku", sku(i % settings.skus())).put("quantity", 1).put("unitPrice", "3.00")))
                .encode()));
    }

    /** Restocks every SKU with enough for every order the run may place; fails when a restock is refused. */
    private static void restock(RoundRobinLoad load, List<Integer> ports, MultiMap headers, ClusterSettings settings)
            throws Exception {
        long orders = settings.warmup() + (long) settings.rounds() * settings.requests();
        long perSku = orders / settings.skus() + 1;
        int chunks = (int) ((perSku + MAX_RESTOCK - 1) / MAX_RESTOCK);
        Buffer body = Buffer.buffer(new JsonObject().put("quantity", (int) Math.min(perSku, MAX_RESTOCK)).encode());
        RoundRobinLoad.Result restocked = await(load.run(ports, i -> new RoundRobinLoad.Call(HttpMethod.POST,
                "/api/inventory/" + sku(i % settings.skus()) + "/restock", headers, body), 202,
                settings.skus() * chunks, Math.min(settings.concurrency(), settings.skus()), settings.maxMillis() * 4));
        if (restocked.failed() > 0 || restocked.completed() < (long) settings.skus() * chunks) {
            throw new IllegalStateException("restocking failed: " + restocked.completed() + " accepted, "
                    + restocked.failed() + " failed; first failure: " + restocked.failure());
        }
    }

    static String sku(int index) {
        return "CLUSTER-" + index;
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
    }
}

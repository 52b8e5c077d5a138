package io.whizbang.benchmarks.mobile;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.whizbang.examples.Scopes;
import io.whizbang.gateway.mobile.MobileGatewayOptions;
import io.whizbang.gateway.mobile.MobileGatewayVerticle;
import io.whizbang.security.DevelopmentKey;
import io.whizbang.security.DevelopmentTokens;
import io.whizbang.security.Principal;
import io.whizbang.security.TokenVerifierOptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The mobile gateway's load benchmark, baseline in the same run: {@code POST /api/inventory/{sku}/restock} (a whole
 * command: bearer token, JSON decoded by the generated codec, event bus, dispatcher, memory ledger) against a bare
 * Vert.x HTTP handler answering the same request on the same number of event loops; and {@code GET /api/orders/{id}}
 * (token, lens over the bus, ETag) against the bare handler's {@code GET}. A third figure sends the restock to a
 * gateway whose dispatcher is a stub answering at once, to show the gateway's own share of a command. Perspectives
 * and sagas are stopped once the order the {@code GET} reads is confirmed and projected, so the measured phases run
 * the dispatcher, lenses and the memory ledger only.
 *
 * <p>Options, as {@code --name=value}: {@code requests} per measured phase (20000), {@code concurrency} (32),
 * {@code event-loops} of the servers (2), {@code client-loops} of the load generator (1), {@code rounds} (5),
 * {@code warmup} requests per target (30000), {@code max-seconds} per phase (30).
 */
public final class MobileRestLoad {
    private static final int SKUS = 10_000;

    private MobileRestLoad() {
    }

    public static void main(String[] args) throws Exception {
        List<List<LoadGenerator.Result>> rounds = measure(Settings.parse(args));
        System.out.println();
        System.out.println(Report.table(rounds));
    }

    /** Runs the benchmark on Vert.x instances of its own; answers each round's results, phase by phase. */
    static List<List<LoadGenerator.Result>> measure(Settings settings) throws Exception {
        Vertx servers = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(settings.eventLoops()));
        Vertx clients = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(settings.clientLoops()));
        try {
            return run(settings, servers, clients);
        } finally {
            clients.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            servers.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static List<List<LoadGenerator.Result>> run(Settings settings, Vertx servers, Vertx clients)
            throws Exception {
        DevelopmentKey key = DevelopmentKey.loadOrCreate(Files.createTempDirectory("whizbang-bench"));
        String token = DevelopmentTokens.mint(new Principal("bench", "acme", Set.of(Scopes.ORDERS_WRITE,
                Scopes.ORDERS_READ, Scopes.INVENTORY_WRITE, Scopes.INVENTORY_READ)), Duration.ofHours(1), key,
                Clock.systemUTC());
        int gatewayPort = freePort();
        int helloPort = freePort();
        int stubbedPort = freePort();
        MobileGatewayOptions options = new MobileGatewayOptions().setHost("127.0.0.1").setPort(gatewayPort)
                .setTokens(TokenVerifierOptions.development(key));
        MobileGatewayOptions stubbed = new MobileGatewayOptions(options.toJson()).setPort(stubbedPort)
                .setAddressPrefix(StubDispatcher.PREFIX);
        DeploymentOptions instances = new DeploymentOptions().setInstances(settings.eventLoops());
        MemoryBackend backend = await(MemoryBackend.start(servers));
        await(servers.deployVerticle(() -> new MobileGatewayVerticle(options), instances)
                .compose(v -> servers.deployVerticle(() -> new HelloVerticle(helloPort), instances))
                .compose(v -> servers.deployVerticle(new StubDispatcher()))
                .compose(v -> servers.deployVerticle(() -> new MobileGatewayVerticle(stubbed), instances)));

        LoadGenerator load = new LoadGenerator(clients.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(settings.concurrency())), clients.getOrCreateContext());
        String orderId = OrderFixture.placeConfirmedOrder(clients, gatewayPort, token);
        await(backend.stopProcessors());
        AtomicInteger skus = new AtomicInteger();
        MultiMap commandHeaders = MultiMap.caseInsensitiveMultiMap().add("Authorization", "Bearer " + token)
                .add("Content-Type", "application/json");
        MultiMap queryHeaders = MultiMap.caseInsensitiveMultiMap().add("Authorization", "Bearer " + token);
        Buffer restockBody = Buffer.buffer("{\"quantity\":1}");
        IntFunction<LoadGenerator.Call> restock = i -> new LoadGenerator.Call(HttpMethod.POST,
                "/api/inventory/SKU-" + (skus.getAndIncrement() % SKUS) + "/restock", commandHeaders, restockBody);
        IntFunction<LoadGenerator.Call> read = i -> new LoadGenerator.Call(HttpMethod.GET, "/api/orders/" + orderId,
                queryHeaders, null);

        List<Phase> phases = List.of(
                new Phase("hello POST (baseline)", helloPort, restock, 200),
                new Phase("REST POST /api/inventory/{sku}/restock", gatewayPort, restock, 202),
                new Phase("same, dispatcher stubbed", stubbedPort, restock, 202),
                new Phase("hello GET (baseline)", helloPort, read, 200),
                new Phase("REST GET /api/orders/{id}", gatewayPort, read, 200));
        System.out.printf(Locale.ROOT, "event loops %d, client loops %d, concurrency %d, requests %d, rounds %d%n",
                settings.eventLoops(), settings.clientLoops(), settings.concurrency(), settings.requests(),
                settings.rounds());
        for (Phase phase : phases) {
            await(load.run("warm-up " + phase.name(), phase.port(), phase.calls(), phase.expected(),
                    settings.warmup(), settings.concurrency(), settings.maxMillis()));
        }
        List<List<LoadGenerator.Result>> rounds = new ArrayList<>();
        for (int round = 1; round <= settings.rounds(); round++) {
            // even rounds run each figure before its baseline, so that a shared machine's drift falls on both
            int[] order = round % 2 == 1 ? new int[]{0, 1, 2, 3, 4} : new int[]{1, 2, 0, 4, 3};
            LoadGenerator.Result[] results = new LoadGenerator.Result[phases.size()];
            for (int index : order) {
                Phase phase = phases.get(index);
                results[index] = await(load.run(phase.name(), phase.port(), phase.calls(), phase.expected(),
                        settings.requests(), settings.concurrency(), settings.maxMillis()));
                System.out.println("round " + round + ": " + Report.line(results[index]));
            }
            rounds.add(List.of(results));
        }
        return rounds;
    }

    /** One target: what to call, where, and the status of a good answer. */
    private record Phase(String name, int port, IntFunction<LoadGenerator.Call> calls, int expected) {
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
    }
}

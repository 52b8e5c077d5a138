package io.whizbang.benchmarks.web;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.dispatch.DispatcherOptions;
import io.whizbang.dispatch.DispatcherVerticle;
import io.whizbang.examples.SampleApplicationRegistry;
import io.whizbang.examples.orders.place.OrderLine;
import io.whizbang.examples.orders.place.PlaceOrder;
import io.whizbang.gateway.mobile.MobileGatewayOptions;
import io.whizbang.gateway.mobile.MobileGatewayVerticle;
import io.whizbang.gateway.web.WebGatewayOptions;
import io.whizbang.gateway.web.WebGatewayVerticle;
import io.whizbang.ledger.Ledger;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.registry.Registry;
import io.whizbang.runtime.Projections;
import io.whizbang.security.DevelopmentKey;
import io.whizbang.security.DevelopmentTokens;
import io.whizbang.security.Principal;
import io.whizbang.security.TokenVerifierOptions;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The web gateway's GraphQL query against the equivalent REST GET, measured in the same run: {@code POST /graphql}
 * with {@code order(id) { id status total placedAt version }} (document cache, depth and complexity checks, token
 * from the cache, remote dispatcher over the event bus, the {@code GetOrder} lens on the memory store, the answer
 * mapped through its codec) against the REST gateway's {@code GET /api/orders/{id}} (the baseline), and for reference
 * against a plain Vert.x Web route doing the same lens call ({@link OrderRouteVerticle}).
 *
 * <p>Every server runs {@code eventLoops} verticle instances on a Vert.x with {@code eventLoops} event loops, beside
 * the dispatcher; the load generator runs on a Vert.x of its own. Each round measures every target, starting with
 * another one each round, so that the drift of a shared machine falls on all.
 *
 * <p>Besides throughput and latency it reports the CPU time of the whole process per request, which a shared
 * machine's drift disturbs less than throughput.
 *
 * <p>{@code java -cp benchmarks.jar io.whizbang.benchmarks.web.GraphQLQueryLoad [requests] [concurrency]
 * [eventLoops] [rounds] [warmupRounds]}
 */
public final class GraphQLQueryLoad {
    static final int DEFAULT_REQUESTS = 20_000;
    static final int DEFAULT_CONCURRENCY = 32;
    static final int DEFAULT_EVENT_LOOPS = 2;
    static final int DEFAULT_ROUNDS = 5;
    static final int DEFAULT_WARMUP_ROUNDS = 6;
    /** The longest one measured run may take; a run stops issuing requests then. */
    static final long MAX_RUN_MILLIS = 15_000;
    /** The REST gateway's {@code GET /api/orders/{id}}: the baseline. */
    static final String REST_GATEWAY = "REST gateway GET";
    /** A plain Vert.x Web route doing the same lens call, for reference. */
    static final String PLAIN_ROUTE = "plain route GET";
    /** The web gateway's query. */
    static final String GRAPHQL = "GraphQL";
    /** The GraphQL document: the order with a few fields. */
    static final String QUERY = "query Order($id: ID!) { order(id: $id) { id status total placedAt version } }";

    private GraphQLQueryLoad() {
    }

    /**
     * How to load.
     *
     * @param requests    requests per run
     * @param concurrency requests in flight
     * @param eventLoops  event loops (and verticle instances) of each server
     * @param rounds      measured rounds, each one run of every target
     * @param warmup      rounds run first and not measured: graphql-java has much code for the JIT to compile
     */
    record Settings(int requests, int concurrency, int eventLoops, int rounds, int warmup) {
        static Settings of(String[] args) {
            return new Settings(arg(args, 0, DEFAULT_REQUESTS), arg(args, 1, DEFAULT_CONCURRENCY),
                    arg(args, 2, DEFAULT_EVENT_LOOPS), arg(args, 3, DEFAULT_ROUNDS),
                    arg(args, 4, DEFAULT_WARMUP_ROUNDS));
        }

        private static int arg(String[] args, int index, int fallback) {
            return args.length > index ? Integer.parseInt(args[index]) : fallback;
        }
    }

    /**
     * The runs of a measurement, by target, in the order they are printed; the first is the baseline.
     *
     * @param settings how it loaded
     * @param runs     each target's measured runs
     */
    record Report(Settings settings, Map<String, List<HttpLoad.Result>> runs) {
        static double throughput(List<HttpLoad.Result> runs) {
            long completed = runs.stream().mapToLong(HttpLoad.Result::completed).sum();
            long nanos = runs.stream().mapToLong(HttpLoad.Result::nanos).sum();
            return completed * 1e9 / nanos;
        }

        /** The CPU time of the whole process per answered request, in microseconds. */
        static double cpuMicros(List<HttpLoad.Result> runs) {
            long completed = runs.stream().mapToLong(HttpLoad.Result::completed).sum();
            long cpu = runs.stream().mapToLong(HttpLoad.Result::cpuNanos).sum();
            return cpu / 1e3 / completed;
        }

        static Histogram latency(List<HttpLoad.Result> runs) {
            Histogram all = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
            runs.forEach(run -> all.add(run.latency()));
            return all;
        }

        long failures() {
            return runs.values().stream().flatMap(List::stream).mapToLong(HttpLoad.Result::failed).sum();
        }

        void print(PrintStream out) {
            out.printf(Locale.ROOT, "GraphQL order(id) vs REST GET /api/orders/{id}: %d requests x %d rounds after %d"
                    + " warm-up rounds, %d in flight, %d event loops per server%n", settings.requests(),
                    settings.rounds(), settings.warmup(), settings.concurrency(), settings.eventLoops());
            out.printf(Locale.ROOT, "%-34s %12s %10s %10s %10s %12s %8s%n", "", "requests/s", "p50 us", "p99 us",
                    "p99.9 us", "CPU us/req", "failed");
            for (int round = 0; round < settings.rounds(); round++) {
                for (Map.Entry<String, List<HttpLoad.Result>> target : runs.entrySet()) {
                    line(out, "round " + (round + 1) + " " + target.getKey(), List.of(target.getValue().get(round)));
                }
            }
            runs.forEach((name, measured) -> line(out, "all rounds " + name, measured));
            List<HttpLoad.Result> graphql = runs.get(GRAPHQL);
            runs.forEach((name, measured) -> {
                if (!name.equals(GRAPHQL)) {
                    out.printf(Locale.ROOT, "ratio GraphQL / %s: throughput %.0f%%, CPU per request %.0f%%%n", name,
                            throughput(graphql) / throughput(measured) * 100,
                            cpuMicros(measured) / cpuMicros(graphql) * 100);
                }
            });
        }

        private static void line(PrintStream out, String name, List<HttpLoad.Result> runs) {
            Histogram latency = latency(runs);
            out.printf(Locale.ROOT, "%-34s %12.0f %10d %10d %10d %12.0f %8d%n", name, throughput(runs),
                    latency.getValueAtPercentile(50), latency.getValueAtPercentile(99),
                    latency.getValueAtPercentile(99.9), cpuMicros(runs),
                    runs.stream().mapToLong(HttpLoad.Result::failed).sum());
        }
    }

    public static void main(String[] args) throws Exception {
        Report report = measure(Settings.of(args));
        report.print(System.out);
        if (report.failures() > 0) {
            System.exit(1);
        }
    }

    /** Starts the back end and the three servers, places the order to read, loads them and stops everything. */
    static Report measure(Settings settings) throws Exception {
        Path dataDir = Files.createTempDirectory("whizbang-graphql-load");
        Vertx servers = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(settings.eventLoops()));
        Vertx clients = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        try {
            DevelopmentKey key = DevelopmentKey.loadOrCreate(dataDir);
            Principal reader = Principal.of("bench", "acme", "orders:read", "orders:write");
            String orderId = startBackEnd(servers, reader);
            int gatewayPort = freePort();
            int restGatewayPort = freePort();
            int restPort = freePort();
            TokenVerifierOptions tokens = TokenVerifierOptions.development(key);
            await(servers.deployVerticle(() -> new MobileGatewayVerticle(new MobileGatewayOptions().setHost("127.0.0.1")
                            .setPort(restGatewayPort).setTokens(tokens).setCompressionSupported(false)),
                    new DeploymentOptions().setInstances(settings.eventLoops())));
            await(servers.deployVerticle(() -> new WebGatewayVerticle(new WebGatewayOptions().setHost("127.0.0.1")
                            .setPort(gatewayPort).setTokenVerifier(tokens).setGraphiqlEnabled(false)),
                    new DeploymentOptions().setInstances(settings.eventLoops())));
            await(servers.deployVerticle(() -> new OrderRouteVerticle(restPort, tokens),
                    new DeploymentOptions().setInstances(settings.eventLoops())));

            String bearer = "Bearer " + DevelopmentTokens.mint(reader, Duration.ofHours(1), key, Clock.systemUTC());
            HttpLoad load = new HttpLoad(clients, clients.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                    new PoolOptions().setHttp1MaxSize(settings.concurrency())));
            Map<String, HttpLoad.Target> targets = new LinkedHashMap<>();
            targets.put(REST_GATEWAY, new HttpLoad.Target(HttpMethod.GET, restGatewayPort, "/api/orders/" + orderId,
                    MultiMap.caseInsensitiveMultiMap().add("Authorization", bearer), null,
                    body -> body.toString().contains("\"status\":\"PLACED\"")));
            targets.put(PLAIN_ROUTE, new HttpLoad.Target(HttpMethod.GET, restPort, "/api/orders/" + orderId,
                    MultiMap.caseInsensitiveMultiMap().add("Authorization", bearer), null,
                    body -> body.toString().contains("\"status\":\"PLACED\"")));
            targets.put(GRAPHQL, new HttpLoad.Target(HttpMethod.POST, gatewayPort, "/graphql",
                    MultiMap.caseInsensitiveMultiMap().add("Authorization", bearer)
                            .add("Content-Type", "application/json"),
                    new JsonObject().put("query", QUERY).put("variables", new JsonObject().put("id", orderId))
                            .toBuffer(),
                    body -> body.toString().contains("\"status\":\"PLACED\"") && !body.toString().contains("errors")));

            Map<String, List<HttpLoad.Result>> runs = new LinkedHashMap<>();
            targets.keySet().forEach(name -> runs.put(name, new ArrayList<>()));
            List<String> names = new ArrayList<>(targets.keySet());
            for (int round = 0; round < settings.warmup() + settings.rounds(); round++) {
                // each round starts with another target, so that the drift of a shared machine falls on all
                for (int i = 0; i < names.size(); i++) {
                    String name = names.get((round + i) % names.size());
                    HttpLoad.Result result = await(load.run(name, targets.get(name), settings.requests(),
                            settings.concurrency(), MAX_RUN_MILLIS));
                    if (round >= settings.warmup()) {
                        runs.get(name).add(result);
                    }
                }
            }
            return new Report(settings, runs);
        } finally {
            await(clients.close());
            await(servers.close());
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** The dispatcher and the order summaries on memory stores; places one order and answers its id. */
    private static String startBackEnd(Vertx servers, Principal reader) throws Exception {
        Registry registry = SampleApplicationRegistry.create();
        Ledger ledger = Ledger.memory(servers);
        ProjectionStore store = ProjectionStore.memory();
        DispatcherOptions options = new DispatcherOptions();
        Dispatcher dispatcher = Dispatcher.create(servers, registry, ledger, store, options);
        await(servers.deployVerticle(new DispatcherVerticle(dispatcher, options)));
        Projections projections = await(Projections.start(servers, registry, ledger, store));
        PlaceOrder order = new PlaceOrder(UUID.randomUUID(), List.of(new OrderLine("SKU-1", 2,
                new BigDecimal("12.50")), new OrderLine("SKU-2", 1, new BigDecimal("3.00"))));
        var receipt = await(dispatcher.send(reader, order));
        await(projections.caughtUp(receipt.position()));
        return receipt.stream().id();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES);
    }
}

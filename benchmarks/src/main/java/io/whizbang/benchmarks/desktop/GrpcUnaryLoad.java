package io.whizbang.benchmarks.desktop;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.dispatch.DispatcherOptions;
import io.whizbang.dispatch.DispatcherVerticle;
import io.whizbang.examples.SampleApplicationRegistry;
import io.whizbang.gateway.desktop.DesktopGatewayOptions;
import io.whizbang.gateway.desktop.DesktopGatewayVerticle;
import io.whizbang.ledger.Ledger;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.security.DevelopmentKey;
import io.whizbang.security.DevelopmentTokens;
import io.whizbang.security.Principal;
import io.whizbang.security.TokenVerifierOptions;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The desktop gateway's unary call against a bare Vert.x gRPC server, measured in the same run on the same
 * event-loop count: {@code Inventory/Restock} through the gateway (token check, envelope, remote dispatcher over the
 * event bus, receptor, append to the memory ledger, receipt) against the same method answered at once by a bare
 * server.
 *
 * <p>Both servers run {@code eventLoops} verticle instances on a Vert.x with {@code eventLoops} event loops; the load
 * generator runs on a Vert.x of its own, over {@code 2 × eventLoops} HTTP/2 connections. After the warm-up rounds,
 * every round measures the baseline and the figure one after the other, alternating which goes first, so that the
 * drift of a shared machine falls on both.
 *
 * <p>With {@code split} as a sixth argument, each round also loads a second gateway whose commands go to a stub that
 * answers every one at once with a receipt ({@link StubDispatcherVerticle}): the gateway's own cost and the
 * event-bus round trip, without the dispatcher, receptor and ledger behind them.
 *
 * <p>Run it with the heap sized up front ({@code -Xms3g -Xmx3g -XX:+AlwaysPreTouch}), as a server runs: the memory
 * ledger keeps every call's event, so a heap left to grow makes only the gateway's runs pay for the kernel zeroing
 * fresh pages (15% of a profile of its measured run), and the collector's growing work swung the echo's rounds
 * between 17k and 100k calls/s (benchmarks/RESULTS.md, issue 5, session 7).
 *
 * <p>{@code java -Xms3g -Xmx3g -XX:+AlwaysPreTouch -cp benchmarks.jar io.whizbang.benchmarks.desktop.GrpcUnaryLoad
 * [calls] [concurrency] [eventLoops] [rounds] [warmupRounds] [split]}
 */
public final class GrpcUnaryLoad {
    static final int DEFAULT_CALLS = 20_000;
    static final int DEFAULT_CONCURRENCY = 32;
    static final int DEFAULT_EVENT_LOOPS = 2;
    static final int DEFAULT_ROUNDS = 5;
    static final int DEFAULT_WARMUP_ROUNDS = 5;
    /** The longest one measured run may take; a run stops issuing calls then. */
    static final long MAX_RUN_MILLIS = 15_000;
    /** The address prefix of the split's second gateway and its stub dispatcher. */
    static final String STUB_PREFIX = "bench-stub";

    private GrpcUnaryLoad() {
    }

    /**
     * How to load.
     *
     * @param calls       calls per run
     * @param concurrency calls in flight
     * @param eventLoops  event loops (and verticle instances) of each server
     * @param rounds      measured rounds, each one baseline run and one figure run
     * @param warmups     warm-up rounds before them, alike but not counted
     * @param split       whether each round also loads a gateway in front of a stub dispatcher
     */
    record Settings(int calls, int concurrency, int eventLoops, int rounds, int warmups, boolean split) {
        static Settings of(String[] args) {
            return new Settings(arg(args, 0, DEFAULT_CALLS), arg(args, 1, DEFAULT_CONCURRENCY),
                    arg(args, 2, DEFAULT_EVENT_LOOPS), arg(args, 3, DEFAULT_ROUNDS),
                    arg(args, 4, DEFAULT_WARMUP_ROUNDS), args.length > 5 && "split".equals(args[5]));
        }

        private static int arg(String[] args, int index, int fallback) {
            return args.length > index ? Integer.parseInt(args[index]) : fallback;
        }
    }

    /**
     * The runs of a measurement.
     *
     * @param settings how it loaded
     * @param baseline the bare server's runs
     * @param figure   the gateway's runs
     * @param stub     the runs of the gateway in front of a stub dispatcher; empty unless split
     */
    record Report(Settings settings, List<GrpcLoad.Result> baseline, List<GrpcLoad.Result> figure,
                  List<GrpcLoad.Result> stub) {
        /** The figure's throughput over the baseline's, all rounds together. */
        double ratio() {
            return throughput(figure) / throughput(baseline);
        }

        /** The median over the rounds of each round's figure-over-baseline throughput, less swayed by one bad run. */
        double medianRoundRatio() {
            double[] ratios = new double[baseline.size()];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = figure.get(i).throughput() / baseline.get(i).throughput();
            }
            java.util.Arrays.sort(ratios);
            return ratios.length % 2 == 1 ? ratios[ratios.length / 2]
                    : (ratios[ratios.length / 2 - 1] + ratios[ratios.length / 2]) / 2;
        }

        static double throughput(List<GrpcLoad.Result> runs) {
            long completed = runs.stream().mapToLong(GrpcLoad.Result::completed).sum();
            long nanos = runs.stream().mapToLong(GrpcLoad.Result::nanos).sum();
            return completed * 1e9 / nanos;
        }

        static Histogram latency(List<GrpcLoad.Result> runs) {
            Histogram all = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
            runs.forEach(run -> all.add(run.latency()));
            return all;
        }

        long failures() {
            return baseline.stream().mapToLong(GrpcLoad.Result::failed).sum()
                    + figure.stream().mapToLong(GrpcLoad.Result::failed).sum()
                    + stub.stream().mapToLong(GrpcLoad.Result::failed).sum();
        }

        void print(PrintStream out) {
            out.printf(Locale.ROOT, "gRPC unary Inventory/Restock: %d calls x %d rounds (after %d warm-up rounds),"
                    + " %d in flight, %d event loops per server%n", settings.calls(), settings.rounds(),
                    settings.warmups(), settings.concurrency(), settings.eventLoops());
            out.printf(Locale.ROOT, "%-28s %12s %10s %10s %10s %8s%n", "", "calls/s", "p50 us", "p99 us",
                    "p99.9 us", "failed");
            for (int i = 0; i < baseline.size(); i++) {
                line(out, "round " + (i + 1) + " bare echo", List.of(baseline.get(i)));
                line(out, "round " + (i + 1) + " gateway", List.of(figure.get(i)));
                if (!stub.isEmpty()) {
                    line(out, "round " + (i + 1) + " gateway, stub", List.of(stub.get(i)));
                }
            }
            line(out, "all rounds bare echo", baseline);
            line(out, "all rounds gateway", figure);
            if (!stub.isEmpty()) {
                line(out, "all rounds gateway, stub", stub);
                out.printf(Locale.ROOT, "ratio gateway in front of a stub dispatcher / bare echo: %.0f%%%n",
                        throughput(stub) / throughput(baseline) * 100);
            }
            out.printf(Locale.ROOT, "ratio gateway / bare echo (throughput): %.0f%% all rounds, %.0f%% median of the"
                    + " rounds%n", ratio() * 100, medianRoundRatio() * 100);
        }

        private static void line(PrintStream out, String name, List<GrpcLoad.Result> runs) {
            Histogram latency = latency(runs);
            out.printf(Locale.ROOT, "%-28s %12.0f %10d %10d %10d %8d%n", name, throughput(runs),
                    latency.getValueAtPercentile(50), latency.getValueAtPercentile(99),
                    latency.getValueAtPercentile(99.9), runs.stream().mapToLong(GrpcLoad.Result::failed).sum());
        }
    }

    public static void main(String[] args) throws Exception {
        measure(Settings.of(args)).print(System.out);
    }

    /** Starts the back end, the gateway and the bare server, loads them and stops everything. */
    static Report measure(Settings settings) throws Exception {
        Path dataDir = Files.createTempDirectory("whizbang-grpc-load");
        Vertx servers = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(settings.eventLoops()));
        Vertx clients = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        try {
            DevelopmentKey key = DevelopmentKey.loadOrCreate(dataDir);
            int gatewayPort = freePort();
            int echoPort = freePort();
            int stubPort = settings.split() ? freePort() : -1;
            startServers(servers, settings.eventLoops(), key, gatewayPort, echoPort, stubPort);
            HttpClient http = clients.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
                            .setHttp2ClearTextUpgrade(false)
                            .setHttp2MultiplexingLimit(Math.max(1, settings.concurrency() / (2 * settings.eventLoops()))),
                    new PoolOptions().setHttp2MaxSize(2 * settings.eventLoops()));
            GrpcLoad load = new GrpcLoad(GrpcClient.client(clients, http));
            Map<String, String> bearer = Map.of("authorization", "Bearer " + DevelopmentTokens.mint(
                    Principal.of("bench", "acme", "inventory:write"), Duration.ofHours(1), key, Clock.systemUTC()));
            SocketAddress gateway = SocketAddress.inetSocketAddress(gatewayPort, "127.0.0.1");
            SocketAddress echo = SocketAddress.inetSocketAddress(echoPort, "127.0.0.1");
            SocketAddress stubGateway = settings.split() ? SocketAddress.inetSocketAddress(stubPort, "127.0.0.1")
                    : null;
            // the gateway's path is deep (gRPC, token, bus, dispatcher, ledger): the JIT needs many calls to settle
            for (int warmup = 0; warmup < settings.warmups(); warmup++) {
                await(load.run("warm-up echo", echo, Map.of(), "W" + warmup + "-", settings.calls(),
                        settings.concurrency(), MAX_RUN_MILLIS));
                await(load.run("warm-up gateway", gateway, bearer, "W" + warmup + "-", settings.calls(),
                        settings.concurrency(), MAX_RUN_MILLIS));
                if (stubGateway != null) {
                    await(load.run("warm-up stub", stubGateway, bearer, "SW" + warmup + "-", settings.calls(),
                            settings.concurrency(), MAX_RUN_MILLIS));
                }
            }
            List<GrpcLoad.Result> baseline = new ArrayList<>();
            List<GrpcLoad.Result> figure = new ArrayList<>();
            List<GrpcLoad.Result> stub = new ArrayList<>();
            for (int round = 0; round < settings.rounds(); round++) {
                String prefix = "R" + round + "-";
                if (round % 2 == 0) {
                    baseline.add(await(load.run("echo", echo, Map.of(), prefix, settings.calls(),
                            settings.concurrency(), MAX_RUN_MILLIS)));
                }
                figure.add(await(load.run("gateway", gateway, bearer, prefix, settings.calls(),
                        settings.concurrency(), MAX_RUN_MILLIS)));
                if (stubGateway != null) {
                    stub.add(await(load.run("gateway, stub", stubGateway, bearer, "S" + prefix, settings.calls(),
                            settings.concurrency(), MAX_RUN_MILLIS)));
                }
                if (round % 2 == 1) {
                    baseline.add(await(load.run("echo", echo, Map.of(), prefix, settings.calls(),
                            settings.concurrency(), MAX_RUN_MILLIS)));
                }
            }
            return new Report(settings, baseline, figure, stub);
        } finally {
            await(clients.close());
            await(servers.close());
            delete(dataDir);
        }
    }

    private static void startServers(Vertx servers, int eventLoops, DevelopmentKey key, int gatewayPort, int echoPort,
                                     int stubPort) throws Exception {
        DispatcherOptions dispatcherOptions = new DispatcherOptions();
        Dispatcher dispatcher = Dispatcher.create(servers, SampleApplicationRegistry.create(), Ledger.memory(servers),
                ProjectionStore.memory(), dispatcherOptions);
        await(servers.deployVerticle(new DispatcherVerticle(dispatcher, dispatcherOptions)));
        DesktopGatewayOptions options = new DesktopGatewayOptions().setHost("127.0.0.1").setPort(gatewayPort)
                .setTokens(TokenVerifierOptions.development(key));
        await(servers.deployVerticle(() -> new DesktopGatewayVerticle(options),
                new DeploymentOptions().setInstances(eventLoops)));
        await(servers.deployVerticle(() -> new EchoServerVerticle(echoPort),
                new DeploymentOptions().setInstances(eventLoops)));
        if (stubPort > 0) {
            await(servers.deployVerticle(new StubDispatcherVerticle(
                    new DispatcherOptions().setAddressPrefix(STUB_PREFIX))));
            DesktopGatewayOptions stubbed = new DesktopGatewayOptions().setHost("127.0.0.1").setPort(stubPort)
                    .setTokens(TokenVerifierOptions.development(key)).setAddressPrefix(STUB_PREFIX);
            await(servers.deployVerticle(() -> new DesktopGatewayVerticle(stubbed),
                    new DeploymentOptions().setInstances(eventLoops)));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static <T> T await(Future<T> future) throws InterruptedException, ExecutionException, TimeoutException {
        return future.toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES);
    }

    private static void delete(Path directory) {
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

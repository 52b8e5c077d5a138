package io.whizbang.deploy;

import io.whizbang.examples.Scopes;
import io.whizbang.security.DevelopmentKey;
import io.whizbang.security.DevelopmentTokens;
import io.whizbang.security.Principal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code whizbang run}: starts the selected services in this JVM and keeps them running until the JVM stops.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Starts the selected services with the sample application and prints where they run.")
public final class RunCommand implements Callable<Integer> {
    /** Who the development token printed at start-up is for. */
    static final Principal DEVELOPER = Principal.of("developer", "acme", Scopes.ORDERS_WRITE, Scopes.ORDERS_READ,
            Scopes.INVENTORY_WRITE, Scopes.INVENTORY_READ);
    /** How long the development token printed at start-up is valid. */
    static final Duration DEVELOPER_TTL = Duration.ofHours(24);
    /** How long start-up and shut-down may take. */
    private static final long START_STOP_SECONDS = 60;

    @Spec
    private CommandSpec spec;

    @Option(names = "--services", defaultValue = RunOptions.DEFAULT_SERVICES, paramLabel = "<list>",
            description = "Comma-separated services to start: all, ledger, projections, web, mobile, desktop,"
                    + " control (default: ${DEFAULT-VALUE}).")
    private String services;

    @Option(names = "--store", paramLabel = "<store>",
            description = "Where events are kept: memory, sqlite:<file> or postgres://user:pass@host:port/db"
                    + " (default: sqlite:<data-dir>/" + RunOptions.DEFAULT_STORE_FILE + ", kept across restarts).")
    private String store;

    @Option(names = "--kafka", paramLabel = "<host:port>",
            description = "Kafka bootstrap servers: the ledger service relays its outbox and events there and"
                    + " consumes commands from topics whizbang.<tenant>, each applied once.")
    private String kafka;

    @Option(names = "--cluster", description = "Join a Vert.x cluster (Hazelcast): the event bus reaches the services"
            + " of the other nodes; sagas and perspectives run on one node at a time and move when it leaves."
            + " Nodes that run the ledger or the projections need --store=postgres://...")
    private boolean cluster;

    @Option(names = "--cluster-host", defaultValue = RunOptions.DEFAULT_CLUSTER_HOST, paramLabel = "<address>",
            description = "Address this node binds and announces to the cluster (default: ${DEFAULT-VALUE}).")
    private String clusterHost;

    @Option(names = "--cluster-port", defaultValue = "" + RunOptions.DEFAULT_CLUSTER_PORT, paramLabel = "<port>",
            description = "First port of this node's cluster member; the next ones are tried when it is taken"
                    + " (default: ${DEFAULT-VALUE}).")
    private int clusterPort;

    @Option(names = "--cluster-members", split = ",", paramLabel = "<host[:port]>",
            description = "Members to contact to join, comma-separated (default: the cluster host's ports).")
    private java.util.List<String> clusterMembers;

    @Option(names = "--host", defaultValue = RunOptions.DEFAULT_HOST, paramLabel = "<address>",
            description = "Interface the gateways and the control plane listen on (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--web-port", paramLabel = "<port>",
            description = "Port of the GraphQL gateway (default: 8080; 0 picks a free one).")
    private Integer webPort;

    @Option(names = "--mobile-port", paramLabel = "<port>",
            description = "Port of the REST gateway (default: 8081; 0 picks a free one).")
    private Integer mobilePort;

    @Option(names = "--desktop-port", paramLabel = "<port>",
            description = "Port of the gRPC gateway (default: 9090; 0 picks a free one).")
    private Integer desktopPort;

    @Option(names = "--control-port", paramLabel = "<port>",
            description = "Port of the control plane and dashboard (default: 8088; 0 picks a free one).")
    private Integer controlPort;

    @Option(names = "--seed", description = "Give the sample's tenant acme demo stock (SKU-1 to SKU-3, 100 each),"
            + " once per store however often it is asked.")
    private boolean seed;

    @Option(names = "--data-dir", defaultValue = RunOptions.DEFAULT_DATA_DIR, paramLabel = "<dir>",
            description = "Directory of the development key and of the default SQLite store"
                    + " (default: ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        RunOptions options;
        try {
            options = options();
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            err.println("whizbang run: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        String token;
        try {
            token = DevelopmentTokens.mint(DEVELOPER, DEVELOPER_TTL, DevelopmentKey.loadOrCreate(dataDir),
                    Clock.systemUTC());
        } catch (UncheckedIOException | IllegalStateException e) {
            err.println("whizbang run: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        Platform platform;
        try {
            platform = Platform.start(options).toCompletionStage().toCompletableFuture()
                    .get(START_STOP_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            err.println("whizbang run: could not start: " + e.getCause().getMessage());
            return ExitCodes.FAILURE;
        } catch (TimeoutException e) {
            err.println("whizbang run: did not start within " + START_STOP_SECONDS + " seconds");
            return ExitCodes.FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.FAILURE;
        }
        CountDownLatch stopped;
        try {
            stopped = stopOnShutdown(platform, err);
        } catch (IllegalStateException shuttingDown) {
            // the JVM was asked to stop while the platform started
            stop(platform, err);
            return ExitCodes.OK;
        }
        // the hook is in place before the banner, whose last line tells scripts that they may stop the process
        Banner.print(spec.commandLine().getOut(), platform, DEVELOPER, DEVELOPER_TTL, token);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }

    /** The options given on the command line, checked: nothing here is ever silently ignored. */
    private RunOptions options() {
        RunOptions options = new RunOptions()
                .setServices(Service.parseList(services))
                .setDataDir(dataDir)
                .setHost(host)
                .setSeed(seed);
        setPort(options, Service.WEB, webPort);
        setPort(options, Service.MOBILE, mobilePort);
        setPort(options, Service.DESKTOP, desktopPort);
        setPort(options, Service.CONTROL, controlPort);
        if (store != null) {
            options.setStore(StoreLocation.parse(store));
        }
        options.setKafka(kafka);
        options.setCluster(cluster).setClusterHost(clusterHost).setClusterPort(clusterPort)
                .setClusterMembers(clusterMembers == null ? java.util.List.of() : clusterMembers);
        options.requireSharedStoreInCluster();
        return options;
    }

    private static void setPort(RunOptions options, Service service, Integer port) {
        if (port != null) {
            options.setPort(service, port);
        }
    }

    /**
     * Installs the shutdown hook that stops the platform.
     *
     * @return counted down once the platform stopped
     * @throws IllegalStateException when the JVM is already shutting down
     */
    private static CountDownLatch stopOnShutdown(Platform platform, PrintWriter err) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stop(platform, err);
            } finally {
                stopped.countDown();
            }
        }, "whizbang-shutdown"));
        return stopped;
    }

    private static void stop(Platform platform, PrintWriter err) {
        try {
            platform.stop().toCompletionStage().toCompletableFuture().get(START_STOP_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            err.println("whizbang run: did not stop cleanly: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

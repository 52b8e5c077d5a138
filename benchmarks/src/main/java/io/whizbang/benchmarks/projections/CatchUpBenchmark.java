package io.whizbang.benchmarks.projections;

import io.whizbang.projection.ProjectionStore;
import io.whizbang.runtime.Projections;
import io.whizbang.runtime.ProjectionsOptions;

import java.util.Locale;

/**
 * Catch-up throughput of a simple upsert perspective (the sample's {@code inventory-level}: one document per SKU)
 * over {@code N} stored events, against the raw keyset read of the same events through the same client, in one
 * run:
 * <ul>
 *   <li><b>baseline</b>: {@code SELECT <every column> FROM events WHERE position > ? ORDER BY position LIMIT 500}
 *   in a loop until the end, touching every column of every row;</li>
 *   <li><b>figure</b>: {@code Projections.start} of the perspective on a new, empty projection store, until it has
 *   committed the last position: the ledger's {@code readAll} (rows to events), decoding each payload with the
 *   generated codec, the perspective, loading and committing each batch's documents with its checkpoint.</li>
 * </ul>
 * The events are seeded once per run straight into the ledger's table (one {@code INSERT ... SELECT} over a
 * counter). After one unmeasured raw read as warm-up, baseline and figure alternate for the given number of rounds.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.whizbang.benchmarks.projections.CatchUpBenchmark
 * postgres|sqlite [events=1000000] [rounds=2] [skus=10000] [batch=500] [durable|async] [cold|warm]}: {@code batch}
 * is both the perspective's batch size and the raw read's {@code LIMIT}; {@code async} opens the PostgreSQL
 * projection store with {@code synchronousCommit} off; {@code warm} runs one unmeasured catch-up (on a store of its
 * own) after the raw read's warm-up, so round 1's catch-up runs on a warmed JVM as its raw read does.
 */
public final class CatchUpBenchmark {
    private CatchUpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String kind = args.length > 0 ? args[0] : "postgres";
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int skus = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        int batch = args.length > 4 ? Integer.parseInt(args[4]) : ProjectionsOptions.DEFAULT_BATCH_SIZE;
        boolean durable = args.length <= 5 || !args[5].equals("async");
        boolean warm = args.length > 6 && args[6].equals("warm");
        try (Backend backend = kind.equals("sqlite") ? SqliteBackend.start() : PostgresBackend.start()) {
            System.out.println("# " + backend.describe() + "; batch " + batch
                    + (durable ? "" : "; projection store commits without waiting for the disk"));
            long seedStart = System.nanoTime();
            backend.seed(events, skus);
            System.out.printf(Locale.ROOT, "# seeded %,d events over %,d SKUs in %.1f s (raw INSERT ... SELECT)%n",
                    events, skus, (System.nanoTime() - seedStart) / 1e9);
            long head = Bench.await(backend.ledger().head());
            if (head != events) {
                throw new IllegalStateException("the ledger's head is " + head + ", expected " + events);
            }
            // warm-up: the raw loop once, so round 1's baseline is not a cold JIT (the long catch-up warms itself)
            baseline(backend, events, batch);
            if (warm) {
                System.out.println("warm-up catch-up (not measured):");
                catchUp(backend, events, 0, batch, durable);
            }
            double rawTotal = 0;
            double figureTotal = 0;
            for (int round = 1; round <= rounds; round++) {
                double raw = baseline(backend, events, batch);
                double figure = catchUp(backend, events, round, batch, durable);
                rawTotal += raw;
                figureTotal += figure;
                System.out.printf(Locale.ROOT, "round %d: raw keyset read %s events/s, perspective catch-up %s"
                        + " events/s, ratio %.0f%%%n", round, Bench.rate(raw), Bench.rate(figure),
                        100 * figure / raw);
            }
            System.out.printf(Locale.ROOT, "mean of %d rounds: raw %s events/s, catch-up %s events/s, ratio %.0f%%"
                    + " (goal >= 30%% and >= 10,000 events/s)%n", rounds, Bench.rate(rawTotal / rounds),
                    Bench.rate(figureTotal / rounds), 100 * figureTotal / rawTotal);
        }
    }

    private static double baseline(Backend backend, int events, int batch) throws Exception {
        ThreadCpu cpu = ThreadCpu.now();
        long start = System.nanoTime();
        long read = backend.rawRead(batch);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (read != events) {
            throw new IllegalStateException("the raw read saw " + read + " events, expected " + events);
        }
        System.out.printf(Locale.ROOT, "  raw read %.1f s, CPU %s%n", seconds, ThreadCpu.now().perEventSince(cpu,
                events));
        return read / seconds;
    }

    private static double catchUp(Backend backend, int events, int round, int batch, boolean durable) {
        ProjectionStore store = Bench.await(backend.newStore(round, durable));
        try {
            TimedStore timed = new TimedStore(store);
            TimedLedger ledger = new TimedLedger(backend.ledger());
            ThreadCpu cpu = ThreadCpu.now();
            long start = System.nanoTime();
            Projections projections = Bench.await(Projections.start(backend.vertx(), Bench.registry(),
                    ledger, timed, new ProjectionsOptions().setBatchSize(batch)));
            Bench.await(projections.caughtUp(events));
            long nanos = System.nanoTime() - start;
            ThreadCpu used = ThreadCpu.now();
            double seconds = nanos / 1e9;
            Bench.await(projections.stop());
            // the perspective reads a page ahead and fills its next window while one commits: the parts overlap
            System.out.printf(Locale.ROOT, "  catch-up %.1f s, %,d commits: store.load %.0f%% of it (%.2f ms per"
                    + " commit), store.commit %.0f%% (%.2f ms each), ledger.readAll %.0f%% (%,d pages, %.2f ms each);"
                    + " the parts overlap%n", seconds, timed.commits(), 100.0 * timed.loadNanos() / nanos,
                    timed.loadNanos() / 1e6 / timed.commits(), 100.0 * timed.commitNanos() / nanos,
                    timed.commitNanos() / 1e6 / timed.commits(), 100.0 * ledger.readNanos() / nanos,
                    ledger.reads(), ledger.readNanos() / 1e6 / ledger.reads());
            System.out.printf(Locale.ROOT, "  catch-up CPU %s%n", used.perEventSince(cpu, events));
            long onHand = Bench.totalOnHand(store);
            if (onHand != Bench.expectedOnHand(events)) {
                throw new IllegalStateException("the read model holds " + onHand + " units, expected "
                        + Bench.expectedOnHand(events));
            }
            return events / seconds;
        } finally {
            Bench.await(store.close());
        }
    }
}

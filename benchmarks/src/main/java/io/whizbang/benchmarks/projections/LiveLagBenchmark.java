package io.whizbang.benchmarks.projections;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.whizbang.ledger.AppendResult;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.ExpectedVersion;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.MessageIds;
import io.whizbang.projection.DocumentKey;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.runtime.Projections;
import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live lag of a simple upsert perspective (the sample's {@code inventory-level}), from an append's commit to the
 * moment its document change is visible to lenses (the perspective committed its batch), at half the maximum append
 * rate, in one run:
 * <ol>
 *   <li><b>maximum append rate</b>: closed loops of one-event appends (a {@code StockRestocked} to a new stream
 *   each) with the perspective running, for a few seconds;</li>
 *   <li><b>lag</b>: an open loop at half that rate (appends issued on a 1 ms timer by schedule, not when the
 *   previous one finished); for each append, the time from its acknowledgement to the perspective's commit of its
 *   position, in an HdrHistogram. The append latency at the same rate is reported beside it as the baseline.</li>
 * </ol>
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.whizbang.benchmarks.projections.LiveLagBenchmark
 * postgres|sqlite [seconds=20] [maxRateLoops=16]}.
 */
public final class LiveLagBenchmark {
    private static final int SKUS = 1000;
    private static final long WARM_UP_MILLIS = 3000;

    private final Backend backend;
    private final AtomicLong streams = new AtomicLong();
    private Projections projections;

    private LiveLagBenchmark(Backend backend) {
        this.backend = backend;
    }

    public static void main(String[] args) throws Exception {
        String kind = args.length > 0 ? args[0] : "postgres";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int loops = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        try (Backend backend = kind.equals("sqlite") ? SqliteBackend.start() : PostgresBackend.start()) {
            System.out.println("# " + backend.describe());
            new LiveLagBenchmark(backend).run(seconds, loops);
        }
    }

    private void run(int seconds, int loops) {
        ProjectionStore store = Bench.await(backend.newStore(1));
        projections = Bench.await(Projections.start(backend.vertx(), Bench.registry(), backend.ledger(), store));
        try {
            maxRate(loops, 2000);
            double max = maxRate(loops, 5000);
            double rate = max / 2;
            System.out.printf(Locale.ROOT, "maximum append rate: %s appends/s (%d closed loops, perspective"
                    + " running); lag measured at %s appends/s%n", Bench.rate(max), loops, Bench.rate(rate));
            Histogram lag = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
            Histogram append = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
            long issued = openLoop(rate, seconds * 1000L, lag, append);
            System.out.printf(Locale.ROOT, "%,d appends in %d s (after %d s of warm-up)%n", issued, seconds,
                    WARM_UP_MILLIS / 1000);
            System.out.println("append latency (baseline): " + Bench.percentiles(append));
            System.out.println("live lag, commit to lens-visible: " + Bench.percentiles(lag)
                    + " (goal p99 <= 50 ms)");
            // the documents are really there: the last SKU's level is readable
            DocumentKey key = new DocumentKey(Bench.TENANT, Bench.PERSPECTIVE, "SKU-" + (streams.get() % SKUS));
            if (!Bench.await(store.load(List.of(key))).containsKey(key)) {
                throw new IllegalStateException("the perspective's document " + key + " is missing");
            }
        } finally {
            Bench.await(projections.stop());
            Bench.await(store.close());
        }
    }

    private Future<AppendResult> appendOne() {
        long n = streams.incrementAndGet();
        return backend.ledger().append(Bench.TENANT, StreamId.of("Stock", n), ExpectedVersion.noStream(),
                List.of(new EventData(MessageIds.next(), "StockRestocked", 1,
                        new JsonObject().put("sku", "SKU-" + (n % SKUS)).put("quantity", 1),
                        new JsonObject().put("correlationId", MessageIds.next().toString()).put("subject", "bench"))));
    }

    /** Appends per second of {@code loops} closed loops over the given time. */
    private double maxRate(int loops, long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        Promise<Void> finished = Promise.promise();
        AtomicLong running = new AtomicLong(loops);
        backend.vertx().runOnContext(go -> {
            for (int i = 0; i < loops; i++) {
                loop(deadline, done, running, finished);
            }
        });
        Bench.await(finished.future());
        double rate = done.get() / ((System.nanoTime() - start) / 1e9);
        // let the perspective drain before the next phase
        Bench.await(backend.ledger().head().compose(projections::caughtUp));
        return rate;
    }

    private void loop(long deadline, AtomicLong done, AtomicLong running, Promise<Void> finished) {
        if (System.nanoTime() >= deadline) {
            if (running.decrementAndGet() == 0) {
                finished.complete();
            }
            return;
        }
        appendOne().onComplete(result -> {
            if (result.failed()) {
                finished.tryFail(result.cause());
                return;
            }
            done.incrementAndGet();
            loop(deadline, done, running, finished);
        });
    }

    /** Issues appends by schedule at the rate; records lag and append latency after the warm-up. */
    private long openLoop(double rate, long millis, Histogram lag, Histogram append) {
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.MILLISECONDS.toNanos(WARM_UP_MILLIS);
        long end = measureFrom + TimeUnit.MILLISECONDS.toNanos(millis);
        AtomicLong issued = new AtomicLong();
        AtomicLong measured = new AtomicLong();
        AtomicLong outstanding = new AtomicLong();
        Promise<Void> finished = Promise.promise();
        backend.vertx().runOnContext(go -> backend.vertx().setPeriodic(1, timer -> {
            long now = System.nanoTime();
            if (now >= end) {
                backend.vertx().cancelTimer(timer);
                if (outstanding.get() == 0) {
                    finished.tryComplete();
                }
                return;
            }
            long due = (long) ((now - start) / 1e9 * rate);
            while (issued.get() < due) {
                issued.incrementAndGet();
                boolean record = now >= measureFrom;
                if (record) {
                    measured.incrementAndGet();
                }
                outstanding.incrementAndGet();
                long sent = System.nanoTime();
                appendOne().compose(result -> {
                    long committed = System.nanoTime();
                    if (record) {
                        append.recordValue(TimeUnit.NANOSECONDS.toMicros(committed - sent));
                    }
                    return projections.caughtUp(result.position()).map(visible -> {
                        if (record) {
                            lag.recordValue(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - committed));
                        }
                        return visible;
                    });
                }).onComplete(result -> {
                    if (result.failed()) {
                        finished.tryFail(result.cause());
                    } else if (outstanding.decrementAndGet() == 0 && System.nanoTime() >= end) {
                        finished.tryComplete();
                    }
                });
            }
        }));
        Bench.await(finished.future());
        return measured.get();
    }
}

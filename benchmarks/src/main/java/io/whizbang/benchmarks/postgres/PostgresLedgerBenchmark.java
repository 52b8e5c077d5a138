package io.whizbang.benchmarks.postgres;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.whizbang.examples.SampleApplicationRegistry;
import io.whizbang.examples.inventory.Stock;
import io.whizbang.examples.inventory.StockAggregate;
import io.whizbang.examples.inventory.reserve.StockReserved;
import io.whizbang.examples.inventory.restock.StockRestocked;
import io.whizbang.impl.dispatch.EventRecords;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.ExpectedVersion;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.Envelope;
import io.whizbang.message.Event;
import io.whizbang.registry.Registry;
import io.whizbang.security.Principal;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The PostgreSQL ledger against raw SQL through the same Vert.x client in the same run, on an embedded PostgreSQL 18
 * started in this process with durable commits:
 * <ul>
 *   <li>{@code batch}: appends of 100 events to one (new) stream, one at a time, against a raw multi-row INSERT of
 *   the same 100 rows (same columns, a table with the same indexes), in events per second;</li>
 *   <li>{@code small}: appends of 1-3 events to new streams at concurrency 1, 8 and 32, in appends per second,
 *   against a raw one-row INSERT per transaction and, second baseline, a raw INSERT of the same 1-3 rows per
 *   transaction;</li>
 *   <li>{@code rehydrate}: loading an aggregate of 100 events (readStream, decode with the generated codecs, fold),
 *   latency percentiles, with a raw SELECT of the same rows as the baseline.</li>
 * </ul>
 * Figure and baseline alternate in rounds, so drift of the shared machine hits both; at concurrency 1 they also run
 * interleaved one by one (printed, not the figure: see {@code calibrate}). {@code split} and {@code calibrate} are
 * diagnostics at concurrency 1.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.whizbang.benchmarks.postgres.PostgresLedgerBenchmark
 * [all|batch|small|rehydrate|split|calibrate]}.
 */
public final class PostgresLedgerBenchmark {
    private static final int ROUNDS = 5;

    private PostgresLedgerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "all";
        try (PgBench bench = PgBench.start()) {
            if (which.equals("all") || which.equals("batch")) {
                batch(bench);
            }
            if (which.equals("all") || which.equals("small")) {
                small(bench, 1);
                small(bench, 8);
                small(bench, 32);
            }
            if (which.equals("split")) {
                split(bench);
            }
            if (which.equals("calibrate")) {
                calibrate(bench);
            }
            if (which.equals("all") || which.equals("rehydrate")) {
                rehydrate(bench);
            }
        }
    }

    private static void batch(PgBench bench) {
        String rawInsert = PgBench.rawInsert(100);
        java.util.function.Supplier<Future<Integer>> ledger = () -> bench.ledger
                .append(PgBench.TENANT, StreamId.of("Batch", bench.nextStream()), ExpectedVersion.noStream(),
                        PgBench.events(100))
                .map(result -> 100);
        java.util.function.Supplier<Future<Integer>> raw = () -> bench.raw.preparedQuery(rawInsert)
                .execute(bench.rawRows("Batch-" + bench.nextStream(), PgBench.events(100)))
                .map(rows -> 100);
        compare("batch of 100 events, concurrency 1 (events/s)", bench, 1, 3000, ledger, raw, null);
    }

    private static void small(PgBench bench, int concurrency) {
        String[] rawSame = {PgBench.rawInsert(1), PgBench.rawInsert(2), PgBench.rawInsert(3)};
        java.util.function.Supplier<Future<Integer>> ledger = smallAppend(bench);
        java.util.function.Supplier<Future<Integer>> rawOneRow = rawOneRow(bench);
        java.util.function.Supplier<Future<Integer>> rawSameRows = () -> {
            long n = bench.nextStream();
            int count = 1 + (int) (n % 3);
            return bench.raw.preparedQuery(rawSame[count - 1])
                    .execute(bench.rawRows("Small-" + n, PgBench.events(count))).map(rows -> 1);
        };
        compare("small appends (1-3 events), concurrency " + concurrency + " (appends/s)", bench, concurrency,
                1500, ledger, rawOneRow, rawSameRows);
    }

    /**
     * Where an append's time goes at concurrency 1: the ledger against the same call of {@code append_events} sent
     * straight through the raw pool (the server's work and the client's encoding, without the appender) and the raw
     * one-row INSERT.
     */
    private static void split(PgBench bench) {
        String call = "SELECT ok, handled, versions, last_positions FROM " + PgBench.SCHEMA + ".append_events("
                + "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21,"
                + " $22, $23)";
        java.util.function.Supplier<Future<Integer>> direct = () -> {
            long n = bench.nextStream();
            List<EventData> events = PgBench.events(1 + (int) (n % 3));
            int count = events.size();
            Integer[] eventStream = new Integer[count];
            Long[] place = new Long[count];
            java.util.UUID[] ids = new java.util.UUID[count];
            String[] types = new String[count];
            Integer[] schemaVersions = new Integer[count];
            io.vertx.core.json.JsonObject[] payloads = new io.vertx.core.json.JsonObject[count];
            io.vertx.core.json.JsonObject[] metadata = new io.vertx.core.json.JsonObject[count];
            for (int i = 0; i < count; i++) {
                EventData event = events.get(i);
                eventStream[i] = 1;
                place[i] = (long) i + 1;
                ids[i] = event.eventId();
                types[i] = event.type();
                schemaVersions[i] = event.schemaVersion();
                payloads[i] = event.payload();
                metadata[i] = event.metadata();
            }
            io.vertx.sqlclient.Tuple parameters = io.vertx.sqlclient.Tuple.tuple()
                    .addArrayOfInteger(new Integer[] {1}).addArrayOfString(new String[] {PgBench.TENANT})
                    .addArrayOfString(new String[] {"Direct-" + n}).addArrayOfLong(new Long[] {0L})
                    .addArrayOfInteger(new Integer[] {count})
                    .addArrayOfInteger(eventStream).addArrayOfLong(place).addArrayOfUUID(ids).addArrayOfString(types)
                    .addArrayOfInteger(schemaVersions).addArrayOfJsonObject(payloads)
                    .addArrayOfJsonObject(metadata)
                    .addArrayOfInteger(new Integer[0]).addArrayOfUUID(new java.util.UUID[0])
                    .addArrayOfString(new String[0]).addArrayOfString(new String[0])
                    .addArrayOfString(new String[0]).addArrayOfJsonObject(new io.vertx.core.json.JsonObject[0])
                    .addArrayOfJsonObject(new io.vertx.core.json.JsonObject[0])
                    .addArrayOfInteger(new Integer[0]).addArrayOfUUID(new java.util.UUID[0])
                    .addArrayOfString(new String[0]).addString(null);
            return bench.raw.preparedQuery(call).execute(parameters).map(rows -> 1);
        };
        java.util.function.Supplier<Future<Integer>> ledger = smallAppend(bench);
        java.util.function.Supplier<Future<Integer>> rawOneRow = rawOneRow(bench);
        compare("split, concurrency 1: ledger / raw one-row INSERT; third: append_events called directly", bench, 1,
                1500, ledger, rawOneRow, direct);
    }

    /**
     * What interleaving does to a side at concurrency 1: the raw one-row INSERT alone, interleaved with itself, and
     * interleaved with the ledger, in rounds. Interleaving puts both sides through the same seconds, but an operation
     * may then also pay for switching between them; the raw INSERT interleaved with itself shows that cost apart
     * from anything the ledger does in the background.
     */
    private static void calibrate(PgBench bench) {
        java.util.function.Supplier<Future<Integer>> ledger = smallAppend(bench);
        java.util.function.Supplier<Future<Integer>> raw = rawOneRow(bench);
        System.out.println("## calibrate, concurrency 1: raw INSERT alone / interleaved with itself / with the ledger");
        bench.rate(1, 1500, raw);
        bench.interleaved(1500, ledger, raw);
        for (int round = 0; round < ROUNDS; round++) {
            double alone = bench.rate(1, 1500, raw);
            double[] self = bench.interleaved(1500, raw, raw);
            double[] mixed = bench.interleaved(1500, ledger, raw);
            double ledgerAlone = bench.rate(1, 1500, ledger);
            System.out.printf(Locale.ROOT, "round %d: raw alone %.0f; raw with raw %.0f/%.0f; ledger with raw %.0f/%.0f"
                    + " (%.0f%%); ledger alone %.0f (%.0f%% of raw alone)%n", round + 1, alone, self[0], self[1],
                    mixed[0], mixed[1], 100 * mixed[0] / mixed[1], ledgerAlone, 100 * ledgerAlone / alone);
        }
        System.out.println();
    }

    /** An append of 1-3 events to a new stream, counting one. */
    private static java.util.function.Supplier<Future<Integer>> smallAppend(PgBench bench) {
        return () -> {
            long n = bench.nextStream();
            return bench.ledger.append(PgBench.TENANT, StreamId.of("Small", n), ExpectedVersion.noStream(),
                    PgBench.events(1 + (int) (n % 3))).map(result -> 1);
        };
    }

    /** The raw one-row INSERT of one event of a new stream, in its own transaction, counting one. */
    private static java.util.function.Supplier<Future<Integer>> rawOneRow(PgBench bench) {
        String rawOne = PgBench.rawInsert(1);
        return () -> bench.raw.preparedQuery(rawOne)
                .execute(bench.rawRows("Small-" + bench.nextStream(), PgBench.events(1))).map(rows -> 1);
    }

    /** Runs figure and baselines in alternating rounds after a warm-up of each; prints each round and the medians. */
    private static void compare(String title, PgBench bench, int concurrency, long millis,
                                java.util.function.Supplier<Future<Integer>> figure,
                                java.util.function.Supplier<Future<Integer>> baseline,
                                java.util.function.Supplier<Future<Integer>> second) {
        System.out.println("## " + title);
        bench.rate(concurrency, millis / 2, figure);
        bench.rate(concurrency, millis / 2, baseline);
        if (second != null) {
            bench.rate(concurrency, millis / 2, second);
        }
        double[] figures = new double[ROUNDS];
        double[] baselines = new double[ROUNDS];
        double[] seconds = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            figures[round] = bench.rate(concurrency, millis, figure);
            double figureCpu = bench.lastCpuMicros;
            double figureSwitches = bench.lastSwitches;
            baselines[round] = bench.rate(concurrency, millis, baseline);
            double baselineCpu = bench.lastCpuMicros;
            double baselineSwitches = bench.lastSwitches;
            seconds[round] = second == null ? 0 : bench.rate(concurrency, millis, second);
            System.out.printf(Locale.ROOT, "round %d: ledger %.0f, raw %.0f (%.0f%%)%s; client CPU per unit %.1f / %.1f"
                    + " µs, context switches per unit %.1f / %.1f%n", round + 1, figures[round], baselines[round],
                    100 * figures[round] / baselines[round], second == null ? "" : String.format(Locale.ROOT,
                            ", raw same rows %.0f (%.0f%%)", seconds[round], 100 * figures[round] / seconds[round]),
                    figureCpu, baselineCpu, figureSwitches, baselineSwitches);
        }
        double f = median(figures);
        double b = median(baselines);
        System.out.printf(Locale.ROOT, "median: ledger %.0f, raw %.0f, ratio %.0f%%%s%n", f, b, 100 * f / b,
                second == null ? "" : String.format(Locale.ROOT, "; raw same rows %.0f, ratio %.0f%%",
                        median(seconds), 100 * f / median(seconds)));
        if (concurrency == 1) {
            interleaved(bench, millis, figure, baseline);
        }
        System.out.println();
    }

    /**
     * At concurrency 1, the same two operations interleaved one by one, in rounds: each round's ratio compares
     * the two sides over the same seconds.
     */
    private static void interleaved(PgBench bench, long millis, java.util.function.Supplier<Future<Integer>> figure,
                                    java.util.function.Supplier<Future<Integer>> baseline) {
        double[] ratios = new double[ROUNDS];
        StringBuilder rounds = new StringBuilder();
        for (int round = 0; round < ROUNDS; round++) {
            double[] rates = bench.interleaved(millis, figure, baseline);
            ratios[round] = rates[0] / rates[1];
            rounds.append(String.format(Locale.ROOT, "%s%.0f/%.0f (%.0f%%)", round == 0 ? "" : ", ", rates[0],
                    rates[1], 100 * ratios[round]));
        }
        System.out.printf(Locale.ROOT, "interleaved one by one, ledger/raw: %s; median ratio %.0f%%%n", rounds,
                100 * median(ratios));
    }

    private static void rehydrate(PgBench bench) {
        Registry registry = SampleApplicationRegistry.create();
        EventRecords records = new EventRecords(registry.codecs());
        StockAggregate aggregate = new StockAggregate();
        Principal principal = Principal.of("bench", PgBench.TENANT, "inventory:write");
        StreamId stream = Stock.streamOf("SKU-42");
        List<EventData> events = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Event event = i % 2 == 0 ? new StockRestocked("SKU-42", 10)
                    : new StockReserved(UUID.randomUUID(), "SKU-42", 3);
            events.add(records.toData(Envelope.create(principal, registry.codecs().typeOf(event), event)));
        }
        PgBench.await(bench.ledger.append(PgBench.TENANT, stream, ExpectedVersion.noStream(), events));
        String rawSelect = "SELECT position, tenant, stream, version, event_id, type, schema_version, payload,"
                + " metadata, recorded_at FROM " + PgBench.SCHEMA + ".events WHERE tenant = $1 AND stream = $2"
                + " ORDER BY version";
        java.util.function.Supplier<Future<Object>> load = () -> bench.ledger
                .readStream(PgBench.TENANT, stream, 1, 1000)
                .map(slice -> {
                    Stock state = aggregate.initial();
                    for (RecordedEvent recorded : slice.events()) {
                        state = aggregate.evolve(state, records.toEnvelope(recorded).payload());
                    }
                    if (state.onHand() != 500) {
                        throw new IllegalStateException("folded to " + state);
                    }
                    return state;
                });
        java.util.function.Supplier<Future<Object>> select = () -> bench.raw.preparedQuery(rawSelect)
                .execute(Tuple.of(PgBench.TENANT, stream.value())).map(rows -> rows.size());
        System.out.println("## rehydrate an aggregate of 100 events (readStream + decode + fold), concurrency 1");
        latencies(bench, load, 300);
        latencies(bench, select, 300);
        for (int round = 0; round < 3; round++) {
            long[] figure = latencies(bench, load, 1000);
            long[] baseline = latencies(bench, select, 1000);
            System.out.printf(Locale.ROOT, "round %d: ledger p50 %.3f ms p90 %.3f ms p99 %.3f ms;"
                            + " raw SELECT p50 %.3f ms p90 %.3f ms p99 %.3f ms%n", round + 1,
                    ms(figure, 0.5), ms(figure, 0.9), ms(figure, 0.99), ms(baseline, 0.5), ms(baseline, 0.9),
                    ms(baseline, 0.99));
        }
        System.out.println();
    }

    /** The sorted times of {@code count} operations run one after the other. */
    private static long[] latencies(PgBench bench, java.util.function.Supplier<Future<Object>> operation, int count) {
        long[] times = new long[count];
        Promise<Void> done = Promise.promise();
        bench.vertx.runOnContext(v -> next(operation, times, 0, done));
        PgBench.await(done.future());
        Arrays.sort(times);
        return times;
    }

    private static void next(java.util.function.Supplier<Future<Object>> operation, long[] times, int index,
                             Promise<Void> done) {
        if (index == times.length) {
            done.complete();
            return;
        }
        long start = System.nanoTime();
        operation.get().onComplete(result -> {
            times[index] = System.nanoTime() - start;
            if (result.failed()) {
                done.fail(result.cause());
            } else {
                next(operation, times, index + 1, done);
            }
        });
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (quantile * sorted.length))] / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

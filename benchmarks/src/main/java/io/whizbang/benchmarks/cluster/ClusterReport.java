package io.whizbang.benchmarks.cluster;

import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's printed results: one line per round, and a Markdown table with a row per cluster size, its rounds,
 * their mean and its ratio to the first size measured in the same run (the baseline).
 */
final class ClusterReport {
    private ClusterReport() {
    }

    /**
     * What one cluster size measured.
     *
     * @param jvms    the number of launcher JVMs
     * @param rounds  the measured rounds
     * @param settled what the sagas and perspectives had done once the load stopped
     */
    record Measured(int jvms, List<RoundRobinLoad.Result> rounds, String settled) {
        Measured {
            rounds = List.copyOf(rounds);
        }

        /** The mean of the rounds' throughputs. */
        double meanThroughput() {
            return rounds.stream().mapToDouble(RoundRobinLoad.Result::throughput).average().orElse(0);
        }

        /** The latencies of every round together. */
        Histogram latency() {
            Histogram all = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
            rounds.forEach(round -> all.add(round.latency()));
            return all;
        }

        long failed() {
            return rounds.stream().mapToLong(RoundRobinLoad.Result::failed).sum();
        }
    }

    /** One round's figures. */
    static String line(int jvms, int round, RoundRobinLoad.Result result) {
        return String.format(Locale.ROOT, "%d JVM(s), round %d: %7.0f orders/s  p50 %7.2f ms  p99 %7.2f ms"
                        + "  (%d accepted, %d failed%s)", jvms, round, result.throughput(),
                result.percentileMillis(50), result.percentileMillis(99), result.completed(), result.failed(),
                result.failure() == null ? "" : "; first failure: " + result.failure());
    }

    /**
     * The sizes as a table. The first size is the baseline of the ratios; when it was measured more than once (say
     * {@code --jvms=1,2,3,1}, to see the machine's drift), the mean of its rows is.
     */
    static String table(List<Measured> sizes) {
        int rounds = sizes.stream().mapToInt(size -> size.rounds().size()).max().orElse(0);
        StringBuilder table = new StringBuilder("| JVMs |");
        StringBuilder rule = new StringBuilder("| --- |");
        for (int r = 1; r <= rounds; r++) {
            table.append(" round ").append(r).append(" |");
            rule.append(" --- |");
        }
        int baseJvms = sizes.isEmpty() ? 0 : sizes.get(0).jvms();
        List<Measured> bases = sizes.stream().filter(size -> size.jvms() == baseJvms).toList();
        table.append(" mean orders/s | ratio to ").append(baseJvms).append(baseJvms == 1 ? " JVM" : " JVMs")
                .append(bases.size() > 1 ? " (mean of its " + bases.size() + " rows)" : "")
                .append(" | p50 / p99 ms (all rounds) | failed | after the load |\n");
        rule.append(" --- | --- | --- | --- | --- |\n");
        table.append(rule);
        double base = bases.stream().mapToDouble(Measured::meanThroughput).average().orElse(0);
        for (Measured size : sizes) {
            table.append("| ").append(size.jvms()).append(" |");
            for (int r = 0; r < rounds; r++) {
                table.append(' ').append(r < size.rounds().size() ? cell(size.rounds().get(r)) : "").append(" |");
            }
            Histogram latency = size.latency();
            table.append(String.format(Locale.ROOT, " %.0f | %.2f | %.2f / %.2f | %d | %s |%n",
                    size.meanThroughput(), base == 0 ? 0 : size.meanThroughput() / base,
                    latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                    size.failed(), size.settled()));
        }
        table.append("\ncells: accepted orders/s (p50/p99 ms)\n");
        return table.toString();
    }

    private static String cell(RoundRobinLoad.Result result) {
        return String.format(Locale.ROOT, "%.0f (%.2f/%.2f)", result.throughput(), result.percentileMillis(50),
                result.percentileMillis(99));
    }
}

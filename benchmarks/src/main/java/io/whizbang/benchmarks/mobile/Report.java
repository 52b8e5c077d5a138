package io.whizbang.benchmarks.mobile;

import java.util.List;
import java.util.Locale;

/**
 * The benchmark's printed results: one line per phase, and a Markdown table of each round with the ratios of the
 * gateway to the baseline measured next to it.
 */
final class Report {
    private Report() {
    }

    /** One phase's figures. */
    static String line(LoadGenerator.Result result) {
        return String.format(Locale.ROOT, "%-40s %9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  (%d ok, %d failed)",
                result.name(), result.throughput(), result.percentileMillis(50), result.percentileMillis(99),
                result.completed(), result.failed());
    }

    /**
     * The rounds as a table; each round holds hello POST, REST POST, REST POST with the dispatcher stubbed, hello GET
     * and REST GET, in that order.
     */
    static String table(List<List<LoadGenerator.Result>> rounds) {
        StringBuilder table = new StringBuilder("| round | hello POST | restock | ratio | restock, dispatcher stubbed"
                + " | ratio | hello GET | GET order | ratio |\n"
                + "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        double[] sums = new double[3];
        for (int i = 0; i < rounds.size(); i++) {
            List<LoadGenerator.Result> round = rounds.get(i);
            double[] ratios = {ratio(round, 1, 0), ratio(round, 2, 0), ratio(round, 4, 3)};
            for (int r = 0; r < ratios.length; r++) {
                sums[r] += ratios[r];
            }
            table.append(String.format(Locale.ROOT, "| %d | %s | %s | %.0f%% | %s | %.0f%% | %s | %s | %.0f%% |%n",
                    i + 1, cell(round.get(0)), cell(round.get(1)), ratios[0] * 100, cell(round.get(2)),
                    ratios[1] * 100, cell(round.get(3)), cell(round.get(4)), ratios[2] * 100));
        }
        table.append(String.format(Locale.ROOT, "| mean | | | %.0f%% | | %.0f%% | | | %.0f%% |%n",
                sums[0] * 100 / rounds.size(), sums[1] * 100 / rounds.size(), sums[2] * 100 / rounds.size()));
        table.append("\ncells: req/s (p50/p99 ms)\n");
        return table.toString();
    }

    private static double ratio(List<LoadGenerator.Result> round, int figure, int baseline) {
        return round.get(figure).throughput() / round.get(baseline).throughput();
    }

    private static String cell(LoadGenerator.Result result) {
        String failures = result.failed() == 0 ? "" : String.format(Locale.ROOT, ", %d failed", result.failed());
        return String.format(Locale.ROOT, "%.0f (%.2f/%.2f%s)", result.throughput(), result.percentileMillis(50),
                result.percentileMillis(99), failures);
    }
}

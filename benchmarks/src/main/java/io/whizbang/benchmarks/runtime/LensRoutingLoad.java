package io.whizbang.benchmarks.runtime;

import java.util.Arrays;
import java.util.Locale;

/**
 * The lens routing comparison of {@link LensRoutingBenchmark} as interleaved rounds: each round times
 * {@code asks} one-document reads on the raw store, then as many through the routing lens store of the rebuilt
 * perspective and of the never rebuilt one, so load on a shared
 * machine hits both alike; prints each figure's median and the median of the per-round ratios.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.whizbang.benchmarks.runtime.LensRoutingLoad [rounds] [asks]}
 */
public final class LensRoutingLoad {
    private LensRoutingLoad() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int asks = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        LensRoutingBenchmark bench = new LensRoutingBenchmark();
        bench.setUp();
        try {
            for (int i = 0; i < 5; i++) {
                time(bench, asks, 0);
                time(bench, asks, 1);
                time(bench, asks, 2);
            }
            double[] raw = new double[rounds];
            double[] routed = new double[rounds];
            double[] unrebuilt = new double[rounds];
            double[] ratios = new double[rounds];
            double[] unrebuiltRatios = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                raw[round] = time(bench, asks, 0);
                routed[round] = time(bench, asks, 1);
                unrebuilt[round] = time(bench, asks, 2);
                ratios[round] = routed[round] / raw[round];
                unrebuiltRatios[round] = unrebuilt[round] / raw[round];
            }
            System.out.printf(Locale.ROOT, "raw store read (baseline): median %.0f ns%n", median(raw));
            System.out.printf(Locale.ROOT, "routed read, rebuilt (figure): median %.0f ns%n", median(routed));
            System.out.printf(Locale.ROOT, "routed read, never rebuilt: median %.0f ns%n", median(unrebuilt));
            System.out.printf(Locale.ROOT, "ratio rebuilt/baseline: median %.2f; never rebuilt/baseline: median %.2f"
                    + " (rounds %d x %d asks)%n", median(ratios), median(unrebuiltRatios), rounds, asks);
        } finally {
            bench.tearDown();
        }
    }

    private static double time(LensRoutingBenchmark bench, int asks, int which) {
        long start = System.nanoTime();
        for (int i = 0; i < asks; i++) {
            switch (which) {
                case 0 -> bench.rawStoreLoad();
                case 1 -> bench.routedLoad();
                default -> bench.routedNeverRebuiltLoad();
            }
        }
        return (System.nanoTime() - start) / (double) asks;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

package io.whizbang.benchmarks.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of {@link ClusterPlaceOrderLoad}, read from {@code --name=value} arguments.
 *
 * @param jvms          the cluster sizes to measure, in order; the first is the baseline of the ratios
 * @param requests      orders placed per measured round
 * @param concurrency   orders in flight, spread round-robin over the nodes' REST gateways
 * @param rounds        measured rounds per cluster size
 * @param warmup        orders placed before measuring, per cluster size
 * @param clientLoops   event loops of the load generator
 * @param skus          the SKUs the orders cycle through (each order has one line of quantity 1)
 * @param maxMillis     the longest a round may run
 * @param settleMillis  the longest to wait, after the last round, for the sagas and perspectives to catch up
 * @param startMillis   the longest a node may take to say it is running
 * @param heap          the {@code -Xmx} of each node
 * @param jar           the launcher jar
 */
record ClusterSettings(List<Integer> jvms, int requests, int concurrency, int rounds, int warmup, int clientLoops,
                       int skus, long maxMillis, long settleMillis, long startMillis, String heap, Path jar) {
    /** The launcher jar when none is given, relative to the repository root. */
    static final String DEFAULT_JAR = "deploy/target/whizbang.jar";

    ClusterSettings {
        jvms = List.copyOf(jvms);
    }

    static ClusterSettings parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        ClusterSettings settings = new ClusterSettings(sizes(given.remove("jvms")), number(given, "requests", 2_000),
                number(given, "concurrency", 32), number(given, "rounds", 3), number(given, "warmup", 1_500),
                number(given, "client-loops", 1), number(given, "skus", 100),
                number(given, "max-seconds", 30) * 1000L, number(given, "settle-seconds", 30) * 1000L,
                number(given, "start-seconds", 180) * 1000L, heap(given.remove("heap")),
                Path.of(given.getOrDefault("jar", DEFAULT_JAR)));
        given.remove("jar");
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + given.keySet());
        }
        return settings;
    }

    private static List<Integer> sizes(String value) {
        if (value == null) {
            return List.of(1, 2, 3);
        }
        List<Integer> sizes = new ArrayList<>();
        for (String size : value.split(",")) {
            int jvms = Integer.parseInt(size.trim());
            if (jvms < 1 || jvms > 9) {
                throw new IllegalArgumentException("jvms must list cluster sizes of 1..9, got " + jvms);
            }
            sizes.add(jvms);
        }
        return sizes;
    }

    private static String heap(String value) {
        String heap = value == null ? "512m" : value;
        if (!heap.matches("[0-9]+[kmgKMG]?")) {
            throw new IllegalArgumentException("heap must be a size such as 512m, got " + heap);
        }
        return heap;
    }

    private static int number(Map<String, String> given, String name, int otherwise) {
        String value = given.remove(name);
        int number = value == null ? otherwise : Integer.parseInt(value);
        if (number < 1) {
            throw new IllegalArgumentException(name + " must be positive, was " + number);
        }
        return number;
    }
}

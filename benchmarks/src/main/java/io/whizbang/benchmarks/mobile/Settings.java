package io.whizbang.benchmarks.mobile;

import java.util.HashMap;
import java.util.Map;

/**
 * The options of {@link MobileRestLoad}, read from {@code --name=value} arguments.
 *
 * @param requests    requests per measured phase
 * @param concurrency requests in flight
 * @param eventLoops  event loops (and verticle instances) of the gateway and of the baseline server
 * @param clientLoops event loops of the load generator
 * @param rounds      measured rounds; each runs every phase once
 * @param warmup      requests per target before measuring
 * @param maxMillis   the longest a phase may run
 */
record Settings(int requests, int concurrency, int eventLoops, int clientLoops, int rounds, int warmup,
                long maxMillis) {
    static Settings parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        Settings settings = new Settings(number(given, "requests", 20_000), number(given, "concurrency", 32),
                number(given, "event-loops", 2), number(given, "client-loops", 1), number(given, "rounds", 5),
                number(given, "warmup", 30_000), number(given, "max-seconds", 30) * 1000L);
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + given.keySet());
        }
        return settings;
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

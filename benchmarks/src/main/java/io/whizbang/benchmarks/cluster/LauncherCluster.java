package io.whizbang.benchmarks.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Launcher JVMs ({@code java -jar whizbang.jar run --cluster}) clustered on loopback over one PostgreSQL, each
 * running the ledger (dispatcher) and the REST gateway; the first also runs the projections, and being started
 * first it holds the cluster singletons (sagas, perspectives). Started one after the other, each once the previous
 * one said it is running.
 */
final class LauncherCluster implements AutoCloseable {
    /** The last line a launcher prints on standard output once its services run. */
    static final String RUNNING = "Whizbang is running. Press Ctrl+C to stop.";

    private final List<Process> processes = new ArrayList<>();
    private final List<Integer> restPorts = new ArrayList<>();
    /** Kills the nodes should the benchmark itself be stopped (Ctrl+C) while they run. */
    private final Thread killer = new Thread(() -> processes.forEach(Process::destroyForcibly),
            "whizbang-cluster-bench-killer");

    private LauncherCluster() {
    }

    /**
     * Starts {@code size} nodes on the PostgreSQL at the port, sharing the data directory (where the development key
     * that signs the benchmark's token lives); their standard error goes to {@code node-<i>.log} in it.
     */
    static LauncherCluster start(int size, int postgresPort, Path dataDir, ClusterSettings settings)
            throws Exception {
        LauncherCluster cluster = new LauncherCluster();
        Runtime.getRuntime().addShutdownHook(cluster.killer);
        try {
            List<Integer> clusterPorts = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                clusterPorts.add(freePort());
            }
            String members = clusterPorts.stream().map(port -> "127.0.0.1:" + port)
                    .collect(Collectors.joining(","));
            for (int i = 0; i < size; i++) {
                int rest = freePort();
                List<String> command = new ArrayList<>(List.of(
                        ProcessHandle.current().info().command().orElse("java"), "-Xmx" + settings.heap(),
                        "-jar", settings.jar().toAbsolutePath().toString(), "run", "--cluster",
                        "--cluster-port=" + clusterPorts.get(i), "--cluster-members=" + members,
                        "--store=postgres://postgres:unused@localhost:" + postgresPort + "/postgres",
                        "--services=" + (i == 0 ? "ledger,projections,mobile" : "ledger,mobile"),
                        "--mobile-port=" + rest, "--host=127.0.0.1", "--data-dir=" + dataDir));
                cluster.launch(command, dataDir.resolve("node-" + (i + 1) + ".log"), settings.startMillis());
                cluster.restPorts.add(rest);
            }
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    /** The ports of the nodes' REST gateways, the first node's first. */
    List<Integer> restPorts() {
        return List.copyOf(restPorts);
    }

    private void launch(List<String> command, Path log, long startMillis) throws Exception {
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        processes.add(process);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        CompletableFuture<Boolean> running = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.equals(RUNNING)) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        boolean started;
        try {
            started = running.get(startMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            started = false;
        }
        if (!started) {
            throw new IllegalStateException("node " + processes.size() + " did not start; the end of " + log + ":\n"
                    + tail(log));
        }
        // keep reading its output, so it never blocks on a full pipe
        Thread reader = new Thread(() -> out.lines().forEach(line -> { }), "node-" + processes.size() + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Kills every node (the benchmark throws their data away) and waits until they are gone. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        processes.forEach(Process::destroyForcibly);
        for (Process process : processes) {
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

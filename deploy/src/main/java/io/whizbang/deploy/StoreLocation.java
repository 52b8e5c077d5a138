package io.whizbang.deploy;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the launcher keeps the ledger and the read models, as written after {@code --store}: {@code memory},
 * {@code sqlite:<file>} or {@code postgres://user:pass@host:port/db}.
 */
public sealed interface StoreLocation {
    /** What {@code --store} accepts, for error messages. */
    String CHOICES = "memory, sqlite:<file> or postgres://user:pass@host:port/db";

    /** The store's scheme: {@code memory}, {@code sqlite} or {@code postgres}. */
    String scheme();

    /** The location as shown to a user, without any password. */
    String display();

    /** The location written as {@code --store} takes it, password included; {@link #parse} reads it back. */
    String text();

    /** Keeps everything in this JVM's memory; it is gone when the JVM stops. */
    static StoreLocation memory() {
        return Memory.INSTANCE;
    }

    /**
     * The location written after {@code --store}.
     *
     * @throws IllegalArgumentException with a message that says what to write instead, when the text names no store
     */
    static StoreLocation parse(String text) {
        Objects.requireNonNull(text, "text");
        String value = text.strip();
        if (value.equals(Memory.SCHEME)) {
            return memory();
        }
        if (value.startsWith(Sqlite.SCHEME + ":")) {
            return Sqlite.parse(value);
        }
        if (value.startsWith("postgres://") || value.startsWith("postgresql://")) {
            return Postgres.parse(value);
        }
        throw new IllegalArgumentException("unknown store '" + text + "'; use " + CHOICES);
    }

    /** The store held in this JVM's memory. */
    enum Memory implements StoreLocation {
        /** The only memory store. */
        INSTANCE;

        static final String SCHEME = "memory";

        @Override
        public String scheme() {
            return SCHEME;
        }

        @Override
        public String display() {
            return "memory (in this JVM; gone when it stops)";
        }

        @Override
        public String text() {
            return SCHEME;
        }
    }

    /**
     * An SQLite database file.
     *
     * @param file the database file, created when missing
     */
    record Sqlite(Path file) implements StoreLocation {
        static final String SCHEME = "sqlite";
        /** What the projection store's file name ends with. */
        static final String PROJECTIONS_SUFFIX = "-projections.db";

        public Sqlite {
            Objects.requireNonNull(file, "file");
        }

        static Sqlite parse(String value) {
            String file = value.substring(SCHEME.length() + 1);
            if (file.isBlank()) {
                throw new IllegalArgumentException("the sqlite store needs a file, such as sqlite:./data/whizbang.db");
            }
            try {
                return new Sqlite(Path.of(file));
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("the sqlite store file '" + file + "' is not a valid path: "
                        + e.getReason(), e);
            }
        }

        /**
         * The SQLite file of the read models, saga instances and checkpoints, beside the ledger's: its name without
         * {@code .db}, then {@value #PROJECTIONS_SUFFIX} ({@code whizbang-projections.db} beside {@code whizbang.db}).
         */
        public Path projectionsFile() {
            String name = file.getFileName().toString();
            String base = name.endsWith(".db") && name.length() > 3 ? name.substring(0, name.length() - 3) : name;
            return file.resolveSibling(base + PROJECTIONS_SUFFIX);
        }

        @Override
        public String scheme() {
            return SCHEME;
        }

        @Override
        public String display() {
            return SCHEME + ":" + file.toAbsolutePath().normalize() + " (SQLite file; kept across restarts)";
        }

        @Override
        public String text() {
            return SCHEME + ":" + file;
        }
    }

    /**
     * A PostgreSQL database.
     *
     * @param uri the connection URI, {@code postgres://user:pass@host:port/db}
     */
    record Postgres(URI uri) implements StoreLocation {
        /** The port used when the URI names none. */
        public static final int DEFAULT_PORT = 5432;
        static final String SCHEME = "postgres";
        private static final String FORM = "postgres://user:pass@host:port/db";

        public Postgres {
            Objects.requireNonNull(uri, "uri");
        }

        static Postgres parse(String value) {
            URI uri;
            try {
                uri = new URI(value);
            } catch (URISyntaxException e) {
                throw malformed(value, e.getReason() + " at index " + e.getIndex());
            }
            if (uri.getHost() == null) {
                String authority = uri.getRawAuthority();
                int at = authority == null ? -1 : authority.lastIndexOf('@');
                String hostPort = authority == null ? "" : authority.substring(at + 1);
                throw malformed(value, hostPort.isEmpty() ? "it names no host"
                        : "'" + hostPort + "' is not a host with an optional numeric port");
            }
            if (uri.getRawUserInfo() == null || uri.getRawUserInfo().startsWith(":")) {
                throw malformed(value, "it names no user");
            }
            String path = uri.getPath();
            if (path == null || path.length() < 2 || path.indexOf('/', 1) >= 0) {
                throw malformed(value, "it names no database after the host");
            }
            return new Postgres(uri);
        }

        private static IllegalArgumentException malformed(String value, String problem) {
            return new IllegalArgumentException("malformed PostgreSQL store '" + masked(value) + "': " + problem
                    + "; write " + FORM);
        }

        /** The host of the server. */
        public String host() {
            return uri.getHost();
        }

        /** The port of the server, {@value #DEFAULT_PORT} when the URI names none. */
        public int port() {
            return uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        }

        /** The database's name. */
        public String database() {
            return uri.getPath().substring(1);
        }

        /** The user to log in as. */
        public String user() {
            String info = uri.getUserInfo();
            int colon = info.indexOf(':');
            return colon < 0 ? info : info.substring(0, colon);
        }

        @Override
        public String scheme() {
            return SCHEME;
        }

        @Override
        public String display() {
            return SCHEME + "://" + user() + "@" + host() + ":" + port() + "/" + database();
        }

        @Override
        public String text() {
            return uri.toString();
        }

        @Override
        public String toString() {
            return "Postgres[" + display() + "]";
        }

        private static String masked(String value) {
            return value.replaceFirst("(://[^:@/]*:)[^@/]*@", "$1***@");
        }
    }
}

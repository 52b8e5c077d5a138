package io.whizbang.deploy;

import io.whizbang.dispatch.DispatcherOptions;
import io.whizbang.security.Principal;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What {@code whizbang run} prints once it has started: which services run where, the event-bus addresses, the
 * perspectives and sagas, the store, the data directory and a development token.
 */
final class Banner {
    /** The last line of the banner; scripts wait for it. */
    static final String RUNNING = "Whizbang is running. Press Ctrl+C to stop.";

    private final PrintWriter out;

    private Banner(PrintWriter out) {
        this.out = out;
    }

    /** Prints the banner of a started platform with the development token minted for it. */
    static void print(PrintWriter out, Platform platform, Principal developer, Duration ttl, String token) {
        new Banner(out).printAll(platform, developer, ttl, token);
    }

    private void printAll(Platform platform, Principal developer, Duration ttl, String token) {
        RunOptions options = platform.options();
        DispatcherOptions dispatcher = options.getDispatcherOptions();
        out.println("Whizbang " + Version.current() + " - application '" + platform.registry().name() + "'");
        out.println();
        row("store", options.getStore().display());
        row("read models", readModels(options.getStore()));
        row("data dir", options.getDataDir().toAbsolutePath().normalize().toString());
        row("event bus", options.isCluster() ? "clustered (Hazelcast) at " + options.getClusterHost()
                + "; sagas and perspectives run on one node at a time" : "in this JVM");
        row("kafka", options.getKafka() == null ? "not used (--kafka=host:port relays the outbox and events and"
                + " consumes commands)" : options.getKafka() + ": events to " + KafkaTransport.EVENT_TOPICS
                + ", outbox to " + KafkaTransport.OUTBOX_TOPICS + ", commands from " + KafkaTransport.OUTBOX_TOPICS);
        out.println();
        out.println("Services");
        for (Service service : Service.values()) {
            row(service.id(), status(platform, service));
        }
        if (platform.servesDispatcher()) {
            out.println();
            out.println("Event-bus addresses");
            row("commands", dispatcher.commandAddress());
            row("queries", dispatcher.queryAddress());
        }
        list("Perspectives", platform.perspectives());
        list("Sagas", platform.sagas());
        out.println();
        out.println("Development token (subject " + developer.subject() + ", tenant " + developer.tenant()
                + ", valid " + describe(ttl) + ", scopes " + String.join(" ", developer.scopes().stream().sorted()
                .toList()) + "):");
        out.println(token);
        out.println("Mint others with: java -jar whizbang.jar token --tenant=<tenant> --scopes=<scope,...>"
                + " --data-dir=" + options.getDataDir());
        out.println();
        out.println(RUNNING);
        out.flush();
    }

    private static String readModels(StoreLocation store) {
        if (store instanceof StoreLocation.Sqlite sqlite) {
            return "sqlite:" + sqlite.projectionsFile().toAbsolutePath().normalize() + " (SQLite file, with the saga"
                    + " instances and checkpoints; perspectives and sagas resume where they stopped)";
        }
        if (store instanceof StoreLocation.Postgres) {
            return "the same PostgreSQL database, schema whizbang_projections (with the saga instances, checkpoints"
                    + " and dead letters; perspectives and sagas resume where they stopped)";
        }
        return "in memory";
    }

    private static String status(Platform platform, Service service) {
        if (!platform.options().runs(service)) {
            return "not selected";
        }
        return switch (service) {
            case LEDGER -> "running: " + service.description()
                    + (platform.sagas().isEmpty() && !platform.registry().sagas().isEmpty()
                    ? " (the sagas stand by: another node of the cluster runs them)" : "");
            case PROJECTIONS -> platform.perspectives().isEmpty()
                    ? "standing by: another node of the cluster runs " + service.description()
                    : "running: " + service.description();
            case WEB, MOBILE, DESKTOP, CONTROL -> "running: " + service.description() + " at "
                    + service.endpoint(platform.port(service));
        };
    }

    private void list(String title, List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        out.println();
        out.println(title);
        names.forEach(name -> out.println("  " + name));
    }

    private void row(String label, String value) {
        out.printf("  %-13s %s%n", label, value);
    }

    private static String describe(Duration ttl) {
        return ttl.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}

package io.whizbang.control;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * The feature flags as the control plane last set them, so that they survive restarts of every service: kept in
 * {@code feature-flags.json} of the data directory (written to a temporary file and moved into place), or in memory
 * without one.
 */
final class FlagStore {
    static final String FILE = "feature-flags.json";

    private final Vertx vertx;
    private final Path file;
    private final Map<String, Boolean> flags = new TreeMap<>();
    private Future<Void> writes = Future.succeededFuture();

    private FlagStore(Vertx vertx, Path file) {
        this.vertx = vertx;
        this.file = file;
    }

    static Future<FlagStore> open(Vertx vertx, String dataDir) {
        if (dataDir == null) {
            return Future.succeededFuture(new FlagStore(vertx, null));
        }
        FlagStore store = new FlagStore(vertx, Path.of(dataDir).resolve(FILE));
        return vertx.executeBlocking(() -> {
            Files.createDirectories(store.file.getParent());
            return Files.exists(store.file) ? new JsonObject(Files.readString(store.file, StandardCharsets.UTF_8))
                    : new JsonObject();
        }).map(json -> {
            json.forEach(entry -> store.flags.put(entry.getKey(), Boolean.TRUE.equals(entry.getValue())));
            return store;
        });
    }

    /** The flags, by name. */
    JsonObject toJson() {
        JsonObject json = new JsonObject();
        flags.forEach(json::put);
        return json;
    }

    /** Sets a flag; completes once it is durable. */
    Future<Void> set(String flag, boolean enabled) {
        flags.put(flag, enabled);
        if (file == null) {
            return Future.succeededFuture();
        }
        String content = toJson().encodePrettily();
        writes = writes.transform(previous -> vertx.executeBlocking(() -> {
            Path temporary = file.resolveSibling(FILE + ".tmp");
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return null;
        }));
        return writes;
    }
}

package io.whizbang.eventstore.kafka;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The durable progress of an event relay: the global position of the last event Kafka acknowledged, kept in a file
 * that is replaced atomically (written beside it, flushed to disk, renamed over it), so a crash leaves the old or
 * the new position, never a torn one.
 */
final class RelayCheckpoint {
    private final Vertx vertx;
    private final Path file;

    RelayCheckpoint(Vertx vertx, Path file) {
        this.vertx = vertx;
        this.file = file;
    }

    /** The saved position, 0 when none was saved. */
    Future<Long> load() {
        return vertx.executeBlocking(() -> {
            if (!Files.exists(file)) {
                return 0L;
            }
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalStateException("the relay checkpoint " + file + " holds \"" + text
                        + "\", not a position; delete it to relay every event again");
            }
        }, false);
    }

    /** Saves a position durably. */
    Future<Void> save(long position) {
        return vertx.executeBlocking(() -> {
            try {
                Path directory = file.toAbsolutePath().getParent();
                Files.createDirectories(directory);
                Path next = directory.resolve(file.getFileName() + ".next");
                try (FileChannel channel = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    channel.write(StandardCharsets.UTF_8.encode(Long.toString(position)));
                    channel.force(true);
                }
                Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException("could not save the relay checkpoint " + file, e);
            }
        }, false);
    }
}

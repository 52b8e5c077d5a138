package io.whizbang.control;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The audit log of control commands: every command, refused or broadcast, is recorded before its answer goes back,
 * and the log is read newest first in pages, filtered by kind or subject.
 *
 * <p>With a data directory it is an append-only JSON-lines file ({@code control-audit.jsonl}), forced to disk on
 * every entry and read back when the control plane starts (a torn last line from a crash is skipped); without one it
 * lives in memory.
 */
final class AuditLog {
    static final String FILE = "control-audit.jsonl";

    private final Vertx vertx;
    private final Path file;
    private final List<AuditEntry> entries = new ArrayList<>();
    private Future<Void> writes = Future.succeededFuture();
    private Consumer<AuditEntry> listener = entry -> {
    };

    private AuditLog(Vertx vertx, Path file) {
        this.vertx = vertx;
        this.file = file;
    }

    /** The log kept in the directory's file, or in memory when the directory is {@code null}. */
    static Future<AuditLog> open(Vertx vertx, String dataDir) {
        if (dataDir == null) {
            return Future.succeededFuture(new AuditLog(vertx, null));
        }
        AuditLog log = new AuditLog(vertx, Path.of(dataDir).resolve(FILE));
        return vertx.executeBlocking(() -> {
            Files.createDirectories(log.file.getParent());
            List<AuditEntry> read = new ArrayList<>();
            if (Files.exists(log.file)) {
                for (String line : Files.readAllLines(log.file, StandardCharsets.UTF_8)) {
                    try {
                        read.add(AuditEntry.fromJson(new JsonObject(line)));
                    } catch (RuntimeException torn) {
                        // a line cut short by a crash: nothing after it was acknowledged
                    }
                }
            }
            return read;
        }).map(read -> {
            log.entries.addAll(read);
            return log;
        });
    }

    /** Calls the listener with every entry recorded from now on (the dashboard's live feed). */
    void onRecord(Consumer<AuditEntry> listener) {
        this.listener = listener;
    }

    /** Records an entry; completes once it is durable. */
    Future<AuditEntry> record(String subject, String tenant, String kind, String target, String status,
                              JsonObject result) {
        AuditEntry entry = new AuditEntry(entries.size() + 1L, Instant.now(), subject, tenant, kind, target, status,
                result);
        entries.add(entry);
        listener.accept(entry);
        if (file == null) {
            return Future.succeededFuture(entry);
        }
        byte[] line = (entry.toJson().encode() + "\n").getBytes(StandardCharsets.UTF_8);
        writes = writes.transform(previous -> vertx.executeBlocking(() -> {
            append(line);
            return null;
        }));
        return writes.map(entry);
    }

    private void append(byte[] line) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap(line));
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the audit log " + file, e);
        }
    }

    /**
     * A page of entries, newest first.
     *
     * @param before  only entries with a smaller sequence; 0 for the newest
     * @param limit   at most this many
     * @param kind    only this kind, or {@code null}
     * @param subject only this subject, or {@code null}
     */
    JsonObject page(long before, int limit, String kind, String subject) {
        JsonArray items = new JsonArray();
        long next = 0;
        for (int i = entries.size() - 1; i >= 0; i--) {
            AuditEntry entry = entries.get(i);
            if (before > 0 && entry.sequence() >= before) {
                continue;
            }
            if ((kind != null && !kind.equals(entry.kind())) || (subject != null && !subject.equals(entry.subject()))) {
                continue;
            }
            if (items.size() == limit) {
                next = entry.sequence() + 1;
                break;
            }
            items.add(entry.toJson());
        }
        JsonObject page = new JsonObject().put("items", items);
        return next > 0 ? page.put("nextCursor", String.valueOf(next)) : page.putNull("nextCursor");
    }
}

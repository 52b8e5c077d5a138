package io.whizbang.control;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.whizbang.error.PermanentException;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.StreamId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stream explorer: a tenant's streams (from the ledger's newest events), a stream's events page by page, and
 * the aggregate's state at any version, folded by the dispatcher ({@code <prefix>.streams.state}).
 */
final class StreamBrowser {
    private static final long STATE_TIMEOUT_MILLIS = 10_000;

    private final Vertx vertx;
    private final Ledger ledger;
    private final LedgerScan scan;
    private final String stateAddress;

    StreamBrowser(Vertx vertx, Ledger ledger, LedgerScan scan, String stateAddress) {
        this.vertx = vertx;
        this.ledger = ledger;
        this.scan = scan;
        this.stateAddress = stateAddress;
    }

    /** The tenant's streams, most recently written first, optionally of one category, paged by offset. */
    Future<JsonObject> streams(String tenant, String category, int offset, int limit) {
        Map<String, JsonObject> streams = new TreeMap<>();
        return scan.visit(LedgerScan.Visitor.all(event -> {
            if (!event.tenant().equals(tenant) || (category != null && !category.equals(event.stream().category()))) {
                return;
            }
            JsonObject stream = streams.computeIfAbsent(event.stream().value(), name -> new JsonObject()
                    .put("stream", name).put("category", event.stream().category()).put("version", 0L));
            stream.put("version", Math.max(stream.getLong("version"), event.version()))
                    .put("lastType", event.type()).put("lastAt", event.timestamp().toString())
                    .put("lastPosition", event.position());
        })).map(head -> {
            List<JsonObject> sorted = new ArrayList<>(streams.values());
            sorted.sort((a, b) -> Long.compare(b.getLong("lastPosition"), a.getLong("lastPosition")));
            int end = Math.min(sorted.size(), offset + limit);
            JsonObject page = new JsonObject().put("tenant", tenant)
                    .put("items", new JsonArray(offset >= sorted.size() ? List.of() : sorted.subList(offset, end)));
            return end < sorted.size() ? page.put("nextCursor", String.valueOf(end)) : page.putNull("nextCursor");
        });
    }

    /** A page of a stream's events from a version on. */
    Future<JsonObject> events(String tenant, String stream, long fromVersion, int limit) {
        StreamId id = parse(stream);
        return ledger.readStream(tenant, id, fromVersion, limit).map(slice -> {
            JsonArray items = new JsonArray();
            for (RecordedEvent event : slice.events()) {
                items.add(new JsonObject().put("version", event.version()).put("position", event.position())
                        .put("eventId", event.eventId().toString()).put("type", event.type())
                        .put("schemaVersion", event.schemaVersion()).put("at", event.timestamp().toString())
                        .put("payload", event.payload()).put("metadata", event.metadata()));
            }
            long last = slice.events().isEmpty() ? fromVersion - 1
                    : slice.events().get(slice.events().size() - 1).version();
            JsonObject page = new JsonObject().put("tenant", tenant).put("stream", id.value())
                    .put("streamVersion", slice.streamVersion()).put("items", items);
            return last < slice.streamVersion() ? page.put("nextCursor", String.valueOf(last + 1))
                    : page.putNull("nextCursor");
        });
    }

    /** The stream's state at a version (0 for the latest). */
    Future<JsonObject> state(String tenant, String stream, long version) {
        StreamId id = parse(stream);
        return vertx.eventBus().<JsonObject>request(stateAddress, new JsonObject().put("tenant", tenant)
                        .put("stream", id.value()).put("version", version),
                        new DeliveryOptions().setSendTimeout(STATE_TIMEOUT_MILLIS))
                .map(reply -> reply.body())
                .recover(failure -> Future.failedFuture(Replies.failure(failure, stateAddress)));
    }

    private static StreamId parse(String stream) {
        try {
            return StreamId.parse(stream == null ? "" : stream);
        } catch (IllegalArgumentException e) {
            throw PermanentException.invalid(e.getMessage());
        }
    }
}

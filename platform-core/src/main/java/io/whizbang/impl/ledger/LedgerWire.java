package io.whizbang.impl.ledger;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.whizbang.codec.JsonRead;
import io.whizbang.ledger.AppendResult;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.ExpectedVersion;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.StreamAppend;
import io.whizbang.ledger.StreamId;
import io.whizbang.outbox.OutboxMessage;
import io.whizbang.ledger.StreamSlice;

import java.util.List;

/**
 * The JSON form of the ledger's values on the event bus, shared by {@code LedgerEndpoint} and {@code LedgerClient}.
 *
 * <p>Every decoder fails with a {@link io.whizbang.error.ValidationException} naming the field at fault, so a
 * malformed request is answered {@code INVALID_ARGUMENT}.
 */
public final class LedgerWire {
    /** A stream id written {@code Category-id}. */
    static final JsonRead.Reader<StreamId> STREAM_ID =
            raw -> JsonRead.construct(() -> StreamId.parse(JsonRead.STRING.read(raw)));
    /** An expectation written {@code "any"} or as the version number (0 for no stream). */
    static final JsonRead.Reader<ExpectedVersion> EXPECTED = raw -> "any".equals(raw) ? ExpectedVersion.any()
            : JsonRead.construct(() -> ExpectedVersion.exactly(JsonRead.LONG.read(raw)));
    static final JsonRead.Reader<EventData> EVENT_DATA = JsonRead.record(LedgerWire::eventData);
    static final JsonRead.Reader<RecordedEvent> RECORDED = JsonRead.record(LedgerWire::recorded);
    private static final JsonRead.Reader<JsonObject> OBJECT = JsonRead.record(object -> object);

    private LedgerWire() {
    }

    /** The request body of an append. */
    public static JsonObject appendRequest(List<StreamAppend> appends, List<OutboxMessage> outbox) {
        JsonArray items = new JsonArray();
        for (StreamAppend append : appends) {
            JsonArray events = new JsonArray();
            append.events().forEach(event -> events.add(encode(event)));
            items.add(new JsonObject().put("tenant", append.tenant()).put("stream", append.stream().value())
                    .put("expected", encode(append.expected())).put("events", events));
        }
        JsonArray messages = new JsonArray();
        outbox.forEach(message -> messages.add(StorageWire.encode(message)));
        return new JsonObject().put("appends", items).put("outbox", messages);
    }

    /** The outbox messages of an append request; none when absent. */
    public static List<OutboxMessage> outbox(JsonObject request) {
        return JsonRead.optional(request, "outbox", JsonRead.list(JsonRead.record(StorageWire::message)))
                .orElse(List.of());
    }

    /** The appends of an append request. */
    public static List<StreamAppend> appends(JsonObject request) {
        return JsonRead.required(request, "appends", JsonRead.list(JsonRead.record(json -> {
            String tenant = JsonRead.required(json, "tenant", JsonRead.STRING);
            StreamId stream = JsonRead.required(json, "stream", STREAM_ID);
            ExpectedVersion expected = JsonRead.required(json, "expected", EXPECTED);
            List<EventData> events = JsonRead.required(json, "events", JsonRead.list(EVENT_DATA));
            return new StreamAppend(tenant, stream, expected, events);
        })));
    }

    /** The JSON of an expectation: {@code "any"} or the version. */
    public static Object encode(ExpectedVersion expected) {
        return expected instanceof ExpectedVersion.Exactly exactly ? (Object) exactly.version() : "any";
    }

    /** The JSON of an event to append. */
    public static JsonObject encode(EventData event) {
        return new JsonObject().put("eventId", event.eventId().toString()).put("type", event.type())
                .put("schemaVersion", event.schemaVersion()).put("payload", event.payload())
                .put("metadata", event.metadata());
    }

    /** The event to append that the JSON stands for. */
    public static EventData eventData(JsonObject json) {
        return JsonRead.construct(() -> new EventData(JsonRead.required(json, "eventId", JsonRead.UUID_VALUE),
                JsonRead.required(json, "type", JsonRead.STRING),
                JsonRead.required(json, "schemaVersion", JsonRead.INT),
                JsonRead.required(json, "payload", OBJECT),
                JsonRead.optional(json, "metadata", OBJECT).orElseGet(JsonObject::new)));
    }

    /** The JSON of a stored event. */
    public static JsonObject encode(RecordedEvent event) {
        return new JsonObject().put("position", event.position()).put("tenant", event.tenant())
                .put("stream", event.stream().value()).put("version", event.version())
                .put("eventId", event.eventId().toString()).put("type", event.type())
                .put("schemaVersion", event.schemaVersion()).put("payload", event.payload())
                .put("metadata", event.metadata()).put("timestamp", event.timestamp().toString());
    }

    /** The stored event that the JSON stands for. */
    public static RecordedEvent recorded(JsonObject json) {
        return JsonRead.construct(() -> new RecordedEvent(JsonRead.required(json, "position", JsonRead.LONG),
                JsonRead.required(json, "tenant", JsonRead.STRING), JsonRead.required(json, "stream", STREAM_ID),
                JsonRead.required(json, "version", JsonRead.LONG),
                JsonRead.required(json, "eventId", JsonRead.UUID_VALUE),
                JsonRead.required(json, "type", JsonRead.STRING),
                JsonRead.required(json, "schemaVersion", JsonRead.INT),
                JsonRead.required(json, "payload", OBJECT), JsonRead.required(json, "metadata", OBJECT),
                JsonRead.required(json, "timestamp", JsonRead.INSTANT)));
    }

    /** The JSON of a list of stored events, as {@code readAll} answers. */
    public static JsonObject encodeEvents(List<RecordedEvent> events) {
        JsonArray items = new JsonArray();
        events.forEach(event -> items.add(encode(event)));
        return new JsonObject().put("events", items);
    }

    /** The stored events of a {@code readAll} answer. */
    public static List<RecordedEvent> events(JsonObject json) {
        return JsonRead.required(json, "events", JsonRead.list(RECORDED));
    }

    /** The JSON of an append's result. */
    public static JsonObject encode(AppendResult result) {
        JsonArray streams = new JsonArray();
        result.streams().forEach(stream -> streams.add(new JsonObject().put("tenant", stream.tenant())
                .put("stream", stream.stream().value()).put("version", stream.version())));
        return new JsonObject().put("streams", streams).put("position", result.position());
    }

    /** The append result the JSON stands for. */
    public static AppendResult appendResult(JsonObject json) {
        List<AppendResult.StreamVersion> streams = JsonRead.required(json, "streams", JsonRead.list(
                JsonRead.record(item -> new AppendResult.StreamVersion(JsonRead.required(item, "tenant",
                        JsonRead.STRING), JsonRead.required(item, "stream", STREAM_ID),
                        JsonRead.required(item, "version", JsonRead.LONG)))));
        return new AppendResult(streams, JsonRead.required(json, "position", JsonRead.LONG));
    }

    /** The JSON of a stream read. */
    public static JsonObject encode(StreamSlice slice) {
        return encodeEvents(slice.events()).put("streamVersion", slice.streamVersion())
                .put("endOfStream", slice.endOfStream());
    }

    /** The stream read the JSON stands for. */
    public static StreamSlice slice(JsonObject json) {
        return new StreamSlice(events(json), JsonRead.required(json, "streamVersion", JsonRead.LONG),
                JsonRead.required(json, "endOfStream", JsonRead.BOOLEAN));
    }
}

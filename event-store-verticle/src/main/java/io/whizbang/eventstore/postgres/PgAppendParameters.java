package io.whizbang.eventstore.postgres;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.ExpectedVersion;
import io.whizbang.ledger.InboxEntry;
import io.whizbang.ledger.StreamAppend;
import io.whizbang.outbox.OutboxMessage;

import java.util.List;
import java.util.UUID;

/**
 * The parameters of {@code PgStatements#append} for the appends of one transaction (its 22 arrays and the
 * announcement), and those of {@link PgStreamAppendStatements} for a lone append to one stream.
 */
final class PgAppendParameters {
    private PgAppendParameters() {
    }

    /**
     * The stream, its expected version (-1 for any), the event count, the events (as rows of five parameters or as
     * five arrays: see {@link PgStreamAppendStatements}), the announcement.
     */
    static Tuple ofStream(StreamAppend append, String announcement) {
        List<EventData> events = append.events();
        int count = events.size();
        Tuple tuple = Tuple.tuple().addString(append.tenant()).addString(append.stream().value())
                .addLong(expected(append)).addLong((long) count);
        if (PgStreamAppendStatements.asRows(count)) {
            for (EventData event : events) {
                tuple.addUUID(event.eventId()).addString(event.type()).addInteger(event.schemaVersion())
                        .addJsonObject(event.payload()).addJsonObject(event.metadata());
            }
        } else {
            UUID[] ids = new UUID[count];
            String[] types = new String[count];
            Integer[] schemaVersions = new Integer[count];
            JsonObject[] payloads = new JsonObject[count];
            JsonObject[] metadata = new JsonObject[count];
            for (int e = 0; e < count; e++) {
                EventData event = events.get(e);
                ids[e] = event.eventId();
                types[e] = event.type();
                schemaVersions[e] = event.schemaVersion();
                payloads[e] = event.payload();
                metadata[e] = event.metadata();
            }
            tuple.addArrayOfUUID(ids).addArrayOfString(types).addArrayOfInteger(schemaVersions)
                    .addArrayOfJsonObject(payloads).addArrayOfJsonObject(metadata);
        }
        return announcement == null ? tuple : tuple.addString(announcement);
    }

    private static long expected(StreamAppend append) {
        return append.expected() instanceof ExpectedVersion.Exactly exactly ? exactly.version() : -1L;
    }

    static Tuple of(List<PgAppender.QueuedAppend> batch, String announcement) {
        int streams = 0;
        int events = 0;
        int messages = 0;
        int received = 0;
        for (PgAppender.QueuedAppend append : batch) {
            streams += append.appends().size();
            events += append.events();
            messages += append.outbox().size();
            received += append.received() == null ? 0 : 1;
        }
        Integer[] streamAppend = new Integer[streams];
        String[] tenants = new String[streams];
        String[] names = new String[streams];
        Long[] expected = new Long[streams];
        Integer[] counts = new Integer[streams];
        Integer[] eventStream = new Integer[events];
        Long[] place = new Long[events];
        UUID[] ids = new UUID[events];
        String[] types = new String[events];
        Integer[] schemaVersions = new Integer[events];
        JsonObject[] payloads = new JsonObject[events];
        JsonObject[] metadata = new JsonObject[events];
        Integer[] messageAppend = new Integer[messages];
        UUID[] messageIds = new UUID[messages];
        String[] messageTenants = new String[messages];
        String[] destinations = new String[messages];
        String[] keys = new String[messages];
        JsonObject[] messagePayloads = new JsonObject[messages];
        JsonObject[] headers = new JsonObject[messages];
        Integer[] receivedAppend = new Integer[received];
        UUID[] receivedIds = new UUID[received];
        String[] receivedTenants = new String[received];
        int s = 0;
        int e = 0;
        int m = 0;
        int r = 0;
        for (int a = 0; a < batch.size(); a++) {
            PgAppender.QueuedAppend append = batch.get(a);
            int number = a + 1;
            for (StreamAppend stream : append.appends()) {
                streamAppend[s] = number;
                tenants[s] = stream.tenant();
                names[s] = stream.stream().value();
                expected[s] = expected(stream);
                counts[s] = stream.events().size();
                s++;
                long p = 0;
                for (EventData event : stream.events()) {
                    eventStream[e] = s;
                    place[e] = ++p;
                    ids[e] = event.eventId();
                    types[e] = event.type();
                    schemaVersions[e] = event.schemaVersion();
                    payloads[e] = event.payload();
                    metadata[e] = event.metadata();
                    e++;
                }
            }
            for (OutboxMessage message : append.outbox()) {
                messageAppend[m] = number;
                messageIds[m] = message.messageId();
                messageTenants[m] = message.tenant();
                destinations[m] = message.destination();
                keys[m] = message.key();
                messagePayloads[m] = message.payload();
                headers[m] = message.headers();
                m++;
            }
            InboxEntry entry = append.received();
            if (entry != null) {
                receivedAppend[r] = number;
                receivedIds[r] = entry.messageId();
                receivedTenants[r] = entry.tenant();
                r++;
            }
        }
        return Tuple.tuple()
                .addArrayOfInteger(streamAppend).addArrayOfString(tenants).addArrayOfString(names)
                .addArrayOfLong(expected).addArrayOfInteger(counts)
                .addArrayOfInteger(eventStream).addArrayOfLong(place).addArrayOfUUID(ids).addArrayOfString(types)
                .addArrayOfInteger(schemaVersions).addArrayOfJsonObject(payloads).addArrayOfJsonObject(metadata)
                .addArrayOfInteger(messageAppend).addArrayOfUUID(messageIds).addArrayOfString(messageTenants)
                .addArrayOfString(destinations).addArrayOfString(keys).addArrayOfJsonObject(messagePayloads)
                .addArrayOfJsonObject(headers)
                .addArrayOfInteger(receivedAppend).addArrayOfUUID(receivedIds).addArrayOfString(receivedTenants)
                .addString(announcement);
    }
}

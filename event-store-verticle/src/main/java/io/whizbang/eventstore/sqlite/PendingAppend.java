package io.whizbang.eventstore.sqlite;

import io.whizbang.ledger.EventData;
import io.whizbang.ledger.InboxEntry;
import io.whizbang.ledger.StreamAppend;
import io.whizbang.outbox.OutboxMessage;

import java.util.List;

/**
 * An append whose JSON is already encoded, by the caller's thread, so the single writer thread only binds text.
 *
 * @param appends        the streams and their events
 * @param payloads       the events' payloads, in the order of the streams and their events
 * @param metadata       the events' metadata, in the same order
 * @param outbox         the outgoing messages
 * @param outboxPayloads the messages' payloads, in order
 * @param outboxHeaders  the messages' headers, in order
 * @param received       the incoming message to record in the inbox with the append, or {@code null}
 */
record PendingAppend(List<StreamAppend> appends, String[] payloads, String[] metadata, List<OutboxMessage> outbox,
                     String[] outboxPayloads, String[] outboxHeaders, InboxEntry received) {
    /** The append with its JSON encoded. */
    static PendingAppend encode(List<StreamAppend> appends, List<OutboxMessage> outbox) {
        return encode(appends, outbox, null);
    }

    /** The append with its JSON encoded, recording an incoming message in the inbox. */
    static PendingAppend encode(List<StreamAppend> appends, List<OutboxMessage> outbox, InboxEntry received) {
        int count = appends.stream().mapToInt(append -> append.events().size()).sum();
        String[] payloads = new String[count];
        String[] metadata = new String[count];
        int i = 0;
        for (StreamAppend append : appends) {
            for (EventData event : append.events()) {
                payloads[i] = event.payload().encode();
                metadata[i] = event.metadata().encode();
                i++;
            }
        }
        List<OutboxMessage> messages = List.copyOf(outbox);
        String[] outboxPayloads = new String[messages.size()];
        String[] outboxHeaders = new String[messages.size()];
        for (int m = 0; m < messages.size(); m++) {
            outboxPayloads[m] = messages.get(m).payload().encode();
            outboxHeaders[m] = messages.get(m).headers().encode();
        }
        return new PendingAppend(List.copyOf(appends), payloads, metadata, messages, outboxPayloads, outboxHeaders,
                received);
    }
}

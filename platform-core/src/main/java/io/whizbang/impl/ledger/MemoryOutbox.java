package io.whizbang.impl.ledger;

import io.vertx.core.Future;
import io.whizbang.outbox.Outbox;
import io.whizbang.outbox.OutboxMessage;
import io.whizbang.outbox.OutboxRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The memory ledger's outbox: rows are added under the ledger's lock together with the events.
 */
final class MemoryOutbox implements Outbox {
    private final TreeMap<Long, OutboxRecord> pending = new TreeMap<>();
    private long sequence;

    /** Adds rows; called by the memory ledger while it holds its lock, inside the append. */
    synchronized void add(List<OutboxMessage> messages, Instant now) {
        for (OutboxMessage message : messages) {
            sequence++;
            pending.put(sequence, new OutboxRecord(sequence, message, now));
        }
    }

    @Override
    public synchronized Future<List<OutboxRecord>> pending(int max) {
        List<OutboxRecord> batch = new ArrayList<>();
        for (OutboxRecord record : pending.values()) {
            if (batch.size() == max) {
                break;
            }
            batch.add(record);
        }
        return Future.succeededFuture(batch);
    }

    @Override
    public synchronized Future<Void> markPublished(List<Long> sequences) {
        sequences.forEach(pending::remove);
        return Future.succeededFuture();
    }
}

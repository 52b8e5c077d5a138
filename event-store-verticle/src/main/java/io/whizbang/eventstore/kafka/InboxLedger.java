package io.whizbang.eventstore.kafka;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.whizbang.ledger.AppendResult;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.InboxEntry;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.SnapshotStore;
import io.whizbang.ledger.StreamAppend;
import io.whizbang.ledger.StreamId;
import io.whizbang.ledger.StreamInfo;
import io.whizbang.ledger.StreamSlice;
import io.whizbang.ledger.Subscription;
import io.whizbang.outbox.Outbox;
import io.whizbang.outbox.OutboxMessage;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The ledger as the inbox's dispatcher sees it: an append caused by an incoming message that is being handled
 * carries that message into the ledger's inbox, in the append's own transaction.
 *
 * <p>Why this way: the dispatcher makes every event of a command with the command's id as its causation id, and a
 * published event keeps the incoming id as its own; so an append whose events point at an incoming message in hand
 * is that message's effect, and {@link Ledger#append(List, List, InboxEntry)} writes the effect and the inbox entry
 * together. A redelivered message then fails with {@link io.whizbang.ledger.AlreadyHandledException} and writes
 * nothing: its effects are applied once however often Kafka delivers it. This is sturdier than deriving event ids
 * from the incoming id, which only catches a redelivery whose handler decides the same events again.
 */
final class InboxLedger implements Ledger {
    private final Ledger ledger;
    private final Map<UUID, String> inHand = new ConcurrentHashMap<>();

    InboxLedger(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Marks a message as in hand, so its appends carry it into the inbox. */
    void receive(UUID messageId, String tenant) {
        inHand.put(messageId, tenant);
    }

    /** Forgets a message once its handling finished. */
    void release(UUID messageId) {
        inHand.remove(messageId);
    }

    @Override
    public Future<AppendResult> append(List<StreamAppend> appends, List<OutboxMessage> outbox) {
        InboxEntry received = receivedBy(appends);
        return received == null ? ledger.append(appends, outbox) : ledger.append(appends, outbox, received);
    }

    private InboxEntry receivedBy(List<StreamAppend> appends) {
        if (inHand.isEmpty()) {
            return null;
        }
        for (StreamAppend append : appends) {
            for (EventData event : append.events()) {
                String tenant = inHand.get(event.eventId());
                if (tenant != null) {
                    return new InboxEntry(event.eventId(), tenant);
                }
                String causation = event.metadata().getString("causationId");
                if (causation != null) {
                    UUID cause = parse(causation);
                    tenant = cause == null ? null : inHand.get(cause);
                    if (tenant != null) {
                        return new InboxEntry(cause, tenant);
                    }
                }
            }
        }
        return null;
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public Future<AppendResult> append(List<StreamAppend> appends, List<OutboxMessage> outbox, InboxEntry received) {
        return ledger.append(appends, outbox, received);
    }

    @Override
    public Future<Boolean> markHandled(InboxEntry received) {
        return ledger.markHandled(received);
    }

    @Override
    public Future<Boolean> handled(UUID messageId) {
        return ledger.handled(messageId);
    }

    @Override
    public boolean keepsInbox() {
        return ledger.keepsInbox();
    }

    @Override
    public Outbox outbox() {
        return ledger.outbox();
    }

    @Override
    public SnapshotStore snapshots() {
        return ledger.snapshots();
    }

    @Override
    public Future<StreamSlice> readStream(String tenant, StreamId stream, long fromVersion, int maxCount) {
        return ledger.readStream(tenant, stream, fromVersion, maxCount);
    }

    @Override
    public Future<StreamInfo> info(String tenant, StreamId stream) {
        return ledger.info(tenant, stream);
    }

    @Override
    public Future<List<RecordedEvent>> readAll(long afterPosition, int maxCount) {
        return ledger.readAll(afterPosition, maxCount);
    }

    @Override
    public Future<Long> head() {
        return ledger.head();
    }

    @Override
    public Runnable onAppend(Runnable listener) {
        return ledger.onAppend(listener);
    }

    @Override
    public Subscription subscribe(Vertx vertx, long afterPosition, int batchSize,
                                  Function<List<RecordedEvent>, Future<Void>> handler) {
        return ledger.subscribe(vertx, afterPosition, batchSize, handler);
    }

    /** Does not close the ledger, which belongs to whoever opened it. */
    @Override
    public Future<Void> close() {
        return Future.succeededFuture();
    }
}

package io.whizbang.eventstore.kafka;

import io.vertx.core.Future;
import io.whizbang.ledger.AppendResult;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.InboxEntry;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.StreamAppend;
import io.whizbang.ledger.spi.ForwardingLedger;
import io.whizbang.outbox.OutboxMessage;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

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
final class InboxLedger extends ForwardingLedger {
    private final Map<UUID, String> inHand = new ConcurrentHashMap<>();

    InboxLedger(Ledger ledger) {
        super(ledger);
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
}

package io.whizbang.ledger;

import java.util.Objects;
import java.util.UUID;

/**
 * An incoming message recorded in a ledger's inbox: once recorded, the message counts as handled and a redelivery of
 * it (Kafka delivers at least once) is skipped.
 *
 * @param messageId the incoming message's id, unique across tenants
 * @param tenant    the tenant it acted in
 */
public record InboxEntry(UUID messageId, String tenant) {
    public InboxEntry {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(tenant, "tenant");
    }
}

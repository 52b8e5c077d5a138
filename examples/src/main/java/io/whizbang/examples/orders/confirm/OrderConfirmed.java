package io.whizbang.examples.orders.confirm;

import io.whizbang.message.Event;
import io.whizbang.message.SchemaVersion;

import java.util.Objects;
import java.util.UUID;

/**
 * An order was confirmed: its stock is reserved and it may be shipped.
 *
 * @param orderId the order
 */
@SchemaVersion(1)
public record OrderConfirmed(UUID orderId) implements Event {
    public OrderConfirmed {
        Objects.requireNonNull(orderId, "orderId");
    }
}

package io.whizbang.examples.orders.ship;

import io.whizbang.message.Event;
import io.whizbang.message.SchemaVersion;

import java.util.Objects;
import java.util.UUID;

/**
 * An order was shipped; it can no longer be cancelled.
 *
 * @param orderId the order
 */
@SchemaVersion(1)
public record OrderShipped(UUID orderId) implements Event {
    public OrderShipped {
        Objects.requireNonNull(orderId, "orderId");
    }
}

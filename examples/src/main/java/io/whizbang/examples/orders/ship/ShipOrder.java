package io.whizbang.examples.orders.ship;

import io.whizbang.error.ValidationException;
import io.whizbang.message.Command;

import java.util.UUID;

/**
 * Asks to ship a confirmed order.
 *
 * @param orderId the order
 */
public record ShipOrder(UUID orderId) implements Command {
    public ShipOrder {
        ValidationException.require(orderId != null, "orderId", "is required");
    }
}

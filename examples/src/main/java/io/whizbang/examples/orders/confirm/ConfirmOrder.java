package io.whizbang.examples.orders.confirm;

import io.whizbang.error.ValidationException;
import io.whizbang.message.Command;

import java.util.UUID;

/**
 * Asks to confirm an order whose stock is reserved; sent by the fulfilment saga.
 *
 * @param orderId the order
 */
public record ConfirmOrder(UUID orderId) implements Command {
    public ConfirmOrder {
        ValidationException.require(orderId != null, "orderId", "is required");
    }
}

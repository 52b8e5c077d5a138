package io.whizbang.examples.orders.summary;

import io.whizbang.error.ValidationException;
import io.whizbang.message.Query;

import java.util.UUID;

/**
 * Asks for the summary of one order; {@code NOT_FOUND} when the asker's tenant has no such order.
 *
 * @param orderId the order
 */
public record GetOrder(UUID orderId) implements Query<OrderSummary> {
    public GetOrder {
        ValidationException.require(orderId != null, "orderId", "is required");
    }
}

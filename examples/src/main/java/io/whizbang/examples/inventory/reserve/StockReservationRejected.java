package io.whizbang.examples.inventory.reserve;

import io.whizbang.message.Event;
import io.whizbang.message.SchemaVersion;

import java.util.Objects;
import java.util.UUID;

/**
 * Units of a SKU could not be held for an order because too few are available.
 *
 * @param orderId  the order
 * @param sku      the stock-keeping unit
 * @param quantity how many were asked for
 * @param reason   why, such as "only 3 of SKU-1 available, 5 requested"
 */
@SchemaVersion(1)
public record StockReservationRejected(UUID orderId, String sku, int quantity, String reason) implements Event {
    public StockReservationRejected {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(reason, "reason");
    }
}

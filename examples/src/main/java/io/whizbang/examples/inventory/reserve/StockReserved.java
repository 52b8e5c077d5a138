package io.whizbang.examples.inventory.reserve;

import io.whizbang.message.Event;
import io.whizbang.message.SchemaVersion;

import java.util.Objects;
import java.util.UUID;

/**
 * Units of a SKU are held for an order.
 *
 * @param orderId  the order
 * @param sku      the stock-keeping unit
 * @param quantity how many are held
 */
@SchemaVersion(1)
public record StockReserved(UUID orderId, String sku, int quantity) implements Event {
    public StockReserved {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(sku, "sku");
    }
}

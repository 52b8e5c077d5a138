package io.whizbang.examples.inventory.release;

import io.whizbang.message.Event;
import io.whizbang.message.SchemaVersion;

import java.util.Objects;
import java.util.UUID;

/**
 * The units of a SKU an order held are available again.
 *
 * @param orderId  the order
 * @param sku      the stock-keeping unit
 * @param quantity how many were given back
 */
@SchemaVersion(1)
public record StockReleased(UUID orderId, String sku, int quantity) implements Event {
    public StockReleased {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(sku, "sku");
    }
}

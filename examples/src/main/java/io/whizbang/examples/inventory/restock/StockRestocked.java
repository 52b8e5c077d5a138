package io.whizbang.examples.inventory.restock;

import io.whizbang.message.Event;
import io.whizbang.message.SchemaVersion;

import java.util.Objects;

/**
 * Units of a SKU arrived in the warehouse.
 *
 * @param sku      the stock-keeping unit
 * @param quantity how many arrived
 */
@SchemaVersion(1)
public record StockRestocked(String sku, int quantity) implements Event {
    public StockRestocked {
        Objects.requireNonNull(sku, "sku");
    }
}

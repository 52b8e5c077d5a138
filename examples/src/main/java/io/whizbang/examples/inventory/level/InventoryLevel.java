package io.whizbang.examples.inventory.level;

import java.util.Objects;

/**
 * The read model of one SKU's stock.
 *
 * @param sku      the stock-keeping unit
 * @param onHand   the units in the warehouse
 * @param reserved the units held for orders
 */
public record InventoryLevel(String sku, int onHand, int reserved) {
    public InventoryLevel {
        Objects.requireNonNull(sku, "sku");
    }

    /** A SKU with nothing on hand yet. */
    public static InventoryLevel empty(String sku) {
        return new InventoryLevel(sku, 0, 0);
    }

    /** The units neither shipped nor held for an order. */
    public int available() {
        return onHand - reserved;
    }

    /** The level after units arrived. */
    public InventoryLevel restocked(int quantity) {
        return new InventoryLevel(sku, onHand + quantity, reserved);
    }

    /** The level after units were held, or given back when {@code quantity} is negative. */
    public InventoryLevel reservedMore(int quantity) {
        return new InventoryLevel(sku, onHand, reserved + quantity);
    }
}

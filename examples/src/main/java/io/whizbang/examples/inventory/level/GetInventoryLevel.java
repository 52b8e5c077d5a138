package io.whizbang.examples.inventory.level;

import io.whizbang.examples.inventory.Sku;
import io.whizbang.message.Query;

/**
 * Asks for the stock of one SKU; {@code NOT_FOUND} when it was never restocked.
 *
 * @param sku the stock-keeping unit
 */
public record GetInventoryLevel(String sku) implements Query<InventoryLevel> {
    public GetInventoryLevel {
        Sku.check(sku, "sku");
    }
}

package io.whizbang.examples.inventory.level;

import io.whizbang.examples.inventory.release.StockReleased;
import io.whizbang.examples.inventory.reserve.StockReserved;
import io.whizbang.examples.inventory.restock.StockRestocked;
import io.whizbang.handler.Documents;
import io.whizbang.handler.On;
import io.whizbang.handler.Perspective;

/**
 * Keeps an {@link InventoryLevel} per SKU, under the SKU.
 */
public final class InventoryLevelPerspective implements Perspective<InventoryLevel> {
    /** Arrived units add to what is on hand. */
    @On
    public void on(StockRestocked event, Documents<InventoryLevel> documents) {
        documents.upsert(event.sku(), () -> InventoryLevel.empty(event.sku()),
                level -> level.restocked(event.quantity()));
    }

    /** Held units add to what is reserved. */
    @On
    public void on(StockReserved event, Documents<InventoryLevel> documents) {
        documents.upsert(event.sku(), () -> InventoryLevel.empty(event.sku()),
                level -> level.reservedMore(event.quantity()));
    }

    /** Given-back units no longer count as reserved. */
    @On
    public void on(StockReleased event, Documents<InventoryLevel> documents) {
        documents.update(event.sku(), level -> level.reservedMore(-event.quantity()));
    }
}

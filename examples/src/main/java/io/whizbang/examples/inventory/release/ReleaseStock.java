package io.whizbang.examples.inventory.release;

import io.whizbang.error.ValidationException;
import io.whizbang.examples.inventory.Sku;
import io.whizbang.message.Command;

import java.util.UUID;

/**
 * Asks to give back the units of a SKU an order holds; sent by the fulfilment saga when the order is cancelled.
 *
 * @param orderId the order
 * @param sku     the stock-keeping unit
 */
public record ReleaseStock(UUID orderId, String sku) implements Command {
    public ReleaseStock {
        ValidationException.require(orderId != null, "orderId", "is required");
        Sku.check(sku, "sku");
    }
}

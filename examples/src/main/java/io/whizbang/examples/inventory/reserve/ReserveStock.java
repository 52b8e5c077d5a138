package io.whizbang.examples.inventory.reserve;

import io.whizbang.error.ValidationException;
import io.whizbang.examples.inventory.Sku;
import io.whizbang.examples.inventory.Stock;
import io.whizbang.message.Command;

import java.util.UUID;

/**
 * Asks to hold units of a SKU for an order; sent by the fulfilment saga.
 *
 * @param orderId  the order the units are for
 * @param sku      the stock-keeping unit
 * @param quantity how many, 1 to 1,000,000
 */
public record ReserveStock(UUID orderId, String sku, int quantity) implements Command {
    public ReserveStock {
        ValidationException.require(orderId != null, "orderId", "is required");
        Sku.check(sku, "sku");
        ValidationException.require(quantity >= 1 && quantity <= Stock.MAX_QUANTITY, "quantity",
                "must be 1-" + Stock.MAX_QUANTITY + ", was " + quantity);
    }
}

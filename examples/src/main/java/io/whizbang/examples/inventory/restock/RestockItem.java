package io.whizbang.examples.inventory.restock;

import io.whizbang.error.ValidationException;
import io.whizbang.examples.inventory.Sku;
import io.whizbang.examples.inventory.Stock;
import io.whizbang.message.Command;

/**
 * Asks to add units of a SKU to the warehouse.
 *
 * @param sku      the stock-keeping unit
 * @param quantity how many arrived, 1 to 1,000,000
 */
public record RestockItem(String sku, int quantity) implements Command {
    public RestockItem {
        Sku.check(sku, "sku");
        ValidationException.require(quantity >= 1 && quantity <= Stock.MAX_QUANTITY, "quantity",
                "must be 1-" + Stock.MAX_QUANTITY + ", was " + quantity);
    }
}

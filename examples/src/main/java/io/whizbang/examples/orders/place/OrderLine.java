package io.whizbang.examples.orders.place;

import io.whizbang.error.ValidationException;
import io.whizbang.examples.inventory.Sku;
import io.whizbang.examples.orders.Money;

import java.math.BigDecimal;

/**
 * One line of an order: a SKU, how many, and the price of one.
 *
 * @param sku       the stock-keeping unit, 1 to 64 characters
 * @param quantity  how many, 1 to {@value #MAX_QUANTITY}
 * @param unitPrice the price of one, at least zero with at most two decimals
 */
public record OrderLine(String sku, int quantity, BigDecimal unitPrice) {
    /** The most units one line may order. */
    public static final int MAX_QUANTITY = 10_000;

    public OrderLine {
        Sku.check(sku, "sku");
        ValidationException.require(quantity >= 1 && quantity <= MAX_QUANTITY, "quantity",
                "must be 1-" + MAX_QUANTITY + ", was " + quantity);
        unitPrice = Money.price(unitPrice, "unitPrice");
    }

    /** The price of the whole line. */
    public BigDecimal lineTotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}

package io.sample.orders;

import java.math.BigDecimal;

public record OrderLine(String sku, int quantity, BigDecimal price) {
    public OrderLine {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1, was " + quantity);
        }
    }
}

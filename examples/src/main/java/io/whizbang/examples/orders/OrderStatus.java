package io.whizbang.examples.orders;

import java.util.Locale;

/**
 * Where an order stands: placed, then confirmed once its stock is reserved, then shipped; or cancelled.
 */
public enum OrderStatus {
    /** Placed; its stock is being reserved. */
    PLACED,
    /** Its stock is reserved; it may be shipped. */
    CONFIRMED,
    /** Cancelled by a customer or because its stock could not be reserved. */
    CANCELLED,
    /** Shipped; it can no longer be cancelled. */
    SHIPPED;

    /** The status in lower case, as messages show it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

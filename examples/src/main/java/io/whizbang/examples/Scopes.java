package io.whizbang.examples;

/**
 * The scopes the sample application's handlers require.
 */
public final class Scopes {
    /** Placing, confirming, cancelling and shipping orders. */
    public static final String ORDERS_WRITE = "orders:write";
    /** Reading orders and sales. */
    public static final String ORDERS_READ = "orders:read";
    /** Restocking, reserving and releasing stock. */
    public static final String INVENTORY_WRITE = "inventory:write";
    /** Reading inventory levels. */
    public static final String INVENTORY_READ = "inventory:read";

    private Scopes() {
    }
}

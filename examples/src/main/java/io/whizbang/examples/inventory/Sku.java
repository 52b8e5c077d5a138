package io.whizbang.examples.inventory;

import io.whizbang.error.ValidationException;

/**
 * The rule of stock-keeping unit codes, shared by order lines and inventory commands: 1 to 64 characters, not
 * blank.
 */
public final class Sku {
    /** The longest SKU. */
    public static final int MAX_LENGTH = 64;

    private Sku() {
    }

    /** Fails with {@code INVALID_ARGUMENT} naming the field unless the SKU keeps the rule. */
    public static void check(String sku, String field) {
        ValidationException.require(sku != null, field, "is required");
        ValidationException.require(!sku.isBlank(), field, "must not be blank");
        ValidationException.require(sku.length() <= MAX_LENGTH, field,
                "must be at most " + MAX_LENGTH + " characters, was " + sku.length());
    }
}

package io.whizbang.examples.orders;

import io.whizbang.error.ValidationException;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The rules of amounts of money: never negative, in cents, always written with two decimals.
 *
 * <p>Two decimals everywhere make {@code 10}, {@code 10.0} and {@code 10.00} one value, so records holding
 * amounts stay equal after a trip through JSON.
 */
public final class Money {
    /** The number of decimals of every amount. */
    public static final int SCALE = 2;

    private Money() {
    }

    /** A price given as input: at least zero, at most two decimals; fails naming the field. */
    public static BigDecimal price(BigDecimal amount, String field) {
        ValidationException.require(amount != null, field, "is required");
        ValidationException.require(amount.signum() >= 0, field, "must not be negative, was " + amount);
        ValidationException.require(amount.stripTrailingZeros().scale() <= SCALE, field,
                "must have at most " + SCALE + " decimals, was " + amount);
        return amount.setScale(SCALE);
    }

    /** An amount that is already known to be in cents, written with two decimals. */
    public static BigDecimal normalized(BigDecimal amount, String field) {
        Objects.requireNonNull(amount, field);
        return amount.scale() >= SCALE ? amount : amount.setScale(SCALE);
    }
}

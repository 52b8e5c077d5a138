package io.whizbang.examples.orders;

import io.whizbang.error.ErrorCode;
import io.whizbang.handler.Decision;

import java.util.UUID;

/**
 * The rejections the order receptors share, worded the same way everywhere.
 */
public final class OrderRejections {
    private OrderRejections() {
    }

    /** {@code NOT_FOUND}: no order has the id. */
    public static Decision unknown(UUID orderId) {
        return Decision.reject(ErrorCode.NOT_FOUND, "order " + orderId + " does not exist");
    }

    /** {@code CONFLICT}: the order's status forbids the change, such as "cancelled" for a shipped order. */
    public static Decision cannotBe(Order order, String change) {
        return Decision.reject(ErrorCode.CONFLICT, "order " + order.orderId() + " is " + order.status().label()
                + " and cannot be " + change);
    }
}

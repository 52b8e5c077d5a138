package io.whizbang.examples.orders.customer;

import io.whizbang.examples.orders.Money;
import io.whizbang.examples.orders.OrderStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One order in a customer's list of orders.
 *
 * @param orderId        the order's id
 * @param customerId     the customer who placed it
 * @param status         where it stands
 * @param total          the sum of its lines
 * @param placedAt       when it was placed
 * @param placedAtMillis the same instant in epoch milliseconds, the field the list is sorted by
 */
public record CustomerOrder(UUID orderId, UUID customerId, OrderStatus status, BigDecimal total, Instant placedAt,
                            long placedAtMillis) {
    public CustomerOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(status, "status");
        total = Money.normalized(total, "total");
        Objects.requireNonNull(placedAt, "placedAt");
    }

    /** The same order in another status. */
    public CustomerOrder withStatus(OrderStatus next) {
        return new CustomerOrder(orderId, customerId, next, total, placedAt, placedAtMillis);
    }
}

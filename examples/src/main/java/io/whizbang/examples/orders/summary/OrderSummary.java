package io.whizbang.examples.orders.summary;

import io.whizbang.examples.orders.Money;
import io.whizbang.examples.orders.OrderStatus;
import io.whizbang.examples.orders.place.OrderLine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The read model of one order: what a customer sees on the order's page.
 *
 * @param orderId      the order's id
 * @param customerId   the customer who placed it
 * @param status       where it stands
 * @param lines        what was ordered
 * @param total        the sum of the lines
 * @param placedAt     when it was placed
 * @param version      the version of the order's stream this model reflects, for ETags and optimistic UIs
 * @param cancelReason why it was cancelled, when it was
 */
public record OrderSummary(UUID orderId, UUID customerId, OrderStatus status, List<OrderLine> lines,
                           BigDecimal total, Instant placedAt, long version, Optional<String> cancelReason) {
    public OrderSummary {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(status, "status");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        total = Money.normalized(total, "total");
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(cancelReason, "cancelReason");
    }

    /** The same order in another status, at a later stream version. */
    public OrderSummary withStatus(OrderStatus next, long atVersion) {
        return new OrderSummary(orderId, customerId, next, lines, total, placedAt, atVersion, cancelReason);
    }

    /** The same order cancelled for the reason, at a later stream version. */
    public OrderSummary cancelled(String reason, long atVersion) {
        return new OrderSummary(orderId, customerId, OrderStatus.CANCELLED, lines, total, placedAt, atVersion,
                Optional.of(reason));
    }
}

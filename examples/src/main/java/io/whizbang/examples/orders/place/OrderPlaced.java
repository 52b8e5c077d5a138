package io.whizbang.examples.orders.place;

import io.whizbang.examples.orders.Money;
import io.whizbang.message.Event;
import io.whizbang.message.SchemaVersion;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An order was placed; its stock is not reserved yet.
 *
 * @param orderId    the new order's id
 * @param customerId the customer who placed it
 * @param lines      what was ordered
 * @param total      the sum of the lines
 * @param placedAt   when it was placed
 */
@SchemaVersion(1)
public record OrderPlaced(UUID orderId, UUID customerId, List<OrderLine> lines, BigDecimal total, Instant placedAt)
        implements Event {
    public OrderPlaced {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        total = Money.normalized(total, "total");
        Objects.requireNonNull(placedAt, "placedAt");
    }
}

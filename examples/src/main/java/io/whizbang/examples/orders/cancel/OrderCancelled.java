package io.whizbang.examples.orders.cancel;

import io.whizbang.examples.orders.Money;
import io.whizbang.message.Event;
import io.whizbang.message.SchemaVersion;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An order was cancelled; it carries the order's total and placing time so that sales can be taken back from the
 * day the order was placed.
 *
 * @param orderId  the order
 * @param reason   why it was cancelled
 * @param total    the order's total
 * @param placedAt when the order was placed
 */
@SchemaVersion(1)
public record OrderCancelled(UUID orderId, String reason, BigDecimal total, Instant placedAt) implements Event {
    public OrderCancelled {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(reason, "reason");
        total = Money.normalized(total, "total");
        Objects.requireNonNull(placedAt, "placedAt");
    }
}

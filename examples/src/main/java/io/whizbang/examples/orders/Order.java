package io.whizbang.examples.orders;

import io.whizbang.examples.orders.place.OrderLine;
import io.whizbang.handler.Snapshotted;
import io.whizbang.ledger.StreamId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The state of one order as its receptors decide on it, folded from the events of its stream; snapshotted every
 * 100 events so a long-lived order loads quickly.
 *
 * @param orderId    the order's id, the message id of the command that placed it
 * @param customerId the customer who placed it
 * @param status     where it stands
 * @param lines      what was ordered
 * @param total      the sum of its lines
 * @param placedAt   when it was placed
 */
@Snapshotted(every = 100)
public record Order(UUID orderId, UUID customerId, OrderStatus status, List<OrderLine> lines, BigDecimal total,
                    Instant placedAt) {
    /** The category of order streams: {@code Order-<orderId>}. */
    public static final String STREAM_CATEGORY = "Order";

    public Order {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(status, "status");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(placedAt, "placedAt");
    }

    /** The stream of the order with the id. */
    public static StreamId streamOf(UUID orderId) {
        return StreamId.of(STREAM_CATEGORY, orderId);
    }

    /** The same order in another status. */
    public Order withStatus(OrderStatus next) {
        return new Order(orderId, customerId, next, lines, total, placedAt);
    }
}

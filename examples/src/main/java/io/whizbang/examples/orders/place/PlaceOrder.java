package io.whizbang.examples.orders.place;

import io.whizbang.error.ValidationException;
import io.whizbang.examples.orders.Money;
import io.whizbang.message.Command;
import io.whizbang.policy.Timeout;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Asks to place an order for a customer; the order's id is this command's message id.
 *
 * @param customerId the customer placing the order
 * @param lines      what is ordered, 1 to {@value #MAX_LINES} lines
 */
@Timeout(millis = 10_000)
public record PlaceOrder(UUID customerId, List<OrderLine> lines) implements Command {
    /** The most lines one order may have. */
    public static final int MAX_LINES = 100;

    public PlaceOrder {
        ValidationException.require(customerId != null, "customerId", "is required");
        ValidationException.require(lines != null, "lines", "is required");
        ValidationException.require(!lines.isEmpty() && lines.size() <= MAX_LINES, "lines",
                "must hold 1-" + MAX_LINES + " lines, held " + lines.size());
        for (int i = 0; i < lines.size(); i++) {
            ValidationException.require(lines.get(i) != null, "lines[" + i + "]", "must not be null");
        }
        lines = List.copyOf(lines);
    }

    /** The sum of the lines. */
    public BigDecimal total() {
        BigDecimal total = BigDecimal.ZERO;
        for (OrderLine line : lines) {
            total = total.add(line.lineTotal());
        }
        return Money.normalized(total, "total");
    }
}

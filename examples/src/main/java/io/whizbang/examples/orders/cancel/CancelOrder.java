package io.whizbang.examples.orders.cancel;

import io.whizbang.error.ValidationException;
import io.whizbang.message.Command;

import java.util.UUID;

/**
 * Asks to cancel an order that has not been shipped, saying why.
 *
 * @param orderId the order
 * @param reason  why, 1 to {@value #MAX_REASON_LENGTH} characters
 */
public record CancelOrder(UUID orderId, String reason) implements Command {
    /** The longest reason. */
    public static final int MAX_REASON_LENGTH = 500;

    public CancelOrder {
        ValidationException.require(orderId != null, "orderId", "is required");
        ValidationException.require(reason != null, "reason", "is required");
        ValidationException.require(!reason.isBlank() && reason.length() <= MAX_REASON_LENGTH, "reason",
                "must be 1-" + MAX_REASON_LENGTH + " characters and not blank, was " + reason.length());
    }
}

package io.sample.orders;

import io.whizbang.error.ValidationException;
import io.whizbang.message.Command;
import io.whizbang.policy.Retry;
import io.whizbang.policy.Timeout;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Retry(maxAttempts = 3)
@Timeout(millis = 5000)
public record PlaceOrder(UUID orderId, String customer, List<OrderLine> lines, Optional<String> note)
        implements Command {
    public PlaceOrder {
        ValidationException.require(!lines.isEmpty(), "lines", "an order needs at least one line");
    }
}

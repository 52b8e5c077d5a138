package io.sample.orders;

import io.whizbang.message.Command;
import io.whizbang.policy.RateLimit;

import java.util.UUID;

@RateLimit(permits = 10)
public record ConfirmOrder(UUID orderId) implements Command {
}

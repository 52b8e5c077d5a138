package io.sample.orders;

import io.whizbang.message.Query;
import io.whizbang.policy.Timeout;

import java.util.UUID;

@Timeout(millis = 200)
public record GetOrder(UUID orderId) implements Query<OrderSummary> {
}

package io.sample.orders;

import java.util.UUID;

public record OrderSummary(UUID orderId, String customer, int lineCount, OrderStatus status, long version) {
}

package io.sample.orders;

import io.whizbang.message.Event;
import io.whizbang.message.SchemaVersion;

import java.util.UUID;

@SchemaVersion(1)
public record OrderConfirmed(UUID orderId, OrderStatus status) implements Event {
}

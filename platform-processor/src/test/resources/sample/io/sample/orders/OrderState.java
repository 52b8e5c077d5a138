package io.sample.orders;

import io.whizbang.handler.Snapshotted;

@Snapshotted(every = 50, schemaVersion = 2)
public record OrderState(OrderStatus status, int lineCount) {
}

package io.sample.orders;

public record FulfillmentState(boolean placed, boolean reserved) {
}

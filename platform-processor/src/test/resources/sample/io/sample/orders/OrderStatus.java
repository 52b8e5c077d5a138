package io.sample.orders;

public enum OrderStatus {
    PENDING, CONFIRMED, SHIPPED
}

package io.whizbang.examples.orders.customer;

import io.whizbang.examples.orders.OrderStatus;
import io.whizbang.examples.orders.cancel.OrderCancelled;
import io.whizbang.examples.orders.confirm.OrderConfirmed;
import io.whizbang.examples.orders.place.OrderPlaced;
import io.whizbang.examples.orders.ship.OrderShipped;
import io.whizbang.handler.Documents;
import io.whizbang.handler.On;
import io.whizbang.handler.Perspective;

/**
 * Keeps a {@link CustomerOrder} per order, under the order id, for listing a customer's orders.
 */
public final class CustomerOrdersPerspective implements Perspective<CustomerOrder> {
    /** A placed order joins its customer's list. */
    @On
    public void on(OrderPlaced event, Documents<CustomerOrder> documents) {
        documents.put(event.orderId().toString(), new CustomerOrder(event.orderId(), event.customerId(),
                OrderStatus.PLACED, event.total(), event.placedAt(), event.placedAt().toEpochMilli()));
    }

    /** A confirmation shows in the status. */
    @On
    public void on(OrderConfirmed event, Documents<CustomerOrder> documents) {
        documents.update(event.orderId().toString(), order -> order.withStatus(OrderStatus.CONFIRMED));
    }

    /** A cancelled order stays listed, as cancelled. */
    @On
    public void on(OrderCancelled event, Documents<CustomerOrder> documents) {
        documents.update(event.orderId().toString(), order -> order.withStatus(OrderStatus.CANCELLED));
    }

    /** A shipment shows in the status. */
    @On
    public void on(OrderShipped event, Documents<CustomerOrder> documents) {
        documents.update(event.orderId().toString(), order -> order.withStatus(OrderStatus.SHIPPED));
    }
}

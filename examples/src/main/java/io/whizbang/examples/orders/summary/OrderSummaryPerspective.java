package io.whizbang.examples.orders.summary;

import io.whizbang.examples.orders.OrderStatus;
import io.whizbang.examples.orders.cancel.OrderCancelled;
import io.whizbang.examples.orders.confirm.OrderConfirmed;
import io.whizbang.examples.orders.place.OrderPlaced;
import io.whizbang.examples.orders.ship.OrderShipped;
import io.whizbang.handler.Documents;
import io.whizbang.handler.EventContext;
import io.whizbang.handler.On;
import io.whizbang.handler.Perspective;

import java.util.Optional;

/**
 * Keeps an {@link OrderSummary} per order, under the order id.
 */
public final class OrderSummaryPerspective implements Perspective<OrderSummary> {
    /** A placed order starts its summary at the stream version of its placement. */
    @On
    public void on(OrderPlaced event, Documents<OrderSummary> documents, EventContext context) {
        documents.put(event.orderId().toString(), new OrderSummary(event.orderId(), event.customerId(),
                OrderStatus.PLACED, event.lines(), event.total(), event.placedAt(), context.version(),
                Optional.empty()));
    }

    /** A confirmation shows in the status. */
    @On
    public void on(OrderConfirmed event, Documents<OrderSummary> documents, EventContext context) {
        documents.update(event.orderId().toString(),
                order -> order.withStatus(OrderStatus.CONFIRMED, context.version()));
    }

    /** A cancellation shows in the status, with its reason. */
    @On
    public void on(OrderCancelled event, Documents<OrderSummary> documents, EventContext context) {
        documents.update(event.orderId().toString(), order -> order.cancelled(event.reason(), context.version()));
    }

    /** A shipment shows in the status. */
    @On
    public void on(OrderShipped event, Documents<OrderSummary> documents, EventContext context) {
        documents.update(event.orderId().toString(),
                order -> order.withStatus(OrderStatus.SHIPPED, context.version()));
    }
}

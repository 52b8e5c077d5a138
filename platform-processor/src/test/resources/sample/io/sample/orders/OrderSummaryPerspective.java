package io.sample.orders;

import io.whizbang.handler.Documents;
import io.whizbang.handler.EventContext;
import io.whizbang.handler.On;
import io.whizbang.handler.Perspective;

public class OrderSummaryPerspective implements Perspective<OrderSummary> {
    @On
    public void on(OrderPlaced event, Documents<OrderSummary> documents) {
        documents.put(event.orderId().toString(), new OrderSummary(event.orderId(), event.customer(),
                event.lines().size(), OrderStatus.PENDING, 0));
    }

    @On
    public void confirmed(OrderConfirmed event, Documents<OrderSummary> documents, EventContext context) {
        documents.update(event.orderId().toString(), summary -> new OrderSummary(summary.orderId(),
                summary.customer(), summary.lineCount(), event.status(), context.version()));
    }
}

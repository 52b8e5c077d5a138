package io.whizbang.examples.orders.confirm;

import io.whizbang.examples.Scopes;
import io.whizbang.examples.orders.Order;
import io.whizbang.examples.orders.OrderAggregate;
import io.whizbang.examples.orders.OrderRejections;
import io.whizbang.handler.Aggregate;
import io.whizbang.handler.CommandContext;
import io.whizbang.handler.Decision;
import io.whizbang.handler.Emits;
import io.whizbang.handler.Receptor;
import io.whizbang.handler.RequiresScope;
import io.whizbang.ledger.StreamId;

/**
 * Confirms a placed order; confirming a confirmed or shipped order again changes nothing, a cancelled one is
 * refused.
 */
@RequiresScope(Scopes.ORDERS_WRITE)
@Emits(OrderConfirmed.class)
public final class ConfirmOrderReceptor implements Receptor<ConfirmOrder, Order> {
    private final OrderAggregate aggregate = new OrderAggregate();

    @Override
    public StreamId streamOf(ConfirmOrder command, CommandContext context) {
        return Order.streamOf(command.orderId());
    }

    @Override
    public Aggregate<Order> aggregate() {
        return aggregate;
    }

    @Override
    public Decision decide(ConfirmOrder command, Order state, CommandContext context) {
        if (state == null) {
            return OrderRejections.unknown(command.orderId());
        }
        return switch (state.status()) {
            case PLACED -> Decision.accept(new OrderConfirmed(command.orderId()));
            case CONFIRMED, SHIPPED -> Decision.accept();
            case CANCELLED -> OrderRejections.cannotBe(state, "confirmed");
        };
    }
}

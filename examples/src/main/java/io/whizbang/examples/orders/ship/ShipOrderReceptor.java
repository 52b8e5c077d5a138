package io.whizbang.examples.orders.ship;

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
 * Ships a confirmed order; shipping a shipped order again changes nothing, a placed or cancelled one is refused.
 */
@RequiresScope(Scopes.ORDERS_WRITE)
@Emits(OrderShipped.class)
public final class ShipOrderReceptor implements Receptor<ShipOrder, Order> {
    private final OrderAggregate aggregate = new OrderAggregate();

    @Override
    public StreamId streamOf(ShipOrder command, CommandContext context) {
        return Order.streamOf(command.orderId());
    }

    @Override
    public Aggregate<Order> aggregate() {
        return aggregate;
    }

    @Override
    public Decision decide(ShipOrder command, Order state, CommandContext context) {
        if (state == null) {
            return OrderRejections.unknown(command.orderId());
        }
        return switch (state.status()) {
            case CONFIRMED -> Decision.accept(new OrderShipped(command.orderId()));
            case SHIPPED -> Decision.accept();
            case PLACED -> OrderRejections.cannotBe(state, "shipped before it is confirmed");
            case CANCELLED -> OrderRejections.cannotBe(state, "shipped");
        };
    }
}

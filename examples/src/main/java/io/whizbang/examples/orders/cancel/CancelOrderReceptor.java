package io.whizbang.examples.orders.cancel;

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
 * Cancels an order that is placed or confirmed; cancelling a cancelled order again changes nothing, a shipped one
 * is refused.
 */
@RequiresScope(Scopes.ORDERS_WRITE)
@Emits(OrderCancelled.class)
public final class CancelOrderReceptor implements Receptor<CancelOrder, Order> {
    private final OrderAggregate aggregate = new OrderAggregate();

    @Override
    public StreamId streamOf(CancelOrder command, CommandContext context) {
        return Order.streamOf(command.orderId());
    }

    @Override
    public Aggregate<Order> aggregate() {
        return aggregate;
    }

    @Override
    public Decision decide(CancelOrder command, Order state, CommandContext context) {
        if (state == null) {
            return OrderRejections.unknown(command.orderId());
        }
        return switch (state.status()) {
            case PLACED, CONFIRMED -> Decision.accept(new OrderCancelled(command.orderId(), command.reason(),
                    state.total(), state.placedAt()));
            case CANCELLED -> Decision.accept();
            case SHIPPED -> OrderRejections.cannotBe(state, "cancelled");
        };
    }
}

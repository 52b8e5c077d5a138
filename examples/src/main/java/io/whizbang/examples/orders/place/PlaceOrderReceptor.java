package io.whizbang.examples.orders.place;

import io.whizbang.error.ErrorCode;
import io.whizbang.examples.Scopes;
import io.whizbang.examples.orders.Order;
import io.whizbang.examples.orders.OrderAggregate;
import io.whizbang.handler.Aggregate;
import io.whizbang.handler.CommandContext;
import io.whizbang.handler.Decision;
import io.whizbang.handler.Emits;
import io.whizbang.handler.Receptor;
import io.whizbang.handler.RequiresScope;
import io.whizbang.ledger.StreamId;

/**
 * Places an order in a new stream named by the command's message id, so that a retried command cannot place the
 * order twice.
 */
@RequiresScope(Scopes.ORDERS_WRITE)
@Emits(OrderPlaced.class)
public final class PlaceOrderReceptor implements Receptor<PlaceOrder, Order> {
    private final OrderAggregate aggregate = new OrderAggregate();

    @Override
    public StreamId streamOf(PlaceOrder command, CommandContext context) {
        return Order.streamOf(context.messageId());
    }

    @Override
    public Aggregate<Order> aggregate() {
        return aggregate;
    }

    @Override
    public Decision decide(PlaceOrder command, Order state, CommandContext context) {
        if (state != null) {
            return Decision.reject(ErrorCode.CONFLICT, "order " + state.orderId() + " was already placed");
        }
        return Decision.accept(new OrderPlaced(context.messageId(), command.customerId(), command.lines(),
                command.total(), context.now()));
    }
}

package io.whizbang.examples.orders;

import io.whizbang.examples.orders.cancel.OrderCancelled;
import io.whizbang.examples.orders.confirm.OrderConfirmed;
import io.whizbang.examples.orders.place.OrderPlaced;
import io.whizbang.examples.orders.ship.OrderShipped;
import io.whizbang.handler.Aggregate;
import io.whizbang.message.Event;

/**
 * How an order's events fold into its {@link Order}; {@code null} stands for an order that was never placed.
 */
public final class OrderAggregate implements Aggregate<Order> {
    @Override
    public Order initial() {
        return null;
    }

    @Override
    public Order evolve(Order state, Event event) {
        if (event instanceof OrderPlaced placed) {
            return new Order(placed.orderId(), placed.customerId(), OrderStatus.PLACED, placed.lines(),
                    placed.total(), placed.placedAt());
        }
        if (state == null) {
            return null;
        }
        if (event instanceof OrderConfirmed) {
            return state.withStatus(OrderStatus.CONFIRMED);
        }
        if (event instanceof OrderCancelled) {
            return state.withStatus(OrderStatus.CANCELLED);
        }
        if (event instanceof OrderShipped) {
            return state.withStatus(OrderStatus.SHIPPED);
        }
        return state;
    }
}

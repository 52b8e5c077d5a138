package io.sample.orders;

import io.whizbang.handler.Aggregate;
import io.whizbang.handler.CommandContext;
import io.whizbang.handler.Decision;
import io.whizbang.handler.Emits;
import io.whizbang.handler.PublicAccess;
import io.whizbang.handler.Receptor;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.Event;
import io.whizbang.policy.CircuitBreaking;

@PublicAccess
@Emits({OrderConfirmed.class})
@CircuitBreaking(maxFailures = 2)
public class ConfirmOrderReceptor implements Receptor<ConfirmOrder, OrderState> {
    @Override
    public StreamId streamOf(ConfirmOrder command, CommandContext context) {
        return StreamId.of("Order", command.orderId());
    }

    @Override
    public Aggregate<OrderState> aggregate() {
        return new Aggregate<>() {
            @Override
            public OrderState initial() {
                return new OrderState(OrderStatus.PENDING, 0);
            }

            @Override
            public OrderState evolve(OrderState state, Event event) {
                if (event instanceof OrderPlaced placed) {
                    return new OrderState(OrderStatus.PENDING, placed.lines().size());
                }
                if (event instanceof OrderConfirmed confirmed) {
                    return new OrderState(confirmed.status(), state.lineCount());
                }
                return state;
            }
        };
    }

    @Override
    public Decision decide(ConfirmOrder command, OrderState state, CommandContext context) {
        if (state.lineCount() == 0) {
            return Decision.reject("order " + command.orderId() + " has no lines to confirm");
        }
        return Decision.accept(new OrderConfirmed(command.orderId(), OrderStatus.CONFIRMED));
    }
}

package io.sample.orders;

import io.whizbang.handler.Aggregate;
import io.whizbang.handler.CommandContext;
import io.whizbang.handler.Decision;
import io.whizbang.handler.Emits;
import io.whizbang.handler.PublicAccess;
import io.whizbang.handler.Receptor;
import io.whizbang.ledger.StreamId;
import io.whizbang.policy.CircuitBreaking;

@PublicAccess
@Emits({OrderConfirmed.class})
@CircuitBreaking(maxFailures = 2)
public class ConfirmOrderReceptor implements Receptor<ConfirmOrder, Void> {
    @Override
    public StreamId streamOf(ConfirmOrder command, CommandContext context) {
        return StreamId.of("Order", command.orderId());
    }

    @Override
    public Aggregate<Void> aggregate() {
        return Aggregate.stateless();
    }

    @Override
    public Decision decide(ConfirmOrder command, Void state, CommandContext context) {
        return Decision.accept(new OrderConfirmed(command.orderId(), OrderStatus.CONFIRMED));
    }
}

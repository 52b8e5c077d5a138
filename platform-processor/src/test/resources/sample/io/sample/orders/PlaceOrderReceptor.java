package io.sample.orders;

import io.whizbang.handler.Aggregate;
import io.whizbang.handler.CommandContext;
import io.whizbang.handler.Decision;
import io.whizbang.handler.Emits;
import io.whizbang.handler.Receptor;
import io.whizbang.handler.RequiresScope;
import io.whizbang.ledger.StreamId;
import io.whizbang.policy.Retry;

import java.util.Map;

@RequiresScope("orders:write")
@Emits(OrderPlaced.class)
@Retry(maxAttempts = 5, initialBackoffMillis = 10, multiplier = 1.5, maxBackoffMillis = 100)
public class PlaceOrderReceptor implements Receptor<PlaceOrder, Void> {
    @Override
    public StreamId streamOf(PlaceOrder command, CommandContext context) {
        return StreamId.of("Order", command.orderId());
    }

    @Override
    public Aggregate<Void> aggregate() {
        return Aggregate.stateless();
    }

    @Override
    public Decision decide(PlaceOrder command, Void state, CommandContext context) {
        return Decision.accept(new OrderPlaced(command.orderId(), command.customer(), command.lines(), context.now(),
                command.note(), Map.of()));
    }
}

package io.sample.orders;

import io.whizbang.handler.CorrelateBy;
import io.whizbang.handler.On;
import io.whizbang.handler.Saga;
import io.whizbang.handler.SagaContext;
import io.whizbang.handler.Sends;

@CorrelateBy("orderId")
@Sends({ConfirmOrder.class})
public class OrderFulfillmentSaga implements Saga<FulfillmentState> {
    @Override
    public FulfillmentState initial() {
        return new FulfillmentState(false, false);
    }

    @On
    public FulfillmentState on(OrderPlaced event, FulfillmentState state, SagaContext context) {
        return new FulfillmentState(true, state.reserved());
    }

    @On
    public FulfillmentState on(StockReserved event, FulfillmentState state, SagaContext context) {
        context.send(new ConfirmOrder(event.orderId()));
        return new FulfillmentState(state.placed(), true);
    }
}

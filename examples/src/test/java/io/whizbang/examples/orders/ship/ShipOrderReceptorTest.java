package io.whizbang.examples.orders.ship;

import io.whizbang.error.ErrorCode;
import io.whizbang.testing.ReceptorFixture;
import org.junit.jupiter.api.Test;

import static io.whizbang.examples.orders.SampleOrder.ORDER_ID;
import static io.whizbang.examples.orders.SampleOrder.cancelled;
import static io.whizbang.examples.orders.SampleOrder.confirmed;
import static io.whizbang.examples.orders.SampleOrder.placed;
import static io.whizbang.examples.orders.SampleOrder.shipped;

class ShipOrderReceptorTest {
    private final ReceptorFixture<ShipOrder, ?> fixture = ReceptorFixture.of(new ShipOrderReceptor());

    @Test
    void shippingAConfirmedOrderEmitsOrderShipped() {
        fixture.given(placed(), confirmed()).when(new ShipOrder(ORDER_ID)).thenEvents(new OrderShipped(ORDER_ID));
    }

    @Test
    void shippingAShippedOrderAgainChangesNothing() {
        fixture.given(placed(), confirmed(), shipped()).when(new ShipOrder(ORDER_ID)).thenNothing();
    }

    @Test
    void shippingAnOrderThatIsNotConfirmedIsAConflict() {
        fixture.given(placed()).when(new ShipOrder(ORDER_ID))
                .thenRejected(ErrorCode.CONFLICT, "order " + ORDER_ID + " is placed and cannot be shipped");
    }

    @Test
    void shippingACancelledOrderIsAConflict() {
        fixture.given(placed(), confirmed(), cancelled("no longer needed")).when(new ShipOrder(ORDER_ID))
                .thenRejected(ErrorCode.CONFLICT, "order " + ORDER_ID + " is cancelled and cannot be shipped");
    }

    @Test
    void shippingAnUnknownOrderIsNotFound() {
        fixture.when(new ShipOrder(ORDER_ID))
                .thenRejected(ErrorCode.NOT_FOUND, "order " + ORDER_ID + " does not exist");
    }
}

package io.whizbang.examples.orders.confirm;

import io.whizbang.error.ErrorCode;
import io.whizbang.testing.ReceptorFixture;
import org.junit.jupiter.api.Test;

import static io.whizbang.examples.Validation.assertRejected;
import static io.whizbang.examples.orders.SampleOrder.ORDER_ID;
import static io.whizbang.examples.orders.SampleOrder.cancelled;
import static io.whizbang.examples.orders.SampleOrder.confirmed;
import static io.whizbang.examples.orders.SampleOrder.placed;
import static io.whizbang.examples.orders.SampleOrder.shipped;

class ConfirmOrderReceptorTest {
    private final ReceptorFixture<ConfirmOrder, ?> fixture = ReceptorFixture.of(new ConfirmOrderReceptor());

    @Test
    void confirmingAPlacedOrderEmitsOrderConfirmed() {
        fixture.given(placed()).when(new ConfirmOrder(ORDER_ID)).thenEvents(new OrderConfirmed(ORDER_ID));
    }

    @Test
    void confirmingAConfirmedOrderAgainChangesNothing() {
        fixture.given(placed(), confirmed()).when(new ConfirmOrder(ORDER_ID)).thenNothing();
    }

    @Test
    void confirmingAShippedOrderChangesNothing() {
        fixture.given(placed(), confirmed(), shipped()).when(new ConfirmOrder(ORDER_ID)).thenNothing();
    }

    @Test
    void confirmingACancelledOrderIsAConflict() {
        fixture.given(placed(), cancelled("changed my mind")).when(new ConfirmOrder(ORDER_ID))
                .thenRejected(ErrorCode.CONFLICT, "order " + ORDER_ID + " is cancelled and cannot be confirmed");
    }

    @Test
    void confirmingAnUnknownOrderIsNotFound() {
        fixture.when(new ConfirmOrder(ORDER_ID))
                .thenRejected(ErrorCode.NOT_FOUND, "order " + ORDER_ID + " does not exist");
    }

    @Test
    void aConfirmationNeedsAnOrderId() {
        assertRejected(() -> new ConfirmOrder(null), "orderId");
    }
}

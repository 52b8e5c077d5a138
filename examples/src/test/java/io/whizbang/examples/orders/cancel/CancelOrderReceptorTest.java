package io.whizbang.examples.orders.cancel;

import io.whizbang.error.ErrorCode;
import io.whizbang.testing.ReceptorFixture;
import org.junit.jupiter.api.Test;

import static io.whizbang.examples.Validation.assertRejected;
import static io.whizbang.examples.orders.SampleOrder.ORDER_ID;
import static io.whizbang.examples.orders.SampleOrder.PLACED_AT;
import static io.whizbang.examples.orders.SampleOrder.TOTAL;
import static io.whizbang.examples.orders.SampleOrder.cancelled;
import static io.whizbang.examples.orders.SampleOrder.confirmed;
import static io.whizbang.examples.orders.SampleOrder.placed;
import static io.whizbang.examples.orders.SampleOrder.shipped;

class CancelOrderReceptorTest {
    private final ReceptorFixture<CancelOrder, ?> fixture = ReceptorFixture.of(new CancelOrderReceptor());

    @Test
    void cancellingAPlacedOrderCarriesItsTotalAndPlacingTime() {
        fixture.given(placed()).when(new CancelOrder(ORDER_ID, "changed my mind"))
                .thenEvents(new OrderCancelled(ORDER_ID, "changed my mind", TOTAL, PLACED_AT));
    }

    @Test
    void cancellingAConfirmedOrderEmitsOrderCancelled() {
        fixture.given(placed(), confirmed()).when(new CancelOrder(ORDER_ID, "too slow"))
                .thenEvents(new OrderCancelled(ORDER_ID, "too slow", TOTAL, PLACED_AT));
    }

    @Test
    void cancellingACancelledOrderAgainChangesNothing() {
        fixture.given(placed(), cancelled("first")).when(new CancelOrder(ORDER_ID, "second")).thenNothing();
    }

    @Test
    void cancellingAShippedOrderIsAConflictNamingTheOrderAndItsState() {
        fixture.given(placed(), confirmed(), shipped()).when(new CancelOrder(ORDER_ID, "too late"))
                .thenRejected(ErrorCode.CONFLICT, "order " + ORDER_ID + " is shipped and cannot be cancelled");
    }

    @Test
    void cancellingAnUnknownOrderIsNotFound() {
        fixture.when(new CancelOrder(ORDER_ID, "why not"))
                .thenRejected(ErrorCode.NOT_FOUND, "order " + ORDER_ID + " does not exist");
    }

    @Test
    void aReasonIsOneToFiveHundredCharacters() {
        assertRejected(() -> new CancelOrder(ORDER_ID, " "), "reason");
        assertRejected(() -> new CancelOrder(ORDER_ID, "x".repeat(501)), "reason");
        assertRejected(() -> new CancelOrder(ORDER_ID, null), "reason");
        new CancelOrder(ORDER_ID, "x".repeat(500));
    }
}

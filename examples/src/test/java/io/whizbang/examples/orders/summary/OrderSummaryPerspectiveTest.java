package io.whizbang.examples.orders.summary;

import io.whizbang.examples.SampleApplicationRegistry;
import io.whizbang.examples.orders.OrderStatus;
import io.whizbang.testing.PerspectiveFixture;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.whizbang.examples.orders.SampleOrder.CUSTOMER_ID;
import static io.whizbang.examples.orders.SampleOrder.LINES;
import static io.whizbang.examples.orders.SampleOrder.ORDER_ID;
import static io.whizbang.examples.orders.SampleOrder.PLACED_AT;
import static io.whizbang.examples.orders.SampleOrder.TOTAL;
import static io.whizbang.examples.orders.SampleOrder.cancelled;
import static io.whizbang.examples.orders.SampleOrder.confirmed;
import static io.whizbang.examples.orders.SampleOrder.placed;
import static io.whizbang.examples.orders.SampleOrder.shipped;

class OrderSummaryPerspectiveTest {
    private static final String KEY = ORDER_ID.toString();

    private final PerspectiveFixture<OrderSummary> fixture =
            PerspectiveFixture.of(SampleApplicationRegistry.create(), OrderSummary.class);

    @Test
    void aPlacedOrderIsSummarisedUnderItsId() {
        fixture.given(placed()).thenDocument(KEY, summary(OrderStatus.PLACED, 1, Optional.empty()));
    }

    @Test
    void aConfirmedOrderShowsItsStatusAndVersion() {
        fixture.given(placed(), confirmed()).thenDocument(KEY, summary(OrderStatus.CONFIRMED, 2, Optional.empty()));
    }

    @Test
    void aCancelledOrderShowsWhy() {
        fixture.given(placed(), cancelled("only 3 of SKU-1 available, 5 requested"))
                .thenDocument(KEY, summary(OrderStatus.CANCELLED, 2,
                        Optional.of("only 3 of SKU-1 available, 5 requested")));
    }

    @Test
    void aShippedOrderShowsItsStatus() {
        fixture.given(placed(), confirmed(), shipped())
                .thenDocument(KEY, summary(OrderStatus.SHIPPED, 3, Optional.empty()));
    }

    @Test
    void aChangeToAnOrderNeverPlacedWritesNothing() {
        fixture.given(confirmed()).thenNoDocument(KEY);
    }

    private static OrderSummary summary(OrderStatus status, long version, Optional<String> cancelReason) {
        return new OrderSummary(ORDER_ID, CUSTOMER_ID, status, LINES, TOTAL, PLACED_AT, version, cancelReason);
    }
}

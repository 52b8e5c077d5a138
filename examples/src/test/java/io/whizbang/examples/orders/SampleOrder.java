package io.whizbang.examples.orders;

import io.whizbang.examples.orders.cancel.OrderCancelled;
import io.whizbang.examples.orders.confirm.OrderConfirmed;
import io.whizbang.examples.orders.place.OrderLine;
import io.whizbang.examples.orders.place.OrderPlaced;
import io.whizbang.examples.orders.ship.OrderShipped;
import io.whizbang.testing.ReceptorFixture;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One order and the events of its life, for tests.
 */
public final class SampleOrder {
    public static final UUID ORDER_ID = UUID.fromString("0190a5d0-0000-7000-8000-0000000000a1");
    public static final UUID CUSTOMER_ID = UUID.fromString("0190a5d0-0000-7000-8000-00000000c001");
    public static final List<OrderLine> LINES = List.of(new OrderLine("SKU-1", 2, new BigDecimal("9.99")),
            new OrderLine("SKU-2", 1, new BigDecimal("5.00")));
    public static final BigDecimal TOTAL = new BigDecimal("24.98");
    public static final Instant PLACED_AT = ReceptorFixture.DEFAULT_NOW.minusSeconds(3600);

    private SampleOrder() {
    }

    public static OrderPlaced placed() {
        return new OrderPlaced(ORDER_ID, CUSTOMER_ID, LINES, TOTAL, PLACED_AT);
    }

    public static OrderConfirmed confirmed() {
        return new OrderConfirmed(ORDER_ID);
    }

    public static OrderCancelled cancelled(String reason) {
        return new OrderCancelled(ORDER_ID, reason, TOTAL, PLACED_AT);
    }

    public static OrderShipped shipped() {
        return new OrderShipped(ORDER_ID);
    }
}

package io.whizbang.examples.sales.daily;

import io.whizbang.examples.SampleApplicationRegistry;
import io.whizbang.examples.orders.cancel.OrderCancelled;
import io.whizbang.examples.orders.place.OrderPlaced;
import io.whizbang.testing.PerspectiveFixture;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static io.whizbang.examples.orders.SampleOrder.CUSTOMER_ID;
import static io.whizbang.examples.orders.SampleOrder.LINES;

class DailySalesPerspectiveTest {
    private static final UUID FIRST = UUID.fromString("0190a5d0-0000-7000-8000-0000000000a1");
    private static final UUID SECOND = UUID.fromString("0190a5d0-0000-7000-8000-0000000000a2");
    private static final UUID THIRD = UUID.fromString("0190a5d0-0000-7000-8000-0000000000a3");
    private static final Instant MONDAY_NOON = Instant.parse("2026-03-02T12:00:00Z");
    private static final Instant MONDAY_LATE = Instant.parse("2026-03-02T23:59:59Z");
    private static final Instant TUESDAY_EARLY = Instant.parse("2026-03-03T00:00:00Z");

    private final PerspectiveFixture<DailySales> fixture =
            PerspectiveFixture.of(SampleApplicationRegistry.create(), DailySales.class);

    @Test
    void ordersCountOnTheUtcDayTheyWerePlaced() {
        fixture.given(placed(FIRST, "10.00", MONDAY_NOON), placed(SECOND, "2.50", MONDAY_LATE),
                        placed(THIRD, "1.00", TUESDAY_EARLY))
                .thenDocument("2026-03-02", sales("2026-03-02", 2, "12.50"))
                .thenDocument("2026-03-03", sales("2026-03-03", 1, "1.00"));
    }

    @Test
    void aCancelledOrderIsTakenBackFromTheDayItWasPlaced() {
        fixture.given(placed(FIRST, "10.00", MONDAY_NOON), placed(SECOND, "2.50", MONDAY_LATE))
                .at(TUESDAY_EARLY.plusSeconds(3600))
                .given(new OrderCancelled(FIRST, "changed my mind", new BigDecimal("10.00"), MONDAY_NOON))
                .thenDocument("2026-03-02", sales("2026-03-02", 1, "2.50"))
                .thenNoDocument("2026-03-03");
    }

    @Test
    void aDayWhoseOrdersWereAllCancelledHasNoSalesLeft() {
        fixture.given(placed(FIRST, "10.00", MONDAY_NOON),
                        new OrderCancelled(FIRST, "changed my mind", new BigDecimal("10.00"), MONDAY_NOON))
                .thenDocument("2026-03-02", sales("2026-03-02", 0, "0.00"));
    }

    private static OrderPlaced placed(UUID orderId, String total, Instant at) {
        return new OrderPlaced(orderId, CUSTOMER_ID, LINES, new BigDecimal(total), at);
    }

    private static DailySales sales(String date, int orders, String revenue) {
        return new DailySales(LocalDate.parse(date), orders, new BigDecimal(revenue));
    }
}

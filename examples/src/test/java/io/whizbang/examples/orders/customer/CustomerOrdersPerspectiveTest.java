package io.whizbang.examples.orders.customer;

import io.whizbang.examples.SampleApplicationRegistry;
import io.whizbang.examples.orders.OrderStatus;
import io.whizbang.examples.orders.place.OrderPlaced;
import io.whizbang.testing.PerspectiveFixture;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static io.whizbang.examples.orders.SampleOrder.CUSTOMER_ID;
import static io.whizbang.examples.orders.SampleOrder.LINES;
import static io.whizbang.examples.orders.SampleOrder.ORDER_ID;
import static io.whizbang.examples.orders.SampleOrder.PLACED_AT;
import static io.whizbang.examples.orders.SampleOrder.TOTAL;
import static io.whizbang.examples.orders.SampleOrder.cancelled;
import static io.whizbang.examples.orders.SampleOrder.confirmed;
import static io.whizbang.examples.orders.SampleOrder.placed;
import static io.whizbang.examples.orders.SampleOrder.shipped;
import static org.assertj.core.api.Assertions.assertThat;

class CustomerOrdersPerspectiveTest {
    private final PerspectiveFixture<CustomerOrder> fixture =
            PerspectiveFixture.of(SampleApplicationRegistry.create(), CustomerOrder.class);

    @Test
    void aPlacedOrderIsListedWithItsPlacingTimeInMillisToSortBy() {
        fixture.given(placed()).thenDocument(ORDER_ID.toString(), new CustomerOrder(ORDER_ID, CUSTOMER_ID,
                OrderStatus.PLACED, TOTAL, PLACED_AT, PLACED_AT.toEpochMilli()));
    }

    @Test
    void theListFollowsTheOrdersStatus() {
        fixture.given(placed(), confirmed());
        assertThat(fixture.document(ORDER_ID.toString())).map(CustomerOrder::status).contains(OrderStatus.CONFIRMED);

        fixture.given(shipped());
        assertThat(fixture.document(ORDER_ID.toString())).map(CustomerOrder::status).contains(OrderStatus.SHIPPED);
    }

    @Test
    void aCancelledOrderStaysListedAsCancelled() {
        fixture.given(placed(), cancelled("changed my mind"));

        assertThat(fixture.document(ORDER_ID.toString())).map(CustomerOrder::status)
                .contains(OrderStatus.CANCELLED);
    }

    @Test
    void everyOrderOfEveryCustomerHasItsOwnDocument() {
        UUID otherOrder = UUID.fromString("0190a5d0-0000-7000-8000-0000000000b2");
        UUID otherCustomer = UUID.fromString("0190a5d0-0000-7000-8000-00000000c002");
        Instant later = PLACED_AT.plusSeconds(60);

        fixture.given(placed(), new OrderPlaced(otherOrder, otherCustomer, LINES, new BigDecimal("1.00"), later));

        assertThat(fixture.size()).isEqualTo(2);
        fixture.thenDocument(otherOrder.toString(), new CustomerOrder(otherOrder, otherCustomer, OrderStatus.PLACED,
                new BigDecimal("1.00"), later, later.toEpochMilli()));
    }
}

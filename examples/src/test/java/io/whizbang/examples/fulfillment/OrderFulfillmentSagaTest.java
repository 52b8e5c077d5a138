package io.whizbang.examples.fulfillment;

import io.whizbang.examples.SampleApplicationRegistry;
import io.whizbang.examples.inventory.release.ReleaseStock;
import io.whizbang.examples.inventory.reserve.ReserveStock;
import io.whizbang.examples.inventory.reserve.StockReservationRejected;
import io.whizbang.examples.inventory.reserve.StockReserved;
import io.whizbang.examples.orders.cancel.CancelOrder;
import io.whizbang.examples.orders.confirm.ConfirmOrder;
import io.whizbang.examples.orders.place.OrderLine;
import io.whizbang.examples.orders.place.OrderPlaced;
import io.whizbang.registry.Instances;
import io.whizbang.testing.ReceptorFixture;
import io.whizbang.testing.SagaFixture;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OrderFulfillmentSagaTest {
    private static final UUID ORDER = UUID.fromString("0190a5d0-0000-7000-8000-0000000000a1");
    private static final UUID CUSTOMER = UUID.fromString("0190a5d0-0000-7000-8000-00000000c001");
    private static final Instant NOW = ReceptorFixture.DEFAULT_NOW;
    private static final String SHORT = "only 1 of SKU-2 available, 2 requested";

    private final SagaFixture<Fulfillment> fixture =
            SagaFixture.of(SampleApplicationRegistry.create(), Fulfillment.class);

    @Test
    void aPlacedOrderReservesEachSkuOnceAndSetsTheDeadline() {
        OrderPlaced placed = placed(line("SKU-1", 2), line("SKU-2", 1), line("SKU-1", 3));

        fixture.when(placed)
                .thenSends(new ReserveStock(ORDER, "SKU-1", 5), new ReserveStock(ORDER, "SKU-2", 1))
                .thenDeadlineAt(NOW.plus(OrderFulfillmentSaga.DEFAULT_DEADLINE));
    }

    @Test
    void whenEverySkuIsReservedTheOrderIsConfirmed() {
        fixture.given(placed(line("SKU-1", 2), line("SKU-2", 1)), new StockReserved(ORDER, "SKU-1", 2))
                .when(new StockReserved(ORDER, "SKU-2", 1))
                .thenSends(new ConfirmOrder(ORDER))
                .thenDeadlineAt(null)
                .thenCompleted();
    }

    @Test
    void aReservationAloneConfirmsNothingWhileOthersAreOutstanding() {
        fixture.given(placed(line("SKU-1", 2), line("SKU-2", 1)))
                .when(new StockReserved(ORDER, "SKU-1", 2))
                .thenSends()
                .thenDeadlineAt(NOW.plusSeconds(30));
    }

    @Test
    void aRejectedSkuCancelsTheOrderAndReleasesWhatWasReserved() {
        fixture.given(placed(line("SKU-1", 2), line("SKU-2", 2)), new StockReserved(ORDER, "SKU-1", 2))
                .when(new StockReservationRejected(ORDER, "SKU-2", 2, SHORT))
                .thenSends(new CancelOrder(ORDER, SHORT), new ReleaseStock(ORDER, "SKU-1"))
                .thenCompleted();
    }

    @Test
    void aReservationArrivingAfterTheCancellationIsReleasedToo() {
        fixture.given(placed(line("SKU-1", 2), line("SKU-2", 2), line("SKU-3", 1)));

        SagaFixture.Step<Fulfillment> rejected = fixture.when(new StockReservationRejected(ORDER, "SKU-2", 2, SHORT))
                .thenSends(new CancelOrder(ORDER, SHORT));
        assertThat(rejected.state().cancelled()).isTrue();

        fixture.when(new StockReserved(ORDER, "SKU-1", 2)).thenSends(new ReleaseStock(ORDER, "SKU-1"));
        fixture.when(new StockReservationRejected(ORDER, "SKU-3", 1, "only 0 of SKU-3 available, 1 requested"))
                .thenSends()
                .thenDeadlineAt(null)
                .thenCompleted();
    }

    @Test
    void whenTheDeadlinePassesTheOrderIsCancelledAndItsStockReleased() {
        fixture.when(placed(line("SKU-1", 2), line("SKU-2", 1))).thenDeadlineAt(NOW.plusSeconds(30));
        fixture.when(new StockReserved(ORDER, "SKU-1", 2));

        fixture.whenDeadlinePasses(ORDER.toString())
                .thenSends(new CancelOrder(ORDER, "stock reservation timed out after 30s"),
                        new ReleaseStock(ORDER, "SKU-1"), new ReleaseStock(ORDER, "SKU-2"))
                .thenCompleted();
    }

    @Test
    void aDeadlineAfterARejectionOnlyReleasesWhatIsStillOutstanding() {
        fixture.given(placed(line("SKU-1", 2), line("SKU-2", 2), line("SKU-3", 1)),
                new StockReserved(ORDER, "SKU-1", 2), new StockReservationRejected(ORDER, "SKU-2", 2, SHORT));

        fixture.whenDeadlinePasses(ORDER.toString())
                .thenSends(new ReleaseStock(ORDER, "SKU-3"))
                .thenCompleted();
    }

    @Test
    void aCompletedFulfilmentIgnoresLaterEvents() {
        fixture.given(placed(line("SKU-1", 1)), new StockReserved(ORDER, "SKU-1", 1));

        fixture.when(new StockReservationRejected(ORDER, "SKU-1", 1, "late")).thenSends();
    }

    @Test
    void reservationsForAnOrderTheSagaNeverSawAreIgnored() {
        fixture.when(new StockReserved(ORDER, "SKU-1", 1)).thenSends().thenDeadlineAt(null);
    }

    @Test
    void theDeadlineCanBeShortened() {
        SagaFixture<Fulfillment> quick = SagaFixture.of(SampleApplicationRegistry.create(
                Instances.none().with(OrderFulfillmentSaga.class, new OrderFulfillmentSaga(Duration.ofSeconds(5)))),
                Fulfillment.class);

        quick.when(placed(line("SKU-1", 1))).thenDeadlineAt(NOW.plusSeconds(5));
        quick.whenDeadlinePasses(ORDER.toString())
                .thenSends(new CancelOrder(ORDER, "stock reservation timed out after 5s"),
                        new ReleaseStock(ORDER, "SKU-1"));
    }

    private static OrderPlaced placed(OrderLine... lines) {
        BigDecimal total = List.of(lines).stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new OrderPlaced(ORDER, CUSTOMER, List.of(lines), total, NOW);
    }

    private static OrderLine line(String sku, int quantity) {
        return new OrderLine(sku, quantity, new BigDecimal("1.00"));
    }
}

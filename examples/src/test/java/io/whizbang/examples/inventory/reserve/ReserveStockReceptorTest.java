package io.whizbang.examples.inventory.reserve;

import io.whizbang.examples.inventory.release.StockReleased;
import io.whizbang.examples.inventory.restock.StockRestocked;
import io.whizbang.testing.ReceptorFixture;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.whizbang.examples.Validation.assertRejected;

class ReserveStockReceptorTest {
    private static final UUID ORDER = UUID.fromString("0190a5d0-0000-7000-8000-0000000000a1");
    private static final UUID OTHER_ORDER = UUID.fromString("0190a5d0-0000-7000-8000-0000000000a2");

    private final ReceptorFixture<ReserveStock, ?> fixture = ReceptorFixture.of(new ReserveStockReceptor());

    @Test
    void reservingWhatIsAvailableEmitsStockReserved() {
        fixture.given(new StockRestocked("SKU-1", 5)).when(new ReserveStock(ORDER, "SKU-1", 5))
                .thenEvents(new StockReserved(ORDER, "SKU-1", 5));
    }

    @Test
    void reservingMoreThanIsAvailableIsRecordedAsARejection() {
        fixture.given(new StockRestocked("SKU-1", 3)).when(new ReserveStock(ORDER, "SKU-1", 5))
                .thenEvents(new StockReservationRejected(ORDER, "SKU-1", 5, "only 3 of SKU-1 available, 5 requested"));
    }

    @Test
    void unitsHeldForAnotherOrderAreNotAvailable() {
        fixture.given(new StockRestocked("SKU-1", 5), new StockReserved(OTHER_ORDER, "SKU-1", 3))
                .when(new ReserveStock(ORDER, "SKU-1", 3))
                .thenEvents(new StockReservationRejected(ORDER, "SKU-1", 3, "only 2 of SKU-1 available, 3 requested"));
    }

    @Test
    void releasedUnitsAreAvailableAgain() {
        fixture.given(new StockRestocked("SKU-1", 5), new StockReserved(OTHER_ORDER, "SKU-1", 5),
                        new StockReleased(OTHER_ORDER, "SKU-1", 5))
                .when(new ReserveStock(ORDER, "SKU-1", 5))
                .thenEvents(new StockReserved(ORDER, "SKU-1", 5));
    }

    @Test
    void anUnknownSkuHasNothingAvailable() {
        fixture.when(new ReserveStock(ORDER, "SKU-9", 1))
                .thenEvents(new StockReservationRejected(ORDER, "SKU-9", 1, "only 0 of SKU-9 available, 1 requested"));
    }

    @Test
    void reservingAgainForTheSameOrderChangesNothing() {
        fixture.given(new StockRestocked("SKU-1", 10), new StockReserved(ORDER, "SKU-1", 5))
                .when(new ReserveStock(ORDER, "SKU-1", 5))
                .thenNothing();
    }

    @Test
    void aReservationNeedsAnOrderASkuAndAQuantity() {
        assertRejected(() -> new ReserveStock(null, "SKU-1", 1), "orderId");
        assertRejected(() -> new ReserveStock(ORDER, null, 1), "sku");
        assertRejected(() -> new ReserveStock(ORDER, "SKU-1", 0), "quantity");
    }
}

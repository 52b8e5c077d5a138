package io.whizbang.examples.inventory.release;

import io.whizbang.examples.inventory.reserve.StockReserved;
import io.whizbang.examples.inventory.restock.StockRestocked;
import io.whizbang.testing.ReceptorFixture;
import org.junit.jupiter.api.Test;

import java.util.UUID;

class ReleaseStockReceptorTest {
    private static final UUID ORDER = UUID.fromString("0190a5d0-0000-7000-8000-0000000000a1");
    private static final UUID OTHER_ORDER = UUID.fromString("0190a5d0-0000-7000-8000-0000000000a2");

    private final ReceptorFixture<ReleaseStock, ?> fixture = ReceptorFixture.of(new ReleaseStockReceptor());

    @Test
    void releasingGivesBackWhatTheOrderHolds() {
        fixture.given(new StockRestocked("SKU-1", 10), new StockReserved(ORDER, "SKU-1", 4),
                        new StockReserved(OTHER_ORDER, "SKU-1", 3))
                .when(new ReleaseStock(ORDER, "SKU-1"))
                .thenEvents(new StockReleased(ORDER, "SKU-1", 4));
    }

    @Test
    void releasingForAnOrderThatHoldsNothingChangesNothing() {
        fixture.given(new StockRestocked("SKU-1", 10), new StockReserved(OTHER_ORDER, "SKU-1", 3))
                .when(new ReleaseStock(ORDER, "SKU-1"))
                .thenNothing();
    }

    @Test
    void releasingTwiceReleasesOnce() {
        fixture.given(new StockRestocked("SKU-1", 10), new StockReserved(ORDER, "SKU-1", 4),
                        new StockReleased(ORDER, "SKU-1", 4))
                .when(new ReleaseStock(ORDER, "SKU-1"))
                .thenNothing();
    }
}

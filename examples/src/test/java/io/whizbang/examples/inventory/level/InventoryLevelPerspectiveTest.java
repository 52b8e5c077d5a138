package io.whizbang.examples.inventory.level;

import io.whizbang.examples.SampleApplicationRegistry;
import io.whizbang.examples.inventory.release.StockReleased;
import io.whizbang.examples.inventory.reserve.StockReservationRejected;
import io.whizbang.examples.inventory.reserve.StockReserved;
import io.whizbang.examples.inventory.restock.StockRestocked;
import io.whizbang.testing.PerspectiveFixture;
import org.junit.jupiter.api.Test;

import java.util.UUID;

class InventoryLevelPerspectiveTest {
    private static final UUID ORDER = UUID.fromString("0190a5d0-0000-7000-8000-0000000000a1");
    private static final UUID OTHER_ORDER = UUID.fromString("0190a5d0-0000-7000-8000-0000000000a2");

    private final PerspectiveFixture<InventoryLevel> fixture =
            PerspectiveFixture.of(SampleApplicationRegistry.create(), InventoryLevel.class);

    @Test
    void restockingAddsToWhatIsOnHand() {
        fixture.given(new StockRestocked("SKU-1", 5), new StockRestocked("SKU-1", 7))
                .thenDocument("SKU-1", new InventoryLevel("SKU-1", 12, 0));
    }

    @Test
    void reservationsAreCountedAndReleasesGiveThemBack() {
        fixture.given(new StockRestocked("SKU-1", 10), new StockReserved(ORDER, "SKU-1", 4),
                        new StockReserved(OTHER_ORDER, "SKU-1", 3))
                .thenDocument("SKU-1", new InventoryLevel("SKU-1", 10, 7))
                .given(new StockReleased(ORDER, "SKU-1", 4))
                .thenDocument("SKU-1", new InventoryLevel("SKU-1", 10, 3));
    }

    @Test
    void aRejectedReservationChangesNothing() {
        fixture.given(new StockRestocked("SKU-1", 2),
                        new StockReservationRejected(ORDER, "SKU-1", 5, "only 2 of SKU-1 available, 5 requested"))
                .thenDocument("SKU-1", new InventoryLevel("SKU-1", 2, 0));
    }

    @Test
    void eachSkuHasItsOwnLevel() {
        fixture.given(new StockRestocked("SKU-1", 1), new StockRestocked("SKU-2", 2))
                .thenDocument("SKU-1", new InventoryLevel("SKU-1", 1, 0))
                .thenDocument("SKU-2", new InventoryLevel("SKU-2", 2, 0))
                .thenNoDocument("SKU-3");
    }
}

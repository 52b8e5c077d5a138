package io.whizbang.examples.inventory.restock;

import io.whizbang.error.ErrorCode;
import io.whizbang.testing.ReceptorFixture;
import org.junit.jupiter.api.Test;

import static io.whizbang.examples.Validation.assertRejected;

class RestockItemReceptorTest {
    private final ReceptorFixture<RestockItem, ?> fixture = ReceptorFixture.of(new RestockItemReceptor());

    @Test
    void restockingEmitsStockRestocked() {
        fixture.given(new StockRestocked("SKU-1", 5)).when(new RestockItem("SKU-1", 10))
                .thenEvents(new StockRestocked("SKU-1", 10));
    }

    @Test
    void restockingBeyondWhatAnIntHoldsIsAConflict() {
        fixture.given(new StockRestocked("SKU-1", Integer.MAX_VALUE - 5)).when(new RestockItem("SKU-1", 6))
                .thenRejected(ErrorCode.CONFLICT, "restocking 6 of SKU-1");
    }

    @Test
    void aQuantityIsOneToOneMillion() {
        assertRejected(() -> new RestockItem("SKU-1", 0), "quantity");
        assertRejected(() -> new RestockItem("SKU-1", 1_000_001), "quantity");
        assertRejected(() -> new RestockItem("", 1), "sku");
        new RestockItem("SKU-1", 1_000_000);
    }
}

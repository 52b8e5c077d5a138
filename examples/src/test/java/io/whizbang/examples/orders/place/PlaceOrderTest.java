package io.whizbang.examples.orders.place;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static io.whizbang.examples.Validation.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

class PlaceOrderTest {
    private static final UUID CUSTOMER = UUID.fromString("0190a5d0-0000-7000-8000-00000000c001");
    private static final OrderLine LINE = new OrderLine("SKU-1", 1, BigDecimal.ONE);

    @Test
    void anOrderWithoutLinesIsRejected() {
        assertRejected(() -> new PlaceOrder(CUSTOMER, List.of()), "lines");
    }

    @Test
    void anOrderWithMoreThanOneHundredLinesIsRejected() {
        assertRejected(() -> new PlaceOrder(CUSTOMER, Collections.nCopies(101, LINE)), "lines");
    }

    @Test
    void anOrderWithOneHundredLinesIsAccepted() {
        assertThat(new PlaceOrder(CUSTOMER, Collections.nCopies(100, LINE)).lines()).hasSize(100);
    }

    @Test
    void anOrderWithoutCustomerIsRejected() {
        assertRejected(() -> new PlaceOrder(null, List.of(LINE)), "customerId");
    }

    @Test
    void aQuantityOfZeroIsRejected() {
        assertRejected(() -> new OrderLine("SKU-1", 0, BigDecimal.ONE), "quantity");
    }

    @Test
    void aQuantityAboveTenThousandIsRejected() {
        assertRejected(() -> new OrderLine("SKU-1", 10_001, BigDecimal.ONE), "quantity");
    }

    @Test
    void aNegativeUnitPriceIsRejected() {
        assertRejected(() -> new OrderLine("SKU-1", 1, new BigDecimal("-1")), "unitPrice");
    }

    @Test
    void aUnitPriceWithThreeDecimalsIsRejected() {
        assertRejected(() -> new OrderLine("SKU-1", 1, new BigDecimal("1.005")), "unitPrice");
    }

    @Test
    void aUnitPriceIsKeptWithTwoDecimals() {
        assertThat(new OrderLine("SKU-1", 1, new BigDecimal("1.500")).unitPrice()).isEqualTo("1.50");
        assertThat(new OrderLine("SKU-1", 1, BigDecimal.TEN).unitPrice()).isEqualTo("10.00");
    }

    @Test
    void aBlankOrOverlongSkuIsRejected() {
        assertRejected(() -> new OrderLine(" ", 1, BigDecimal.ONE), "sku");
        assertRejected(() -> new OrderLine("S".repeat(65), 1, BigDecimal.ONE), "sku");
    }

    @Test
    void theTotalIsTheSumOfTheLines() {
        PlaceOrder order = new PlaceOrder(CUSTOMER, List.of(new OrderLine("SKU-1", 3, new BigDecimal("2.50")),
                new OrderLine("SKU-2", 1, new BigDecimal("0.99"))));

        assertThat(order.total()).isEqualTo("8.49");
    }
}

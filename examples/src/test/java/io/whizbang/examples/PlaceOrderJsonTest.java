package io.whizbang.examples;

import io.vertx.core.json.JsonObject;
import io.whizbang.codec.Codecs;
import io.whizbang.error.ValidationException;
import io.whizbang.examples.inventory.release.StockReleased;
import io.whizbang.examples.inventory.reserve.StockReservationRejected;
import io.whizbang.examples.inventory.reserve.StockReserved;
import io.whizbang.examples.inventory.restock.StockRestocked;
import io.whizbang.examples.orders.SampleOrder;
import io.whizbang.examples.orders.place.OrderLine;
import io.whizbang.examples.orders.place.PlaceOrder;
import io.whizbang.message.Event;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlaceOrderJsonTest {
    private final Codecs codecs = SampleApplicationRegistry.create().codecs();

    @Test
    void aPlaceOrderIsReadFromJsonText() {
        Object decoded = codecs.decode("PlaceOrder", 1, new JsonObject("""
                {"customerId": "0190a5d0-0000-7000-8000-00000000c001",
                 "lines": [{"sku": "SKU-1", "quantity": 2, "unitPrice": 9.99},
                           {"sku": "SKU-2", "quantity": 1, "unitPrice": "5"}]}
                """));

        assertThat(decoded).isEqualTo(new PlaceOrder(SampleOrder.CUSTOMER_ID, List.of(
                new OrderLine("SKU-1", 2, new BigDecimal("9.99")), new OrderLine("SKU-2", 1, new BigDecimal("5")))));
    }

    @Test
    void aBadLineIsNamedByItsPath() {
        assertThatThrownBy(() -> codecs.decode("PlaceOrder", 1, new JsonObject("""
                {"customerId": "0190a5d0-0000-7000-8000-00000000c001",
                 "lines": [{"sku": "SKU-1", "quantity": 2, "unitPrice": 9.99},
                           {"sku": "SKU-2", "quantity": 0, "unitPrice": 5}]}
                """))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("lines[1].quantity"));
    }

    @Test
    void aPriceWithThreeDecimalsIsNamedByItsPath() {
        assertThatThrownBy(() -> codecs.decode("PlaceOrder", 1, new JsonObject("""
                {"customerId": "0190a5d0-0000-7000-8000-00000000c001",
                 "lines": [{"sku": "SKU-1", "quantity": 2, "unitPrice": 1.005}]}
                """))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("lines[0].unitPrice"));
    }

    @Test
    void aNullCustomerIsNamed() {
        assertThatThrownBy(() -> codecs.decode("PlaceOrder", 1, new JsonObject("""
                {"customerId": null, "lines": [{"sku": "SKU-1", "quantity": 2, "unitPrice": 9.99}]}
                """))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("customerId"));
    }

    @Test
    void everyEventSurvivesATripThroughJsonText() {
        UUID order = SampleOrder.ORDER_ID;
        List<Event> events = List.of(SampleOrder.placed(), SampleOrder.confirmed(),
                SampleOrder.cancelled("changed my mind"), SampleOrder.shipped(), new StockRestocked("SKU-1", 5),
                new StockReserved(order, "SKU-1", 2), new StockReleased(order, "SKU-1", 2),
                new StockReservationRejected(order, "SKU-2", 9, "only 1 of SKU-2 available, 9 requested"));

        for (Event event : events) {
            String text = codecs.encode(event).encode();
            String type = event.getClass().getSimpleName();

            assertThat(codecs.decode(type, 1, new JsonObject(text))).as(type).isEqualTo(event);
        }
    }
}

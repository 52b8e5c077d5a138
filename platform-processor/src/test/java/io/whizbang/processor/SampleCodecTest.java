package io.whizbang.processor;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.whizbang.codec.Codecs;
import io.whizbang.codec.MessageCodec;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.ValidationException;
import io.whizbang.message.MessageType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.function.Consumer;

import static io.whizbang.processor.SampleRegistryTest.placedJson;
import static io.whizbang.processor.SampleRegistryTest.reservedJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SampleCodecTest {
    private final CompiledSample sample = CompiledSample.get();
    private final Codecs codecs = sample.registry().codecs();

    @Test
    void eventRoundTripsThroughJsonText() {
        JsonObject json = placedJson().put("note", "ring twice");

        Object placed = decode("OrderPlaced", json);
        JsonObject encoded = codecs.encode(placed);

        assertThat(new JsonObject(encoded.encode())).isEqualTo(json);
        assertThat(decode("OrderPlaced", encoded)).isEqualTo(placed);
    }

    @Test
    void fieldsAreWrittenAsDocumented() {
        JsonObject encoded = codecs.encode(decode("OrderPlaced", placedJson()));

        assertThat(encoded.getValue("orderId")).isEqualTo("0191b5a4-6f7e-7c2a-9d3e-2b4c6d8e0f12");
        assertThat(encoded.getValue("placedAt")).isEqualTo("2026-01-31T12:00:00Z");
        assertThat(encoded.containsKey("note")).as("an empty Optional is left out").isFalse();
        assertThat(encoded.getJsonArray("lines").getJsonObject(0).getValue("price"))
                .isEqualTo(new BigDecimal("9.95"));
        assertThat(encoded.getJsonObject("tags").getValue("priority")).isEqualTo(1);
        assertThat(codecs.encode(decode("OrderConfirmed", new JsonObject()
                .put("orderId", "0191b5a4-6f7e-7c2a-9d3e-2b4c6d8e0f12").put("status", "SHIPPED")))
                .getValue("status")).isEqualTo("SHIPPED");
    }

    @Test
    void memberRecordsAndSetsRoundTrip() {
        Object reserved = decode("inventory.StockReserved", reservedJson());

        assertThat(codecs.encode(reserved)).isEqualTo(reservedJson());
        assertThat(sample.type("io.sample.orders.StockReserved_ShipmentJsonCodec")).isNotNull();
    }

    @Test
    void messageCodecsKnowTheirTypeNameAndVersion() {
        MessageCodec<?> reserved = sample.codec("inventory.StockReserved");

        assertThat(reserved.messageType()).isEqualTo(new MessageType("inventory.StockReserved", 1));
        assertThat(reserved.javaType().getName()).isEqualTo("io.sample.orders.StockReserved");
        assertThat(sample.codec("OrderPlaced").messageType()).isEqualTo(new MessageType("OrderPlaced", 2));
        assertThat(codecs.typeOf(decode("OrderPlaced", placedJson()))).isEqualTo(new MessageType("OrderPlaced", 2));
    }

    @Test
    void modelStateAndNestedRecordsHaveCodecs() {
        for (String record : new String[] {"OrderSummary", "FulfillmentState", "OrderState", "OrderLine",
                "StockReserved$Shipment"}) {
            assertThat(codecs.find(sample.type("io.sample.orders." + record))).as(record).isNotNull();
        }
    }

    @Test
    void missingFieldIsRejectedNamingIt() {
        assertRejected(json -> json.remove("customer"), "customer", "is required");
    }

    @Test
    void nullFieldIsRejectedNamingIt() {
        assertRejected(json -> json.putNull("placedAt"), "placedAt", "is required");
    }

    @Test
    void fieldOfTheWrongTypeIsRejectedNamingIt() {
        assertRejected(json -> json.put("orderId", 42), "orderId", "expected a string");
    }

    @Test
    void badFieldOfANestedListElementIsRejectedWithItsPath() {
        assertRejected(json -> json.getJsonArray("lines").add(new JsonObject().put("sku", "B-2")
                .put("quantity", "two").put("price", 1)), "lines[1].quantity", "expected a whole number");
    }

    @Test
    void unknownEnumNameIsRejectedListingTheNames() {
        ValidationException rejected = catchThrowableOfType(ValidationException.class, () -> decode(
                "OrderConfirmed", new JsonObject().put("orderId", "0191b5a4-6f7e-7c2a-9d3e-2b4c6d8e0f12")
                        .put("status", "LOST")));

        assertThat(rejected.field()).isEqualTo("status");
        assertThat(rejected).hasMessageContaining("PENDING, CONFIRMED, SHIPPED");
    }

    @Test
    void compactConstructorRuleBecomesValidationException() {
        JsonObject emptyOrder = new JsonObject().put("orderId", "0191b5a4-6f7e-7c2a-9d3e-2b4c6d8e0f12")
                .put("customer", "ada").put("lines", new JsonArray());
        JsonObject zeroQuantity = emptyOrder.copy().put("lines", new JsonArray()
                .add(new JsonObject().put("sku", "A-1").put("quantity", 0).put("price", 1)));

        ValidationException empty = catchThrowableOfType(ValidationException.class,
                () -> decode("PlaceOrder", emptyOrder));
        ValidationException zero = catchThrowableOfType(ValidationException.class,
                () -> decode("PlaceOrder", zeroQuantity));

        assertThat(empty.field()).isEqualTo("lines");
        assertThat(empty.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(zero.field()).isEqualTo("lines[0]");
        assertThat(zero).hasMessageContaining("quantity must be at least 1, was 0");
    }

    @Test
    void olderSchemaVersionIsUpcastWhenRead() {
        JsonObject version1 = placedJson();
        version1.remove("tags");
        version1.put("client", version1.remove("customer"));

        Object upcast = codecs.decode("OrderPlaced", 1, version1);

        JsonObject encoded = codecs.encode(upcast);
        assertThat(encoded.getString("customer")).isEqualTo("ada");
        assertThat(encoded.getJsonObject("tags")).isEqualTo(new JsonObject());
    }

    private Object decode(String typeName, JsonObject json) {
        return sample.codec(typeName).decode(json);
    }

    private void assertRejected(Consumer<JsonObject> breakIt, String field, String problem) {
        JsonObject json = placedJson();
        breakIt.accept(json);

        ValidationException rejected = catchThrowableOfType(ValidationException.class,
                () -> decode("OrderPlaced", json));

        assertThat(rejected).as("decoding %s", json).isNotNull();
        assertThat(rejected.field()).isEqualTo(field);
        assertThat(rejected).hasMessageContaining(problem);
    }
}

package io.whizbang.codec;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.whizbang.error.ValidationException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsonReadTest {
    enum Color { RED, GREEN }

    private static ValidationException failure(Runnable read) {
        return catchThrowableOfType(ValidationException.class, read::run);
    }

    @Test
    void aMissingOrNullRequiredFieldIsNamed() {
        assertThat(failure(() -> JsonRead.required(new JsonObject(), "sku", JsonRead.STRING)).field())
                .isEqualTo("sku");
        assertThat(failure(() -> JsonRead.required(new JsonObject().putNull("sku"), "sku", JsonRead.STRING))
                .getMessage()).isEqualTo("sku: is required");
    }

    @Test
    void aWrongTypeSaysWhatWasExpectedAndWhatCame() {
        ValidationException e = failure(() -> JsonRead.required(new JsonObject().put("quantity", "three"), "quantity",
                JsonRead.INT));
        assertThat(e.getMessage()).isEqualTo("quantity: expected a whole number, got a string");
    }

    @Test
    void nestedFailuresCarryTheirFullPath() {
        JsonObject json = new JsonObject().put("lines", new JsonArray()
                .add(new JsonObject().put("quantity", 1))
                .add(new JsonObject().put("quantity", 2.5)));
        JsonRead.Reader<Integer> line = JsonRead.record(obj -> JsonRead.required(obj, "quantity", JsonRead.INT));
        ValidationException e = failure(() -> JsonRead.required(json, "lines", JsonRead.list(line)));
        assertThat(e.field()).isEqualTo("lines[1].quantity");
        assertThat(e.getMessage()).startsWith("lines[1].quantity: expected a whole number");
    }

    @Test
    void nullElementsOfAListAreRejected() {
        JsonObject json = new JsonObject().put("skus", new JsonArray().add("a").addNull());
        assertThat(failure(() -> JsonRead.required(json, "skus", JsonRead.list(JsonRead.STRING))).field())
                .isEqualTo("skus[1]");
    }

    @Test
    void numbersOutOfRangeAreRejected() {
        JsonObject json = new JsonObject().put("n", 3_000_000_000L);
        assertThat(failure(() -> JsonRead.required(json, "n", JsonRead.INT)).getMessage()).contains("out of range");
        assertThat(JsonRead.required(json, "n", JsonRead.LONG)).isEqualTo(3_000_000_000L);
    }

    @Test
    void decimalsKeepTheirDigitsFromNumbersOrStrings() {
        assertThat(JsonRead.required(new JsonObject("{\"p\": 12.10}"), "p", JsonRead.DECIMAL))
                .isEqualByComparingTo(new BigDecimal("12.10"));
        assertThat(JsonRead.required(new JsonObject().put("p", "0.05"), "p", JsonRead.DECIMAL))
                .isEqualTo(new BigDecimal("0.05"));
        assertThat(failure(() -> JsonRead.required(new JsonObject().put("p", "ten"), "p", JsonRead.DECIMAL))
                .getMessage()).contains("expected a decimal number");
    }

    @Test
    void uuidsInstantsDatesAndEnumsAreParsedStrictly() {
        assertThat(failure(() -> JsonRead.required(new JsonObject().put("id", "123"), "id", JsonRead.UUID_VALUE))
                .getMessage()).contains("expected a UUID");
        assertThat(failure(() -> JsonRead.required(new JsonObject().put("at", "yesterday"), "at", JsonRead.INSTANT))
                .getMessage()).contains("ISO-8601");
        assertThat(failure(() -> JsonRead.required(new JsonObject().put("day", "2026-02-30"), "day",
                JsonRead.LOCAL_DATE)).field()).isEqualTo("day");
        JsonRead.Reader<Color> color = JsonRead.enumeration(name -> Color.valueOf(name), "RED, GREEN");
        assertThat(failure(() -> JsonRead.required(new JsonObject().put("c", "BLUE"), "c", color)).getMessage())
                .isEqualTo("c: expected one of RED, GREEN, got \"BLUE\"");
    }

    @Test
    void optionalFieldsAreEmptyWhenMissingOrNull() {
        assertThat(JsonRead.optional(new JsonObject(), "note", JsonRead.STRING)).isEqualTo(Optional.empty());
        assertThat(JsonRead.optional(new JsonObject().put("note", "hi"), "note", JsonRead.STRING)).contains("hi");
    }

    @Test
    void mapsReadEveryValue() {
        JsonObject json = new JsonObject().put("stock", new JsonObject().put("a", 1).put("b", 2));
        assertThat(JsonRead.required(json, "stock", JsonRead.map(JsonRead.INT))).isEqualTo(Map.of("a", 1, "b", 2));
        JsonObject bad = new JsonObject().put("stock", new JsonObject().put("a", "x"));
        assertThat(failure(() -> JsonRead.required(bad, "stock", JsonRead.map(JsonRead.INT))).field())
                .isEqualTo("stock.a");
    }

    @Test
    void constructorRuleViolationsBecomeValidationErrors() {
        record Line(int quantity) {
            Line {
                if (quantity < 1) {
                    throw new IllegalArgumentException("quantity must be at least 1");
                }
            }
        }
        assertThatThrownBy(() -> JsonRead.construct(() -> new Line(0)))
                .isInstanceOf(ValidationException.class).hasMessage("quantity must be at least 1");
        assertThat(JsonRead.construct(() -> List.of(1))).containsExactly(1);
    }
}

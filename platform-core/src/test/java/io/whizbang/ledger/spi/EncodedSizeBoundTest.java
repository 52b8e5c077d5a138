package io.whizbang.ledger.spi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The size bound that lets small events skip encoding must never fall below the encoded size, or an oversize event
 * would be written.
 */
class EncodedSizeBoundTest {
    @Test
    void theBoundIsNeverBelowTheEncodedSizeOfRandomDocuments() {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            JsonObject document = randomObject(random, 3);
            assertThat(EncodedSizeBound.of(document)).as(document.encode())
                    .isGreaterThanOrEqualTo(document.toBuffer().length());
        }
    }

    @Test
    void escapesControlCharactersAndMultiByteTextAreCovered() {
        JsonObject nasty = new JsonObject().put("control", "\u0001\u0002\u001f\"\\").put("greek", "αβγδ")
                .put("emoji", "\uD83D\uDE00\uD83D\uDE00").put("price", new BigDecimal("123456789012345678901234.5678"))
                .put("when", Instant.parse("2026-12-02T07:00:00.123456789Z")).put("bytes", new byte[] {1, 2, 3})
                .put("big", Double.MAX_VALUE).put("small", -Double.MIN_VALUE).put("long", Long.MIN_VALUE);

        assertThat(EncodedSizeBound.of(nasty)).isGreaterThanOrEqualTo(nasty.toBuffer().length());
    }

    private static JsonObject randomObject(Random random, int depth) {
        JsonObject object = new JsonObject();
        int fields = random.nextInt(6);
        for (int i = 0; i < fields; i++) {
            object.put(randomText(random), randomValue(random, depth));
        }
        return object;
    }

    private static Object randomValue(Random random, int depth) {
        switch (random.nextInt(depth > 0 ? 9 : 7)) {
            case 0: return null;
            case 1: return random.nextBoolean();
            case 2: return random.nextLong();
            case 3: return random.nextDouble() * Math.pow(10, random.nextInt(600) - 300);
            case 4: return randomText(random);
            case 5: return new BigDecimal(random.nextLong()).movePointLeft(random.nextInt(20));
            case 6: return random.nextInt();
            case 7: return randomObject(random, depth - 1);
            default:
                JsonArray array = new JsonArray();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(random, depth - 1));
                }
                return array;
        }
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            text.append((char) random.nextInt(random.nextBoolean() ? 0x80 : 0xFFFF));
        }
        return text.toString();
    }
}

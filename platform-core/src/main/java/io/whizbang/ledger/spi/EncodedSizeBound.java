package io.whizbang.ledger.spi;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;

/**
 * A bound, never below the truth, of how many bytes a JSON value takes once encoded, found without encoding it: a
 * string counts six bytes a character (the longest escape, {@code \\uXXXX}, and above any UTF-8 form), a number
 * its longest text. An event well under the size limit is passed without the cost of encoding it just to measure.
 */
final class EncodedSizeBound {
    /** Longer than any long or double as JSON text. */
    private static final int NUMBER = 26;

    private EncodedSizeBound() {
    }

    /** At least the encoded size of the value, in bytes. */
    static long of(Object value) {
        if (value == null || value instanceof Boolean) {
            return 5;
        }
        if (value instanceof String text) {
            return 2 + 6L * text.length();
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Double || value instanceof Float
                || value instanceof Short || value instanceof Byte) {
            return NUMBER;
        }
        if (value instanceof JsonObject object) {
            return ofMap(object.getMap());
        }
        if (value instanceof Map<?, ?> map) {
            return ofMap(map);
        }
        if (value instanceof JsonArray array) {
            return ofList(array.getList());
        }
        if (value instanceof List<?> list) {
            return ofList(list);
        }
        if (value instanceof byte[] bytes) {
            return 2 + 2L * bytes.length + 4;
        }
        if (value instanceof Buffer buffer) {
            return 2 + 2L * buffer.length() + 4;
        }
        // BigDecimal, BigInteger, Instant, enums and the like encode as their text, at most escaped
        return 2 + 6L * String.valueOf(value).length();
    }

    private static long ofMap(Map<?, ?> map) {
        long size = 2;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            size += of(String.valueOf(entry.getKey())) + 1 + of(entry.getValue()) + 1;
        }
        return size;
    }

    private static long ofList(List<?> list) {
        long size = 2;
        for (Object item : list) {
            size += of(item) + 1;
        }
        return size;
    }
}

package io.whizbang.codec;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.whizbang.error.ValidationException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Readers of JSON values that generated codecs compose; every failure is a {@link ValidationException} that names
 * the field path ({@code lines[2].quantity}).
 */
public final class JsonRead {
    /** Reads one JSON value (never {@code null}) as a Java value. */
    @FunctionalInterface
    public interface Reader<T> {
        /** The value; throws {@code ValidationException} with a path relative to this value. */
        T read(Object raw);
    }

    public static final Reader<String> STRING = raw -> {
        if (raw instanceof String text) {
            return text;
        }
        throw wrongType("a string", raw);
    };
    public static final Reader<Boolean> BOOLEAN = raw -> {
        if (raw instanceof Boolean flag) {
            return flag;
        }
        throw wrongType("true or false", raw);
    };
    public static final Reader<Long> LONG = raw -> integral(raw, Long.MIN_VALUE, Long.MAX_VALUE);
    public static final Reader<Integer> INT = raw -> (int) integral(raw, Integer.MIN_VALUE, Integer.MAX_VALUE);
    public static final Reader<Short> SHORT = raw -> (short) integral(raw, Short.MIN_VALUE, Short.MAX_VALUE);
    public static final Reader<Byte> BYTE = raw -> (byte) integral(raw, Byte.MIN_VALUE, Byte.MAX_VALUE);
    public static final Reader<Double> DOUBLE = raw -> {
        if (raw instanceof Number number) {
            return number.doubleValue();
        }
        throw wrongType("a number", raw);
    };
    public static final Reader<Float> FLOAT = raw -> DOUBLE.read(raw).floatValue();
    public static final Reader<Character> CHAR = raw -> {
        String text = STRING.read(raw);
        if (text.length() != 1) {
            throw new ValidationException("", "expected a single character");
        }
        return text.charAt(0);
    };
    public static final Reader<BigDecimal> DECIMAL = raw -> {
        try {
            if (raw instanceof BigDecimal decimal) {
                return decimal;
            }
            if (raw instanceof Number || raw instanceof String) {
                return new BigDecimal(raw.toString());
            }
        } catch (NumberFormatException e) {
            throw new ValidationException("", "expected a decimal number, got \"" + clip(raw) + "\"");
        }
        throw wrongType("a decimal number", raw);
    };
    public static final Reader<BigInteger> BIG_INTEGER = raw -> {
        BigDecimal decimal = DECIMAL.read(raw);
        try {
            return decimal.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new ValidationException("", "expected a whole number, got " + decimal);
        }
    };
    public static final Reader<UUID> UUID_VALUE = raw -> {
        String text = STRING.read(raw);
        try {
            if (text.length() != 36) {
                throw new IllegalArgumentException(text);
            }
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("", "expected a UUID, got \"" + clip(text) + "\"");
        }
    };
    public static final Reader<Instant> INSTANT = raw -> {
        String text = STRING.read(raw);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ValidationException("", "expected an ISO-8601 instant such as 2026-01-31T12:00:00Z, got \""
                    + clip(text) + "\"");
        }
    };
    public static final Reader<LocalDate> LOCAL_DATE = raw -> {
        String text = STRING.read(raw);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ValidationException("", "expected a date such as 2026-01-31, got \"" + clip(text) + "\"");
        }
    };

    private JsonRead() {
    }

    /** A required field: missing or {@code null} is rejected. */
    public static <T> T required(JsonObject json, String field, Reader<T> reader) {
        Object raw = json.getValue(field);
        if (raw == null) {
            throw new ValidationException(field, "is required");
        }
        return readUnder(field, raw, reader);
    }

    /** An optional field: missing or {@code null} is empty. */
    public static <T> Optional<T> optional(JsonObject json, String field, Reader<T> reader) {
        Object raw = json.getValue(field);
        return raw == null ? Optional.empty() : Optional.of(readUnder(field, raw, reader));
    }

    /** A nested record, read by its codec's decode method. */
    public static <T> Reader<T> record(Function<JsonObject, T> decode) {
        return raw -> {
            if (raw instanceof JsonObject object) {
                return decode.apply(object);
            }
            if (raw instanceof Map<?, ?> map) {
                return decode.apply(new JsonObject(castMap(map)));
            }
            throw wrongType("an object", raw);
        };
    }

    /** An enum constant by its name. */
    public static <E extends Enum<E>> Reader<E> enumeration(Function<String, E> valueOf, String names) {
        return raw -> {
            String text = STRING.read(raw);
            try {
                return valueOf.apply(text);
            } catch (IllegalArgumentException e) {
                throw new ValidationException("", "expected one of " + names + ", got \"" + clip(text) + "\"");
            }
        };
    }

    /** A list whose elements are never null. */
    public static <T> Reader<List<T>> list(Reader<T> element) {
        return raw -> Collections.unmodifiableList(elements(raw, element, new ArrayList<>()));
    }

    /** A set whose elements are never null, in the order given. */
    public static <T> Reader<Set<T>> set(Reader<T> element) {
        return raw -> Collections.unmodifiableSet(elements(raw, element, new LinkedHashSet<>()));
    }

    /** An object read as a map from field names to values, never null. */
    public static <T> Reader<Map<String, T>> map(Reader<T> value) {
        return raw -> {
            JsonObject object = raw instanceof JsonObject json ? json
                    : raw instanceof Map<?, ?> map ? new JsonObject(castMap(map)) : null;
            if (object == null) {
                throw wrongType("an object", raw);
            }
            Map<String, T> result = new LinkedHashMap<>();
            for (Map.Entry<String, Object> entry : object) {
                if (entry.getValue() == null) {
                    throw new ValidationException(entry.getKey(), "must not be null");
                }
                result.put(entry.getKey(), readUnder(entry.getKey(), entry.getValue(), value));
            }
            return Collections.unmodifiableMap(result);
        };
    }

    /**
     * Calls a record's constructor, turning the rule violations its compact constructor throws into
     * {@code INVALID_ARGUMENT}.
     */
    public static <T> T construct(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (ValidationException e) {
            throw e;
        } catch (IllegalArgumentException | NullPointerException | IllegalStateException
                 | IndexOutOfBoundsException e) {
            throw new ValidationException("", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static <T, C extends java.util.Collection<T>> C elements(Object raw, Reader<T> element, C into) {
        List<?> items = raw instanceof JsonArray array ? array.getList() : raw instanceof List<?> list ? list : null;
        if (items == null) {
            throw wrongType("an array", raw);
        }
        int index = 0;
        for (Object item : items) {
            String position = "[" + index + "]";
            if (item == null) {
                throw new ValidationException(position, "must not be null");
            }
            into.add(readUnder(position, item, element));
            index++;
        }
        return into;
    }

    private static <T> T readUnder(String field, Object raw, Reader<T> reader) {
        try {
            return reader.read(raw);
        } catch (ValidationException e) {
            throw e.under(field);
        }
    }

    private static long integral(Object raw, long min, long max) {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            long value = ((Number) raw).longValue();
            if (value < min || value > max) {
                throw new ValidationException("", "the number " + value + " is out of range [" + min + ", " + max
                        + "]");
            }
            return value;
        }
        if (raw instanceof Number number) {
            BigDecimal decimal = new BigDecimal(number.toString());
            try {
                long value = decimal.longValueExact();
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (ArithmeticException e) {
                throw new ValidationException("", "expected a whole number in [" + min + ", " + max + "], got "
                        + number);
            }
            throw new ValidationException("", "the number " + number + " is out of range [" + min + ", " + max
                    + "]");
        }
        throw wrongType("a whole number", raw);
    }

    private static ValidationException wrongType(String expected, Object raw) {
        String actual = raw instanceof String ? "a string" : raw instanceof Number ? "a number"
                : raw instanceof Boolean ? "a boolean" : raw instanceof JsonArray || raw instanceof List ? "an array"
                : raw instanceof JsonObject || raw instanceof Map ? "an object" : "an unsupported value";
        return new ValidationException("", "expected " + expected + ", got " + actual);
    }

    private static String clip(Object raw) {
        String text = String.valueOf(raw);
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}

package io.whizbang.codec;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

/**
 * Writers of Java values as JSON values that generated codecs compose.
 */
public final class JsonWrite {
    /** Writes one Java value (never {@code null}) as a JSON value. */
    @FunctionalInterface
    public interface Writer<T> {
        /** A value a {@link JsonObject} holds: string, number, boolean, object or array. */
        Object write(T value);
    }

    /** Strings, numbers and booleans are JSON values as they are. */
    public static final Writer<Object> AS_IS = value -> value;
    /** UUIDs, instants, dates, characters and big integers are written as their canonical strings. */
    public static final Writer<Object> AS_STRING = Object::toString;
    /** Enums are written as their names. */
    public static final Writer<Enum<?>> ENUM = Enum::name;

    private JsonWrite() {
    }

    /** A nested record, written by its codec's encode method. */
    public static <T> Writer<T> record(Function<T, JsonObject> encode) {
        return encode::apply;
    }

    /** A list or set as an array. */
    public static <T> Writer<Collection<T>> collection(Writer<? super T> element) {
        return values -> {
            JsonArray array = new JsonArray();
            for (T value : values) {
                array.add(element.write(value));
            }
            return array;
        };
    }

    /** A map from names to values as an object. */
    public static <T> Writer<Map<String, T>> map(Writer<? super T> value) {
        return values -> {
            JsonObject object = new JsonObject();
            values.forEach((key, item) -> object.put(key, value.write(item)));
            return object;
        };
    }
}

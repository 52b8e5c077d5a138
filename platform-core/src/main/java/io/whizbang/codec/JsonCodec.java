package io.whizbang.codec;

import io.vertx.core.json.JsonObject;

/**
 * Turns one record type into JSON and back; the annotation processor writes one for every message and read-model
 * record, so no reflection is needed at run time.
 *
 * <p>{@link #decode} rejects missing, null or mistyped fields with a {@link io.whizbang.error.ValidationException}
 * naming the field.
 *
 * @param <T> the record type
 */
public interface JsonCodec<T> {
    /** The Java type this codec handles. */
    Class<T> javaType();

    /** The JSON form of the value. */
    JsonObject encode(T value);

    /** The value the JSON stands for; throws {@code ValidationException} for malformed input. */
    T decode(JsonObject json);
}

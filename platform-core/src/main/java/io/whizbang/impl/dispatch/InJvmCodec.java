package io.whizbang.impl.dispatch;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;

import java.util.function.Function;

/**
 * Carries an immutable object on the event bus: handed over as it is to a consumer in the same JVM, with no copy and
 * no JSON, and as length-prefixed JSON to a consumer on another node of a cluster.
 *
 * @param <T> the type carried; its instances must not change once sent
 */
final class InJvmCodec<T> implements MessageCodec<T, T> {
    private final String name;
    private final Function<T, JsonObject> toJson;
    private final Function<JsonObject, T> fromJson;

    InJvmCodec(String name, Function<T, JsonObject> toJson, Function<JsonObject, T> fromJson) {
        this.name = name;
        this.toJson = toJson;
        this.fromJson = fromJson;
    }

    @Override
    public void encodeToWire(Buffer buffer, T value) {
        Buffer json = toJson.apply(value).toBuffer();
        buffer.appendInt(json.length()).appendBuffer(json);
    }

    @Override
    public T decodeFromWire(int position, Buffer buffer) {
        int length = buffer.getInt(position);
        return fromJson.apply(new JsonObject(buffer.getBuffer(position + 4, position + 4 + length)));
    }

    @Override
    public T transform(T value) {
        return value;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public byte systemCodecID() {
        return -1;
    }
}

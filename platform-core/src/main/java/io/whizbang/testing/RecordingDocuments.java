package io.whizbang.testing;

import io.vertx.core.json.JsonObject;
import io.whizbang.codec.JsonCodec;
import io.whizbang.handler.Documents;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Documents held as JSON through the model's generated codec, changed at once: what fixtures hand to
 * perspectives.
 */
final class RecordingDocuments<M> implements Documents<M> {
    private final JsonCodec<M> codec;
    private final Map<String, JsonObject> stored = new TreeMap<>();

    RecordingDocuments(JsonCodec<M> codec) {
        this.codec = codec;
    }

    @Override
    public void put(String key, M document) {
        stored.put(key, codec.encode(document));
    }

    @Override
    public void update(String key, UnaryOperator<M> change) {
        M current = get(key);
        if (current != null) {
            put(key, change.apply(current));
        }
    }

    @Override
    public void upsert(String key, Supplier<M> initial, UnaryOperator<M> change) {
        M current = get(key);
        put(key, change.apply(current == null ? initial.get() : current));
    }

    @Override
    public void delete(String key) {
        stored.remove(key);
    }

    M get(String key) {
        JsonObject json = stored.get(key);
        return json == null ? null : codec.decode(json);
    }

    Map<String, JsonObject> all() {
        return stored;
    }
}

package io.whizbang.processor;

import io.whizbang.handler.Documents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Documents kept in a map, recording which operations a perspective called.
 *
 * @param <M> the model type
 */
final class RecordingDocuments<M> implements Documents<M> {
    final Map<String, M> stored = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();

    @Override
    public void put(String key, M document) {
        calls.add("put " + key);
        stored.put(key, document);
    }

    @Override
    public void update(String key, UnaryOperator<M> change) {
        calls.add("update " + key);
        stored.computeIfPresent(key, (ignored, document) -> change.apply(document));
    }

    @Override
    public void upsert(String key, Supplier<M> initial, UnaryOperator<M> change) {
        calls.add("upsert " + key);
        stored.put(key, change.apply(stored.containsKey(key) ? stored.get(key) : initial.get()));
    }

    @Override
    public void delete(String key) {
        calls.add("delete " + key);
        stored.remove(key);
    }
}

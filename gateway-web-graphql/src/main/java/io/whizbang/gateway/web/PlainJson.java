package io.whizbang.gateway.web;

import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * Turns a GraphQL input value (the maps and lists graphql-java coerced the arguments into) into JSON for a generated
 * codec to read, so that the codec's rules name the field at fault.
 */
final class PlainJson {
    private PlainJson() {
    }

    /** A GraphQL input value as JSON for a codec to read. */
    @SuppressWarnings("unchecked")
    static JsonObject json(Map<String, ?> input) {
        return new JsonObject((Map<String, Object>) input);
    }
}

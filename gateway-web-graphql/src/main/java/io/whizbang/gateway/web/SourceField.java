package io.whizbang.gateway.web;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The data fetcher of plain fields: the value of a key of the parent, which is the JSON a generated codec wrote or a
 * map a fetcher built. A {@link LightDataFetcher}, so graphql-java builds no environment for it.
 */
final class SourceField implements LightDataFetcher<Object> {
    /** Reads the key named like the field. */
    static final SourceField OWN_NAME = new SourceField(null);

    private final String key;

    private SourceField(String key) {
        this.key = key;
    }

    /** Reads the given key, for a field named otherwise ({@code id} reads {@code orderId}). */
    static SourceField named(String key) {
        return new SourceField(key);
    }

    /** The value of the key in the JSON or map, or null. */
    static Object read(Object source, String key) {
        if (source instanceof JsonObject json) {
            return json.getValue(key);
        }
        return source instanceof Map<?, ?> map ? map.get(key) : null;
    }

    @Override
    public Object get(GraphQLFieldDefinition field, Object source, Supplier<DataFetchingEnvironment> environment) {
        return read(source, key == null ? field.getName() : key);
    }

    @Override
    public Object get(DataFetchingEnvironment environment) {
        return read(environment.getSource(), key == null ? environment.getFieldDefinition().getName() : key);
    }
}

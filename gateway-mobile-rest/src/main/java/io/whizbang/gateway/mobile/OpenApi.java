package io.whizbang.gateway.mobile;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Small builders of OpenAPI 3.0 objects, so that the hand-written document reads like the API it describes.
 */
final class OpenApi {
    /** The header that carries the correlation id. */
    static final String CORRELATION_HEADER = "X-Correlation-Id";

    private OpenApi() {
    }

    /** A reference to a schema of the components. */
    static JsonObject schemaRef(String name) {
        return new JsonObject().put("$ref", "#/components/schemas/" + name);
    }

    /** A reference to a response of the components. */
    static JsonObject responseRef(String name) {
        return new JsonObject().put("$ref", "#/components/responses/" + name);
    }

    /** A string schema with a format, or none when {@code null}. */
    static JsonObject string(String format, String description) {
        JsonObject schema = new JsonObject().put("type", "string").put("description", description);
        return format == null ? schema : schema.put("format", format);
    }

    /** A string schema of a bounded length. */
    static JsonObject string(int minLength, int maxLength, String description) {
        return string(null, description).put("minLength", minLength).put("maxLength", maxLength);
    }

    /** An integer schema between two bounds. */
    static JsonObject integer(String format, long minimum, long maximum, String description) {
        return new JsonObject().put("type", "integer").put("format", format).put("minimum", minimum)
                .put("maximum", maximum).put("description", description);
    }

    /** An integer schema without bounds. */
    static JsonObject integer(String format, String description) {
        return new JsonObject().put("type", "integer").put("format", format).put("description", description);
    }

    /** An amount of money: a number at least 0 with at most two decimals. */
    static JsonObject money(String description) {
        return new JsonObject().put("type", "number").put("minimum", 0).put("multipleOf", 0.01)
                .put("description", description);
    }

    /** A string schema limited to the names. */
    static JsonObject enumeration(String description, Object... names) {
        return string(null, description).put("enum", new JsonArray(java.util.List.of(names)));
    }

    /** An array schema of the items. */
    static JsonObject array(JsonObject items, String description) {
        return new JsonObject().put("type", "array").put("items", items).put("description", description);
    }

    /** An object schema with its properties and the names of those required. */
    static JsonObject object(String description, JsonObject properties, String... required) {
        JsonObject schema = new JsonObject().put("type", "object").put("description", description)
                .put("properties", properties);
        return required.length == 0 ? schema : schema.put("required", new JsonArray(java.util.List.of(required)));
    }

    /** A content map of one media type with its schema. */
    static JsonObject content(String mediaType, JsonObject schema) {
        return new JsonObject().put(mediaType, new JsonObject().put("schema", schema));
    }

    /** A parameter ({@code in}: path, query or header). */
    static JsonObject parameter(String name, String in, boolean required, JsonObject schema, String description) {
        return new JsonObject().put("name", name).put("in", in).put("required", required)
                .put("description", description).put("schema", schema);
    }

    /** A response with a description and headers, and a body when {@code content} is not {@code null}. */
    static JsonObject response(String description, JsonObject content, JsonObject headers) {
        JsonObject response = new JsonObject().put("description", description).put("headers", headers
                .copy().put(CORRELATION_HEADER, new JsonObject().put("$ref", "#/components/headers/CorrelationId")));
        return content == null ? response : response.put("content", content);
    }

    /** A JSON request body. */
    static JsonObject jsonBody(String schemaName, boolean required, String description) {
        return new JsonObject().put("required", required).put("description", description)
                .put("content", content("application/json", schemaRef(schemaName)));
    }
}

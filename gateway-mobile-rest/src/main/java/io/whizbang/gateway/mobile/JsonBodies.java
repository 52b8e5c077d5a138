package io.whizbang.gateway.mobile;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.whizbang.error.PermanentException;

import java.util.Locale;

/**
 * Request bodies as JSON objects: a body must come as {@code application/json} (or another {@code +json} type),
 * else {@code 415}; it must be one well-formed JSON object, else {@code 400}.
 */
final class JsonBodies {
    private JsonBodies() {
    }

    /** The body, which the request must have. */
    static JsonObject required(RoutingContext ctx) {
        requireJsonType(ctx);
        Buffer body = RequestBodies.of(ctx);
        if (body.length() == 0) {
            throw PermanentException.invalid("the request needs a JSON object body");
        }
        return parse(body);
    }

    /** The body, or an empty object when the request has none (commands whose path says everything). */
    static JsonObject optional(RoutingContext ctx) {
        Buffer body = RequestBodies.of(ctx);
        if (body.length() == 0) {
            return new JsonObject();
        }
        requireJsonType(ctx);
        return parse(body);
    }

    private static void requireJsonType(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (type == null || !isJson(type)) {
            throw new HttpException(415, "the request body must be JSON: send Content-Type: application/json"
                    + (type == null ? "" : ", not " + clip(type)));
        }
    }

    private static boolean isJson(String contentType) {
        String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || (media.startsWith("application/") && media.endsWith("+json"));
    }

    private static JsonObject parse(Buffer body) {
        Object value;
        try {
            value = Json.decodeValue(body);
        } catch (DecodeException malformed) {
            throw PermanentException.invalid("the request body is not well-formed JSON");
        }
        if (value instanceof JsonObject object) {
            return object;
        }
        String kind = value == null ? "null" : value instanceof JsonArray ? "an array" : "a single value";
        throw PermanentException.invalid("the request body must be a JSON object, was " + kind);
    }

    private static String clip(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "...";
    }
}

package io.whizbang.control;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.whizbang.error.PermanentException;

/**
 * Reads and checks request parameters and bodies, and writes JSON answers; every bad value is
 * {@code INVALID_ARGUMENT} naming the parameter.
 */
final class Requests {
    private Requests() {
    }

    /** The JSON body, or an empty object when there is none. */
    static JsonObject body(RoutingContext ctx) {
        String text = ctx.body() == null ? null : ctx.body().asString();
        if (text == null || text.isBlank()) {
            return new JsonObject();
        }
        try {
            return new JsonObject(text);
        } catch (RuntimeException e) {
            throw PermanentException.invalid("the body must be a JSON object");
        }
    }

    /** A whole-number query parameter within bounds, or the fallback when absent. */
    static long longParam(RoutingContext ctx, String name, long fallback, long min, long max) {
        String value = ctx.queryParams().get(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed < min || parsed > max) {
                throw PermanentException.invalid(name + " must be " + min + "-" + max + ", was " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw PermanentException.invalid(name + " must be a whole number, was \"" + value + "\"");
        }
    }

    /** A text query parameter, or {@code null}; longer than the maximum is refused. */
    static String textParam(RoutingContext ctx, String name, int maxLength) {
        String value = ctx.queryParams().get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw PermanentException.invalid(name + " must be at most " + maxLength + " characters");
        }
        return value.trim();
    }

    /** Answers 200 with the JSON once the future succeeds, or fails the request with its error. */
    static <T> void answer(RoutingContext ctx, Future<T> future, java.util.function.Function<T, Object> toJson) {
        future.onSuccess(value -> json(ctx, 200, toJson.apply(value))).onFailure(ctx::fail);
    }

    /** Answers with the JSON and the status. */
    static void json(RoutingContext ctx, int status, Object json) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        String body = json instanceof JsonObject object ? object.encode()
                : json instanceof io.vertx.core.json.JsonArray array ? array.encode() : String.valueOf(json);
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store").end(body);
    }

    /** A whole-number path parameter of 1 or more. */
    static long pathLong(RoutingContext ctx, String name) {
        String value = ctx.pathParam(name);
        try {
            long parsed = Long.parseLong(value);
            if (parsed < 1) {
                throw PermanentException.invalid(name + " must be 1 or more, was " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw PermanentException.invalid(name + " must be a whole number, was \"" + value + "\"");
        }
    }
}

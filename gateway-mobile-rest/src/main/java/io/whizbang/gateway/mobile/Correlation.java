package io.whizbang.gateway.mobile;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.whizbang.http.CorrelationIds;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The correlation id a request runs under: taken from {@code X-Correlation-Id} when the caller sends a usable one,
 * else new; set on the response before anything else runs, so every answer, errors included, returns it.
 *
 * <p>Envelopes carry correlation ids as UUIDs. A caller's id that is a UUID is used as it is; any other id (such as
 * {@code journey-42}) stands for the name-based UUID of its text, so the same caller id always maps to the same
 * envelope correlation id while the response still echoes the caller's own text.
 */
final class Correlation implements Handler<RoutingContext> {
    private static final String KEY = "whizbang.correlationId";
    private static final String NAMESPACE = "whizbang-correlation:";

    @Override
    public void handle(RoutingContext ctx) {
        String id = CorrelationIds.of(ctx.request());
        ctx.put(KEY, id);
        ctx.response().putHeader(CorrelationIds.HEADER, id);
        ctx.next();
    }

    /** The correlation id of the request, as the response shows it. */
    static String idOf(RoutingContext ctx) {
        String id = ctx.get(KEY);
        if (id == null) {
            id = CorrelationIds.of(ctx.request());
            ctx.put(KEY, id);
            if (!ctx.response().headWritten()) {
                ctx.response().putHeader(CorrelationIds.HEADER, id);
            }
        }
        return id;
    }

    /** The envelope correlation id that a correlation id stands for. */
    static UUID uuidOf(String id) {
        if (id.length() == 36) {
            try {
                return UUID.fromString(id);
            } catch (IllegalArgumentException notAUuid) {
                // falls through to the name-based id
            }
        }
        return UUID.nameUUIDFromBytes((NAMESPACE + id).getBytes(StandardCharsets.UTF_8));
    }
}

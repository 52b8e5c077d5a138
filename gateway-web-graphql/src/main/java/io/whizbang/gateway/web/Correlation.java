package io.whizbang.gateway.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.whizbang.http.CorrelationIds;
import io.whizbang.message.MessageIds;

import java.util.regex.Pattern;

/**
 * The correlation id every HTTP request runs under: the caller's {@code X-Correlation-Id} when usable, else new; set
 * on the response before any other route runs, so that every answer, errors included, returns it.
 */
final class Correlation implements Handler<RoutingContext> {
    private static final String KEY = "whizbang.correlationId";
    /** What a caller's id may look like, as {@link CorrelationIds} accepts it over HTTP. */
    private static final Pattern USABLE = Pattern.compile("[\\x21-\\x7E]{1,128}");

    @Override
    public void handle(RoutingContext rc) {
        String id = CorrelationIds.of(rc.request());
        rc.put(KEY, id);
        rc.response().putHeader(CorrelationIds.HEADER, id);
        rc.next();
    }

    /** The correlation id of the request. */
    static String idOf(RoutingContext rc) {
        String id = rc.get(KEY);
        return id != null ? id : CorrelationIds.of(rc.request());
    }

    /** The given id when it is usable as a correlation id, else a new one. */
    static String usableOrNew(String given) {
        return given != null && USABLE.matcher(given).matches() ? given : MessageIds.next().toString();
    }

    /** Whether the given text is usable as a correlation id. */
    static boolean usable(String given) {
        return given != null && USABLE.matcher(given).matches();
    }
}

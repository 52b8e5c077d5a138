package io.whizbang.http;

import io.vertx.core.http.HttpServerRequest;
import io.whizbang.message.MessageIds;

import java.util.regex.Pattern;

/**
 * The correlation id an HTTP request runs under: the one it carries in {@value #HEADER}, or a new one.
 */
public final class CorrelationIds {
    /** The header that carries the correlation id, in requests and in every response. */
    public static final String HEADER = "X-Correlation-Id";

    /** What a caller's id may look like: a UUID, or any short token of visible ASCII characters. */
    private static final Pattern USABLE = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private CorrelationIds() {
    }

    /** The request's correlation id when it carries a usable one, else a new UUID. */
    public static String of(HttpServerRequest request) {
        String given = request.getHeader(HEADER);
        return given != null && USABLE.matcher(given).matches() ? given : MessageIds.next().toString();
    }
}

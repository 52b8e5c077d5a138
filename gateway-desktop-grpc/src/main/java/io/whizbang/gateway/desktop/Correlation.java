package io.whizbang.gateway.desktop;

import io.vertx.core.MultiMap;
import io.whizbang.message.MessageIds;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id a gRPC call runs under: the one its {@value #METADATA} metadata carries, or a new one.
 *
 * <p>The id is echoed as the caller sent it. Envelopes carry a UUID, so a caller's id that is not a UUID (any short
 * token of visible ASCII, as the HTTP gateways accept) runs under the name-based UUID of its text: the same token
 * always names the same journey.
 *
 * @param text the id as the caller sees it
 * @param uuid the id envelopes carry
 */
record Correlation(String text, UUID uuid) {
    /** The metadata key that carries the correlation id, in requests and in every response's headers. */
    static final String METADATA = "x-correlation-id";

    private static final Pattern USABLE = Pattern.compile("[\\x21-\\x7E]{1,128}");
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The correlation of a call with the given request metadata. */
    static Correlation of(MultiMap metadata) {
        String given = metadata.get(METADATA);
        if (given == null || !USABLE.matcher(given).matches()) {
            UUID fresh = MessageIds.next();
            return new Correlation(fresh.toString(), fresh);
        }
        if (UUID_TEXT.matcher(given).matches()) {
            return new Correlation(given, UUID.fromString(given));
        }
        return new Correlation(given, UUID.nameUUIDFromBytes(given.getBytes(StandardCharsets.US_ASCII)));
    }
}

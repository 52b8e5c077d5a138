package io.whizbang.gateway.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.whizbang.security.Principal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The bearer tokens a gateway instance verified recently, by their exact text, so that a client sending the same
 * token again skips the signature check and the claim parsing.
 *
 * <p>A token is kept for at most the cache period and never past its own {@code exp} plus the verifier's leeway —
 * the instant the verifier itself would start refusing it; other text (another signature) is a miss and is verified.
 * Refusals are never kept. The least recently used token goes first when the cache is full.
 */
final class TokenCache {
    private final Function<String, Future<Principal>> verifier;
    private final int capacity;
    private final long periodMillis;
    private final long leewayMillis;
    private final Clock clock;
    private final Map<String, Kept> kept;

    private record Kept(Future<Principal> principal, long untilMillis) {
    }

    /**
     * A cache in front of a verifier.
     *
     * @param verifier     verifies an {@code Authorization} header value, as {@code TokenVerifier.verifyHeader}
     * @param capacity     how many tokens to keep; 0 keeps none
     * @param periodMillis the longest a token is kept; 0 keeps none
     * @param leewayMillis the clock skew the verifier tolerates past a token's {@code exp}
     * @param clock        the clock the period and the expiry are measured with
     */
    TokenCache(Function<String, Future<Principal>> verifier, int capacity, long periodMillis, long leewayMillis,
               Clock clock) {
        this.verifier = verifier;
        this.capacity = capacity;
        this.periodMillis = periodMillis;
        this.leewayMillis = leewayMillis;
        this.clock = clock;
        this.kept = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
                return size() > TokenCache.this.capacity;
            }
        };
    }

    /** The principal of an {@code Authorization} header value, kept or verified now. */
    Future<Principal> verifyHeader(String authorization) {
        if (authorization == null || capacity == 0 || periodMillis == 0) {
            return verifier.apply(authorization);
        }
        long now = clock.millis();
        Kept known = get(authorization);
        if (known != null && now < known.untilMillis()) {
            return known.principal();
        }
        return verifier.apply(authorization).onSuccess(principal -> {
            long until = Math.min(now + periodMillis, expiryMillis(authorization));
            if (until > now) {
                put(authorization, new Kept(Future.succeededFuture(principal), until));
            }
        });
    }

    /** When the verifier starts refusing the token: its {@code exp} plus the leeway, or never without one. */
    private long expiryMillis(String authorization) {
        try {
            String[] parts = authorization.substring(authorization.indexOf(' ') + 1).trim().split("\\.");
            JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]),
                    StandardCharsets.UTF_8));
            Long exp = claims.getLong("exp");
            return exp == null ? Long.MAX_VALUE : exp * 1000 + leewayMillis;
        } catch (RuntimeException unreadable) {
            // verified, but its claims do not read here: keep nothing
            return Long.MIN_VALUE;
        }
    }

    private synchronized Kept get(String authorization) {
        return kept.get(authorization);
    }

    private synchronized void put(String authorization, Kept entry) {
        kept.put(authorization, entry);
    }
}

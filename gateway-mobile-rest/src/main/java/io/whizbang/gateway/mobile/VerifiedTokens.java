package io.whizbang.gateway.mobile;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.whizbang.security.Principal;
import io.whizbang.security.TokenVerifier;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The bearer tokens one event loop verified recently, by their exact text, so that a client sending the same token
 * again skips the signature check and the claim parsing.
 *
 * <p>A token is remembered for at most the cache period and never past its own {@code exp} plus the verifier's
 * leeway, the instant the verifier itself would start refusing it; a different text (another signature) is a miss
 * and is verified. Least recently used tokens go first when the cache is full. Not thread-safe: each gateway
 * instance, one per event loop, has its own.
 */
final class VerifiedTokens {
    private final Function<String, Future<Principal>> verifier;
    private final long periodMillis;
    private final long leewayMillis;
    private final Clock clock;
    private final Map<String, Remembered> remembered;

    private record Remembered(Principal principal, long untilMillis) {
    }

    /**
     * A cache in front of a verifier.
     *
     * @param verifier     verifies an {@code Authorization} header value, as {@link TokenVerifier#verifyHeader}
     * @param maxTokens    how many tokens to remember
     * @param periodMillis the longest a token is remembered; 0 remembers none
     * @param leewayMillis the clock skew the verifier tolerates past a token's {@code exp}
     * @param clock        the clock the period is measured with
     */
    VerifiedTokens(Function<String, Future<Principal>> verifier, int maxTokens, long periodMillis, long leewayMillis,
                   Clock clock) {
        this.verifier = verifier;
        this.periodMillis = periodMillis;
        this.leewayMillis = leewayMillis;
        this.clock = clock;
        this.remembered = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
                return size() > maxTokens;
            }
        };
    }

    /** The principal of an {@code Authorization} header value, from the cache or verified now. */
    Future<Principal> verifyHeader(String authorization) {
        if (authorization == null || periodMillis == 0) {
            return verifier.apply(authorization);
        }
        long now = clock.millis();
        Remembered known = remembered.get(authorization);
        if (known != null) {
            if (now < known.untilMillis()) {
                return Future.succeededFuture(known.principal());
            }
            remembered.remove(authorization);
        }
        return verifier.apply(authorization).onSuccess(principal -> {
            long until = Math.min(now + periodMillis, expiryMillis(authorization));
            if (until > now) {
                remembered.put(authorization, new Remembered(principal, until));
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
            // verified but unreadable here: do not remember it
            return Long.MIN_VALUE;
        }
    }
}

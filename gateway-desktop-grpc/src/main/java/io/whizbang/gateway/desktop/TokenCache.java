package io.whizbang.gateway.desktop;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.whizbang.security.Principal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers the principals of bearer tokens already verified, until the tokens' own expiry, so that a desktop client
 * calling many times with one token pays for the signature check once.
 *
 * <p>Only a token the verifier accepted is remembered, keyed by its exact text, and only while the clock is before
 * its {@code exp}; after that the verifier decides again (and refuses it). A token without {@code exp} is never
 * remembered. The cache is bounded: when full it is emptied, which costs one verification per token in use.
 */
final class TokenCache {
    private static final String BEARER = "Bearer ";

    private final Function<String, Future<Principal>> verifier;
    private final Clock clock;
    private final int maxTokens;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    /**
     * A cache in front of a verifier of {@code Authorization} values.
     *
     * @param verifier  what verifies an {@code Authorization} value the cache does not know
     * @param clock     the clock that ends remembered tokens at their expiry
     * @param maxTokens how many tokens to remember at most; 0 remembers none
     */
    TokenCache(Function<String, Future<Principal>> verifier, Clock clock, int maxTokens) {
        this.verifier = verifier;
        this.clock = clock;
        this.maxTokens = maxTokens;
    }

    private record Verified(Principal principal, long expiresAtSecond) {
    }

    /** The principal of an {@code Authorization} value: remembered, or verified and then remembered. */
    Future<Principal> verifyHeader(String authorization) {
        if (maxTokens == 0 || authorization == null || !authorization.startsWith(BEARER)) {
            return verifier.apply(authorization);
        }
        Verified known = verified.get(authorization);
        if (known != null && clock.instant().getEpochSecond() < known.expiresAtSecond()) {
            return Future.succeededFuture(known.principal());
        }
        return verifier.apply(authorization).onSuccess(principal -> remember(authorization, principal));
    }

    /** How many tokens are remembered now. */
    int size() {
        return verified.size();
    }

    private void remember(String authorization, Principal principal) {
        long expiresAt = expiryOf(authorization.substring(BEARER.length()).trim());
        if (expiresAt <= clock.instant().getEpochSecond()) {
            verified.remove(authorization);
            return;
        }
        if (verified.size() >= maxTokens) {
            verified.clear();
        }
        verified.put(authorization, new Verified(principal, expiresAt));
    }

    /** The {@code exp} of an accepted token, or 0 when it has none. */
    private static long expiryOf(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return 0;
        }
        try {
            JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]),
                    StandardCharsets.UTF_8));
            return claims.getValue("exp") instanceof Number exp ? exp.longValue() : 0;
        } catch (RuntimeException unreadable) {
            return 0;
        }
    }
}

package io.whizbang.security;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Mints development tokens: JWTs signed with HS256 by the {@link DevelopmentKey} of a data directory.
 *
 * <p>A token carries the claims the gateways read: {@code sub} (the subject), {@code tenant}, {@code scopes} (a JSON
 * array), {@code scope} (the same scopes space-separated, for OAuth tooling), {@code iat} and {@code exp} (seconds
 * since the epoch) and {@code iss} = {@value #ISSUER}.
 */
public final class DevelopmentTokens {
    /** The issuer of every development token. */
    public static final String ISSUER = "whizbang-dev";
    /** The JCA name of the HS256 MAC. */
    static final String HMAC_SHA256 = "HmacSHA256";

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = new JsonObject().put("alg", "HS256").put("typ", "JWT").encode();

    private DevelopmentTokens() {
    }

    /**
     * A signed token for the principal, valid from the clock's now for the time to live.
     *
     * @throws IllegalArgumentException when the time to live is zero or negative
     */
    public static String mint(Principal principal, Duration ttl, DevelopmentKey key, Clock clock) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(clock, "clock");
        if (ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("the token's time to live must be positive, was " + ttl);
        }
        long issuedAt = clock.instant().getEpochSecond();
        TreeSet<String> scopes = new TreeSet<>(principal.scopes());
        JsonObject claims = new JsonObject()
                .put("iss", ISSUER)
                .put("sub", principal.subject())
                .put("tenant", principal.tenant())
                .put("scopes", new JsonArray(scopes.stream().map(scope -> (Object) scope).toList()))
                .put("scope", String.join(" ", scopes))
                .put("iat", issuedAt)
                .put("exp", issuedAt + ttl.toSeconds());
        String signingInput = encode(HEADER) + "." + encode(claims.encode());
        return signingInput + "." + BASE64URL.encodeToString(sign(signingInput, key));
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sign(String signingInput, DevelopmentKey key) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(key.secret(), HMAC_SHA256));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            // every Java SE runtime must provide HmacSHA256
            throw new IllegalStateException("this JVM cannot compute " + HMAC_SHA256, e);
        }
    }
}

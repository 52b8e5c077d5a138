package io.whizbang.security;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * How bearer tokens are verified: an HS256 secret (the development key), JSON Web Keys from configuration, or
 * both; optionally the issuer and audience a token must name.
 */
public class TokenVerifierOptions {
    /** Default clock skew tolerated on {@code exp} and {@code iat}, in seconds. */
    public static final int DEFAULT_LEEWAY_SECONDS = 30;

    private byte[] hmacSecret;
    private final List<JsonObject> jwks = new ArrayList<>();
    private String issuer;
    private String audience;
    private int leewaySeconds = DEFAULT_LEEWAY_SECONDS;

    public TokenVerifierOptions() {
    }

    /**
     * Options from JSON: {@code hmacSecret} (base64url), {@code jwks} (an array of JWK objects), {@code issuer},
     * {@code audience}, {@code leewaySeconds}.
     */
    public TokenVerifierOptions(JsonObject json) {
        String secret = json.getString("hmacSecret");
        if (secret != null) {
            setHmacSecret(Base64.getUrlDecoder().decode(secret));
        }
        json.getJsonArray("jwks", new JsonArray()).forEach(jwk -> addJwk((JsonObject) jwk));
        setIssuer(json.getString("issuer"));
        setAudience(json.getString("audience"));
        setLeewaySeconds(json.getInteger("leewaySeconds", DEFAULT_LEEWAY_SECONDS));
    }

    /** Options that accept the tokens the development key signs, as {@code whizbang token} mints them. */
    public static TokenVerifierOptions development(DevelopmentKey key) {
        return new TokenVerifierOptions().setHmacSecret(key.secret()).setIssuer(DevelopmentTokens.ISSUER);
    }

    public byte[] getHmacSecret() {
        return hmacSecret == null ? null : hmacSecret.clone();
    }

    /** Sets the HS256 secret; at least 32 bytes. */
    public TokenVerifierOptions setHmacSecret(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < 32) {
            throw new IllegalArgumentException("an HS256 secret needs at least 32 bytes, got " + secret.length);
        }
        this.hmacSecret = secret.clone();
        return this;
    }

    public List<JsonObject> getJwks() {
        return List.copyOf(jwks);
    }

    /** Adds a JSON Web Key (RSA, EC or oct) that may have signed a token. */
    public TokenVerifierOptions addJwk(JsonObject jwk) {
        Objects.requireNonNull(jwk, "jwk");
        if (!jwk.containsKey("kty")) {
            throw new IllegalArgumentException("a JSON Web Key needs a kty");
        }
        jwks.add(jwk.copy());
        return this;
    }

    public String getIssuer() {
        return issuer;
    }

    /** Sets the issuer a token must name, or null for any. */
    public TokenVerifierOptions setIssuer(String issuer) {
        this.issuer = issuer;
        return this;
    }

    public String getAudience() {
        return audience;
    }

    /** Sets the audience a token must name, or null for any. */
    public TokenVerifierOptions setAudience(String audience) {
        this.audience = audience;
        return this;
    }

    public int getLeewaySeconds() {
        return leewaySeconds;
    }

    /** Sets the clock skew tolerated, 0 to 300 seconds. */
    public TokenVerifierOptions setLeewaySeconds(int leewaySeconds) {
        if (leewaySeconds < 0 || leewaySeconds > 300) {
            throw new IllegalArgumentException("leewaySeconds must be 0-300, was " + leewaySeconds);
        }
        this.leewaySeconds = leewaySeconds;
        return this;
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("jwks", new JsonArray(new ArrayList<>(jwks)))
                .put("leewaySeconds", leewaySeconds);
        if (hmacSecret != null) {
            json.put("hmacSecret", Base64.getUrlEncoder().withoutPadding().encodeToString(hmacSecret));
        }
        if (issuer != null) {
            json.put("issuer", issuer);
        }
        if (audience != null) {
            json.put("audience", audience);
        }
        return json;
    }
}

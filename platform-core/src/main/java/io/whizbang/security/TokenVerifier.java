package io.whizbang.security;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.PermanentException;

import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a bearer token into the {@link Principal} it stands for: signature, expiry, issuer and audience checked
 * (vertx-auth-jwt), then {@code sub}, {@code tenant} and the scopes ({@code scopes} array or space-separated
 * {@code scope}) read. Every refusal is {@code UNAUTHENTICATED} with a reason and never the token itself.
 */
public final class TokenVerifier {
    private static final String BEARER = "Bearer ";

    private final JWTAuth auth;

    private TokenVerifier(JWTAuth auth) {
        this.auth = auth;
    }

    /** A verifier with the options' keys. */
    public static TokenVerifier create(Vertx vertx, TokenVerifierOptions options) {
        JWTOptions jwt = new JWTOptions().setLeeway(options.getLeewaySeconds());
        if (options.getIssuer() != null) {
            jwt.setIssuer(options.getIssuer());
        }
        if (options.getAudience() != null) {
            jwt.setAudience(List.of(options.getAudience()));
        }
        JWTAuthOptions auth = new JWTAuthOptions().setJWTOptions(jwt);
        if (options.getHmacSecret() != null) {
            auth.addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256")
                    .setBuffer(io.vertx.core.buffer.Buffer.buffer(options.getHmacSecret())));
        }
        options.getJwks().forEach(auth::addJwk);
        if (options.getHmacSecret() == null && options.getJwks().isEmpty()) {
            throw new IllegalArgumentException("a token verifier needs an HS256 secret or at least one JWK");
        }
        return new TokenVerifier(JWTAuth.create(vertx, auth));
    }

    /** The principal of an {@code Authorization} header value ({@code Bearer <jwt>}). */
    public Future<Principal> verifyHeader(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Future.failedFuture(unauthenticated("no bearer token: send Authorization: Bearer <jwt>"));
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Future.failedFuture(unauthenticated("the Authorization header is not a Bearer token"));
        }
        return verify(authorization.substring(BEARER.length()).trim());
    }

    /** The principal of a bare JWT. */
    public Future<Principal> verify(String token) {
        if (token == null || token.isBlank()) {
            return Future.failedFuture(unauthenticated("no bearer token"));
        }
        return auth.authenticate(new TokenCredentials(token))
                .recover(failure -> Future.failedFuture(unauthenticated("the token is not valid: "
                        + reason(failure))))
                .compose(user -> principalOf(claims(user, token)));
    }

    private static JsonObject claims(User user, String token) {
        JsonObject accessToken = user.attributes() == null ? null : user.attributes().getJsonObject("accessToken");
        if (accessToken != null) {
            return accessToken;
        }
        String[] parts = token.split("\\.");
        return new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Future<Principal> principalOf(JsonObject claims) {
        String subject = claims.getString("sub");
        Object tenant = claims.getValue("tenant");
        if (subject == null || subject.isBlank()) {
            return Future.failedFuture(unauthenticated("the token has no subject (sub)"));
        }
        if (!(tenant instanceof String name) || name.isBlank()) {
            return Future.failedFuture(unauthenticated("the token has no tenant claim"));
        }
        Set<String> scopes = new HashSet<>();
        Object array = claims.getValue("scopes");
        if (array instanceof JsonArray list) {
            list.forEach(scope -> scopes.add(String.valueOf(scope)));
        }
        Object spaced = claims.getValue("scope");
        if (spaced instanceof String text && !text.isBlank()) {
            scopes.addAll(List.of(text.trim().split("\\s+")));
        }
        return Future.succeededFuture(new Principal(subject, name, scopes));
    }

    private static String reason(Throwable failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage().toLowerCase(java.util.Locale.ROOT);
        if (message.contains("expired")) {
            return "it has expired";
        }
        if (message.contains("signature")) {
            return "its signature does not match";
        }
        if (message.contains("iss")) {
            return "its issuer is not accepted";
        }
        if (message.contains("aud")) {
            return "its audience is not accepted";
        }
        return "it could not be verified";
    }

    private static PermanentException unauthenticated(String reason) {
        return new PermanentException(ErrorCode.UNAUTHENTICATED, reason, null);
    }
}

package io.whizbang.gateway.mobile;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.whizbang.security.Principal;

/**
 * Verifies the request's {@code Authorization: Bearer <jwt>} and keeps the principal it stands for on the routing
 * context; a missing, expired or forged token fails the request with {@code UNAUTHENTICATED}.
 *
 * <p>Scopes are not checked here: the dispatcher checks the scope each receptor and lens declares, so one rule
 * serves every gateway.
 */
final class Authentication implements Handler<RoutingContext> {
    private static final String KEY = "whizbang.principal";

    private final VerifiedTokens tokens;

    Authentication(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void handle(RoutingContext ctx) {
        tokens.verifyHeader(ctx.request().getHeader("Authorization")).onComplete(verified -> {
            if (verified.succeeded()) {
                ctx.put(KEY, verified.result());
                ctx.next();
            } else {
                ctx.fail(verified.cause());
            }
        });
    }

    /** The principal the request's token stands for; only after this handler ran. */
    static Principal principalOf(RoutingContext ctx) {
        Principal principal = ctx.get(KEY);
        if (principal == null) {
            throw new IllegalStateException("the route " + ctx.request().path() + " runs without authentication");
        }
        return principal;
    }
}

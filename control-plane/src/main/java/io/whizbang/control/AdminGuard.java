package io.whizbang.control;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.whizbang.error.PermanentException;
import io.whizbang.security.Principal;
import io.whizbang.security.TokenVerifier;

/**
 * Lets a request through only with a bearer token carrying {@value Principal#ADMIN_SCOPE}: no or a bad token is
 * {@code UNAUTHENTICATED} (401), a valid token without the scope {@code PERMISSION_DENIED} (403).
 */
final class AdminGuard implements Handler<RoutingContext> {
    private static final String KEY = "whizbang.principal";

    private final Verifier verifier;

    /** Turns an {@code Authorization} header into its principal, as {@link TokenVerifier#verifyHeader} does. */
    @FunctionalInterface
    interface Verifier {
        io.vertx.core.Future<Principal> verifyHeader(String authorization);
    }

    AdminGuard(Verifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public void handle(RoutingContext ctx) {
        verifier.verifyHeader(ctx.request().getHeader("Authorization")).onComplete(verified -> {
            if (verified.failed()) {
                ctx.fail(verified.cause());
            } else if (!verified.result().hasScope(Principal.ADMIN_SCOPE)) {
                ctx.fail(PermanentException.denied("the control plane needs a token with scope "
                        + Principal.ADMIN_SCOPE + "; " + verified.result().subject() + " has "
                        + verified.result().scopes()));
            } else {
                ctx.put(KEY, verified.result());
                ctx.next();
            }
        });
    }

    /** The administrator the request's token stands for. */
    static Principal principalOf(RoutingContext ctx) {
        Principal principal = ctx.get(KEY);
        if (principal == null) {
            throw new IllegalStateException("the route " + ctx.request().path() + " runs without the admin guard");
        }
        return principal;
    }
}

package io.whizbang.gateway.mobile;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.whizbang.health.HealthRoutes;
import io.whizbang.ledger.Ledger;
import io.whizbang.security.TokenVerifier;

import java.time.Clock;

/**
 * The mobile gateway's router: the correlation id first, request bodies up to the size limit, {@code /health},
 * {@code /ready}, {@code /openapi.json}, the {@code /api} routes behind bearer authentication, and one
 * {@link ProblemHandler} for every failure and every request no route serves.
 */
final class MobileRouter {
    /** The statuses routing itself can end a request with, all answered as problems. */
    private static final int[] ROUTING_STATUSES = {400, 401, 403, 404, 405, 406, 413, 415, 500};

    private MobileRouter() {
    }

    /** The router of a gateway reaching the sample through the backend and the ledger. */
    static Router create(Vertx vertx, MobileGatewayOptions options, Backend backend, Ledger ledger,
                         TokenVerifier verifier, HealthRoutes health) {
        Router router = Router.router(vertx);
        router.route().handler(new Correlation());
        router.route().handler(new RequestBodies(options.getBodyLimitBytes()));
        router.get(HealthRoutes.HEALTH_PATH).handler(ctx -> health.handle(ctx.request()));
        router.get(HealthRoutes.READY_PATH).handler(ctx -> health.handle(ctx.request()));
        OpenApiDocument.mount(router);

        Authentication authentication = new Authentication(new VerifiedTokens(verifier::verifyHeader,
                options.getTokenCacheSize(), options.getTokenCacheMillis(),
                options.getTokens().getLeewaySeconds() * 1000L, Clock.systemUTC()));
        new OrderRoutes(backend).mount(router, authentication);
        new OrderEventStream(vertx, backend, ledger).mount(router, authentication);
        new CustomerOrderRoutes(backend, options.getDefaultPageSize()).mount(router, authentication);
        new InventoryRoutes(backend).mount(router, authentication);
        new SalesRoutes(backend).mount(router, authentication);

        ProblemHandler problems = new ProblemHandler(AllowedMethods.of(router));
        router.route().failureHandler(problems);
        for (int status : ROUTING_STATUSES) {
            router.errorHandler(status, problems);
        }
        return router;
    }
}

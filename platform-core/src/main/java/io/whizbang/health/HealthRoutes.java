package io.whizbang.health;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * The health endpoints every HTTP-facing service answers: {@code GET /health} (the process is up) and
 * {@code GET /ready} (its dependencies answer, as the {@link ReadinessProbe} says).
 */
public final class HealthRoutes {
    /** The liveness path. */
    public static final String HEALTH_PATH = "/health";
    /** The readiness path. */
    public static final String READY_PATH = "/ready";

    private final ReadinessProbe probe;

    private HealthRoutes(ReadinessProbe probe) {
        this.probe = probe;
    }

    /** The routes, ready as the probe says. */
    public static HealthRoutes create(ReadinessProbe probe) {
        return new HealthRoutes(probe);
    }

    /**
     * Answers the request if it is one of the health endpoints.
     *
     * @return whether it was; {@code false} leaves the request unanswered for the caller's other routes
     */
    public boolean handle(HttpServerRequest request) {
        if (!HttpMethod.GET.equals(request.method())) {
            return false;
        }
        switch (request.path()) {
            case HEALTH_PATH -> answer(request.response(), 200, new JsonObject().put("status", "UP"));
            case READY_PATH -> probe.check()
                    .otherwise(failure -> Readiness.notReady("the readiness check failed: " + failure.getMessage()))
                    .onSuccess(readiness -> answer(request.response(), readiness.ready() ? 200 : 503,
                            readiness.toJson()));
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void answer(HttpServerResponse response, int status, JsonObject body) {
        response.setStatusCode(status).putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store").end(body.encode());
    }
}

package io.whizbang.health;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * A check of whether a service is ready; it never fails, it answers not ready with the reason.
 */
@FunctionalInterface
public interface ReadinessProbe {
    /**
     * A probe that is ready when something consumes the event-bus address: it sends an empty request, and any
     * answer, a failure answer included, proves a consumer. No consumer, or no answer within the timeout, is not
     * ready.
     */
    static ReadinessProbe eventBus(Vertx vertx, String address, long timeoutMillis) {
        return new EventBusProbe(vertx, address, timeoutMillis);
    }

    /** Whether the service is ready now. */
    Future<Readiness> check();
}

package io.whizbang.health;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;

/**
 * Ready when an event-bus address has a consumer that answers; see {@link ReadinessProbe#eventBus}.
 */
final class EventBusProbe implements ReadinessProbe {
    private final Vertx vertx;
    private final String address;
    private final long timeoutMillis;
    private final DeliveryOptions delivery;

    EventBusProbe(Vertx vertx, String address, long timeoutMillis) {
        this.vertx = vertx;
        this.address = address;
        this.timeoutMillis = timeoutMillis;
        this.delivery = new DeliveryOptions().setSendTimeout(timeoutMillis);
    }

    @Override
    public Future<Readiness> check() {
        return vertx.eventBus().request(address, new JsonObject(), delivery)
                .map(answer -> Readiness.READY)
                .otherwise(this::readinessAfter);
    }

    private Readiness readinessAfter(Throwable failure) {
        ReplyFailure type = failure instanceof ReplyException reply ? reply.failureType() : ReplyFailure.ERROR;
        return switch (type) {
            case RECIPIENT_FAILURE -> Readiness.READY;
            case NO_HANDLERS -> Readiness.notReady("nothing consumes " + address + " on the event bus");
            case TIMEOUT -> Readiness.notReady("no answer from " + address + " within " + timeoutMillis + " ms");
            case ERROR -> Readiness.notReady("the event bus could not reach " + address + ": "
                    + failure.getMessage());
        };
    }
}

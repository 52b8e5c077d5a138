package io.whizbang.impl.dispatch;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;

import java.util.UUID;

/**
 * Where the dispatcher's answer to one command or query goes: back to the request's reply handler, or to the reply
 * channel of the remote dispatcher that sent a {@link BusCodecs.Call}.
 */
public interface Answers {
    /** Answers with the body, carried with the codec the options name when it goes back to a request. */
    void succeed(Object body, DeliveryOptions options);

    /** Answers with the failure's code and message; an unexpected error is logged and shown only as INTERNAL. */
    void fail(Throwable failure, UUID correlationId);

    /**
     * The answers of a message sent to a dispatcher's address, however it was sent: a stand-in for the dispatcher
     * answers through these, and reads what was sent with {@link #sent}.
     */
    static Answers of(Vertx vertx, Message<?> message) {
        return message.body() instanceof BusCodecs.Call call ? to(vertx, call) : to(message);
    }

    /** What a message sent to a dispatcher's address carries: a call's body, or the message's own. */
    static Object sent(Message<?> message) {
        return message.body() instanceof BusCodecs.Call call ? call.body() : message.body();
    }

    /** The answers of an event-bus request. */
    static Answers to(Message<?> request) {
        return new Answers() {
            @Override
            public void succeed(Object body, DeliveryOptions options) {
                request.reply(body, options);
            }

            @Override
            public void fail(Throwable failure, UUID correlationId) {
                Failures.reply(request, failure, correlationId);
            }
        };
    }

    /** The answers of a call, sent to its reply channel with its number. */
    static Answers to(Vertx vertx, BusCodecs.Call call) {
        return new Answers() {
            @Override
            public void succeed(Object body, DeliveryOptions options) {
                vertx.eventBus().send(call.replyTo(), new BusCodecs.Answered(call.id(), body),
                        BusCodecs.ANSWERED_DELIVERY);
            }

            @Override
            public void fail(Throwable failure, UUID correlationId) {
                vertx.eventBus().send(call.replyTo(),
                        new BusCodecs.Answered(call.id(), Failures.shown(failure, correlationId)),
                        BusCodecs.ANSWERED_DELIVERY);
            }
        };
    }
}

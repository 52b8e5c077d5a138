package io.whizbang.benchmarks.mobile;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.whizbang.impl.dispatch.Answers;
import io.whizbang.impl.dispatch.BusCodecs;

/**
 * A stand-in for the dispatcher that accepts every command at once with a fixed receipt, at its own address prefix:
 * a gateway pointed at it measures the gateway's own share of a command (HTTP, routing, token, JSON decoding,
 * envelope, event-bus hop) without the receptor and the ledger.
 */
final class StubDispatcher extends VerticleBase {
    /** The address prefix the stub consumes. */
    static final String PREFIX = "stub";

    private static final JsonObject RECEIPT = new JsonObject()
            .put("commandId", "01900000-0000-7000-8000-000000000001")
            .put("correlationId", "01900000-0000-7000-8000-000000000002")
            .put("tenant", "acme").put("stream", "Stock-SKU-1").put("version", 1L).put("position", 1L)
            .put("eventIds", new JsonArray());

    private MessageConsumer<Object> consumer;
    private MessageConsumer<Object> calls;

    @Override
    public Future<?> start() {
        consumer = vertx.eventBus().consumer(PREFIX + ".commands", message -> message.reply(RECEIPT));
        // the remote dispatcher's calls from an event loop, answered to its reply channel
        calls = vertx.eventBus().consumer(BusCodecs.callsOf(PREFIX + ".commands"),
                message -> Answers.of(vertx, message).succeed(RECEIPT, new DeliveryOptions()));
        return Future.all(consumer.completion(), calls.completion());
    }

    @Override
    public Future<?> stop() {
        return Future.all(consumer.unregister(), calls.unregister());
    }
}
